/**
 * Metric summaries with 95% bootstrap confidence intervals, resampling whole groups
 * (records, or patients when a patient has several records) with replacement.
 */
import { createRandom, randomInt } from '../data/random.js';
import {
  averagePrecision,
  confusionAt,
  rocAuc,
  thresholdMetrics,
  type Confusion,
} from './metrics.js';

/** A point estimate with its percentile bootstrap interval (NaN when undefined). */
export interface Estimate {
  value: number;
  ciLow: number;
  ciHigh: number;
}

/** The metric block `M` of metrics.json. */
export interface MetricSummary {
  auc: Estimate;
  averagePrecision: Estimate;
  accuracy: Estimate;
  sensitivity: Estimate;
  specificity: Estimate;
  f1: Estimate;
  n: number;
  positives: number;
  confusion: Confusion;
}

export interface SummaryOptions {
  /** Decision threshold: positive when score >= threshold; one value, or one per item
   * (cross-validation folds each choose their own). */
  threshold: number | readonly number[];
  /** Group of each item (patient id); items of one group are resampled together.
   * Default: each item is its own group. */
  groups?: readonly string[];
  /** Bootstrap resamples; default 1000. */
  iterations?: number;
  seed?: number;
  /** Interval coverage; default 0.95. */
  confidence?: number;
}

export const SUMMARY_DEFAULTS = { iterations: 1000, seed: 0, confidence: 0.95 } as const;

type MetricName =
  'auc' | 'averagePrecision' | 'accuracy' | 'sensitivity' | 'specificity' | 'f1';
const METRIC_NAMES: MetricName[] = [
  'auc',
  'averagePrecision',
  'accuracy',
  'sensitivity',
  'specificity',
  'f1',
];

function pointMetrics(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number | readonly number[],
): Record<MetricName, number> {
  return {
    auc: rocAuc(labels, scores),
    averagePrecision: averagePrecision(labels, scores),
    ...thresholdMetrics(confusionAt(labels, scores, threshold)),
  };
}

/** The q-quantile of sorted values with linear interpolation (numpy's default); NaN when empty. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/**
 * Computes every metric of `M` and its percentile bootstrap interval.
 * @param labels 0/1 per item
 * @param scores probability of the positive class per item
 * @returns the metric block; an interval is NaN when no resample defines the metric
 * @remarks Each resample draws as many groups as there are, with replacement, and keeps
 * all items of a drawn group. Resamples where a metric is undefined (AUC with one class)
 * are left out of that metric's interval only. Seeded: the same seed gives the same
 * interval.
 * @example
 * const m = summariseMetrics([0, 1, 1, 0], [0.2, 0.9, 0.6, 0.4], { threshold: 0.5, seed: 1 });
 * m.auc; // { value: 1, ciLow, ciHigh }
 */
export function summariseMetrics(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  options: SummaryOptions,
): MetricSummary {
  const { iterations, seed, confidence } = { ...SUMMARY_DEFAULTS, ...options };
  const threshold = options.threshold;
  const thresholdOf = (index: number) =>
    typeof threshold === 'number' ? threshold : threshold[index];
  const point = pointMetrics(labels, scores, threshold);
  const confusion = confusionAt(labels, scores, options.threshold);

  // Items of each group, in first-seen order.
  const groupItems = new Map<string, number[]>();
  for (let index = 0; index < labels.length; index++) {
    const group = options.groups?.[index] ?? String(index);
    const items = groupItems.get(group) ?? [];
    items.push(index);
    groupItems.set(group, items);
  }
  const groups = [...groupItems.values()];

  // Resample groups with replacement and collect each metric.
  const random = createRandom(seed);
  const samples: Record<MetricName, number[]> = {
    auc: [],
    averagePrecision: [],
    accuracy: [],
    sensitivity: [],
    specificity: [],
    f1: [],
  };
  for (let iteration = 0; iteration < iterations && groups.length > 0; iteration++) {
    const resampledLabels: number[] = [];
    const resampledScores: number[] = [];
    const resampledThresholds: number[] = [];
    for (let draw = 0; draw < groups.length; draw++) {
      for (const item of groups[randomInt(random, groups.length)]) {
        resampledLabels.push(labels[item]);
        resampledScores.push(scores[item]);
        resampledThresholds.push(thresholdOf(item));
      }
    }
    const metrics = pointMetrics(resampledLabels, resampledScores, resampledThresholds);
    for (const name of METRIC_NAMES) {
      if (!Number.isNaN(metrics[name])) samples[name].push(metrics[name]);
    }
  }

  const tail = (1 - confidence) / 2;
  const estimate = (name: MetricName): Estimate => {
    const sorted = samples[name].sort((a, b) => a - b);
    return {
      value: point[name],
      ciLow: quantile(sorted, tail),
      ciHigh: quantile(sorted, 1 - tail),
    };
  };
  return {
    auc: estimate('auc'),
    averagePrecision: estimate('averagePrecision'),
    accuracy: estimate('accuracy'),
    sensitivity: estimate('sensitivity'),
    specificity: estimate('specificity'),
    f1: estimate('f1'),
    n: labels.length,
    positives: confusion.tp + confusion.fn,
    confusion,
  };
}
