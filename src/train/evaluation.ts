/**
 * From predictions to the metric blocks of metrics.json and the curves of curves.json.
 */
import { aggregateProbabilities } from '../data/aggregate.js';
import type { PipelineItem } from '../data/batches.js';
import { summariseMetrics, type MetricSummary } from './bootstrap.js';
import { precisionRecallCurve, rocCurve } from './metrics.js';
import type { Predictions } from './fit.js';

/** Window-, record- and patient-level metrics of one set of items. */
export interface LevelMetrics {
  record: MetricSummary;
  window: MetricSummary;
  patient: MetricSummary;
}

/**
 * Metrics at the three levels, with bootstrap intervals that resample patients.
 * @param thresholds decision threshold of each item (one value for all, or one per item
 * when items come from cross-validation folds with their own thresholds)
 * @remarks Window level: every window is scored with its record's threshold. Patient
 * level: the mean of a patient's record probabilities; a patient is positive when any
 * of its records is, and takes the threshold of its first record.
 */
export function evaluateLevels(
  items: readonly PipelineItem[],
  predictions: Predictions,
  thresholds: number | readonly number[],
  options: { iterations: number; seed: number },
): LevelMetrics {
  const thresholdOf = (index: number) =>
    typeof thresholds === 'number' ? thresholds : thresholds[index];
  const itemIndex = new Map(items.map((item, index) => [item.recordId, index]));
  const recordLabels = items.map((item) => item.label);
  const patients = items.map((item) => item.patientId);
  const record = summariseMetrics(recordLabels, predictions.recordProbabilities, {
    threshold:
      typeof thresholds === 'number' ? thresholds : items.map((_, i) => thresholdOf(i)),
    groups: patients,
    ...options,
  });

  const windowItems = predictions.windowRecordIds.map(
    (id) => itemIndex.get(id) as number,
  );
  const window = summariseMetrics(
    predictions.windowLabels,
    predictions.windowProbabilities,
    {
      threshold: windowItems.map(thresholdOf),
      groups: windowItems.map((index) => patients[index]),
      ...options,
    },
  );

  const patientProbabilities = aggregateProbabilities(
    patients,
    predictions.recordProbabilities,
  );
  const patientIds = [...patientProbabilities.keys()];
  const patientLabel = new Map<string, number>();
  const patientThreshold = new Map<string, number>();
  items.forEach((item, index) => {
    patientLabel.set(
      item.patientId,
      Math.max(patientLabel.get(item.patientId) ?? 0, item.label),
    );
    if (!patientThreshold.has(item.patientId))
      patientThreshold.set(item.patientId, thresholdOf(index));
  });
  const patient = summariseMetrics(
    patientIds.map((id) => patientLabel.get(id) as number),
    patientIds.map((id) => patientProbabilities.get(id) as number),
    { threshold: patientIds.map((id) => patientThreshold.get(id) as number), ...options },
  );
  return { record, window, patient };
}

/** ROC points, PR points and calibration bins for curves.json. */
export interface Curves {
  roc: {
    falsePositiveRate: number;
    truePositiveRate: number;
    threshold: number | null;
  }[];
  pr: { recall: number; precision: number; threshold: number }[];
  calibration: {
    binLow: number;
    binHigh: number;
    count: number;
    meanProbability: number | null;
    fractionPositive: number | null;
  }[];
}

/** Curves of record-level predictions; calibration in `bins` equal-width bins. */
export function recordCurves(
  labels: readonly number[],
  probabilities: readonly number[],
  bins = 10,
): Curves {
  const roc = rocCurve(labels, probabilities).map((point) => ({
    falsePositiveRate: point.falsePositiveRate,
    truePositiveRate: point.truePositiveRate,
    threshold: Number.isFinite(point.threshold) ? point.threshold : null,
  }));
  const pr = precisionRecallCurve(labels, probabilities);
  const calibration = Array.from({ length: bins }, (_, bin) => {
    const binLow = bin / bins;
    const binHigh = (bin + 1) / bins;
    const inBin = probabilities
      .map((p, index) => ({ p, label: labels[index] }))
      .filter(({ p }) => p >= binLow && (bin === bins - 1 ? p <= binHigh : p < binHigh));
    const count = inBin.length;
    return {
      binLow,
      binHigh,
      count,
      meanProbability: count ? inBin.reduce((s, x) => s + x.p, 0) / count : null,
      fractionPositive: count ? inBin.reduce((s, x) => s + x.label, 0) / count : null,
    };
  });
  return { roc, pr, calibration };
}
