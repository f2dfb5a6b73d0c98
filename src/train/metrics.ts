/**
 * Binary classification metrics with scikit-learn's conventions: scores are
 * probabilities of the positive class (label 1); a prediction is positive when
 * `score >= threshold`.
 */
import { ParameterError } from '../util/errors.js';

/** Counts of a 2x2 confusion matrix. */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** One point of a curve produced by a threshold: positive when `score >= threshold`. */
export interface RocPoint {
  threshold: number;
  falsePositiveRate: number;
  truePositiveRate: number;
}

export interface PrPoint {
  threshold: number;
  recall: number;
  precision: number;
}

function checkInputs(labels: ArrayLike<number>, scores: ArrayLike<number>): void {
  if (labels.length !== scores.length) {
    throw new ParameterError(
      'scores',
      `as many values as labels (${labels.length})`,
      scores.length,
    );
  }
  for (let index = 0; index < labels.length; index++) {
    const label = labels[index];
    if (label !== 0 && label !== 1) {
      throw new ParameterError(`labels[${index}]`, '0 or 1', label);
    }
    if (!Number.isFinite(scores[index])) {
      throw new ParameterError(`scores[${index}]`, 'a finite number', scores[index]);
    }
  }
}

/** Cumulative true and false positives at each distinct score, highest score first. */
function cumulativeCounts(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): { thresholds: number[]; tps: number[]; fps: number[] } {
  const order = Array.from({ length: labels.length }, (_, index) => index).sort(
    (a, b) => scores[b] - scores[a],
  );
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let rank = 0; rank < order.length; rank++) {
    const index = order[rank];
    if (labels[index] === 1) tp++;
    else fp++;
    // Tied scores form one threshold: emit only after the last of a tie group.
    const next = order[rank + 1];
    if (next === undefined || scores[next] !== scores[index]) {
      thresholds.push(scores[index]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds, tps, fps };
}

function classCounts(labels: ArrayLike<number>): {
  positives: number;
  negatives: number;
} {
  let positives = 0;
  for (let index = 0; index < labels.length; index++) positives += labels[index];
  return { positives, negatives: labels.length - positives };
}

/**
 * The ROC curve: one point per distinct score, from (0, 0) at threshold +Infinity.
 * @returns points with false and true positive rates; NaN rates when a class is absent
 * @remarks Like `sklearn.metrics.roc_curve(..., drop_intermediate=False)`.
 */
export function rocCurve(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): RocPoint[] {
  checkInputs(labels, scores);
  const { positives, negatives } = classCounts(labels);
  const { thresholds, tps, fps } = cumulativeCounts(labels, scores);
  const points: RocPoint[] = [
    { threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 },
  ];
  for (let index = 0; index < thresholds.length; index++) {
    points.push({
      threshold: thresholds[index],
      falsePositiveRate: fps[index] / negatives,
      truePositiveRate: tps[index] / positives,
    });
  }
  return points;
}

/**
 * Area under the ROC curve (trapezoidal over distinct thresholds).
 * @returns AUC in [0, 1]; NaN when only one class is present
 * @remarks Ties between a positive and a negative score count one half, which makes it
 * equal to `sklearn.metrics.roc_auc_score` and to the Mann-Whitney U statistic / (P N).
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { positives, negatives } = classCounts(labels);
  if (positives === 0 || negatives === 0) {
    checkInputs(labels, scores);
    return NaN;
  }
  const points = rocCurve(labels, scores);
  let area = 0;
  for (let index = 1; index < points.length; index++) {
    const width = points[index].falsePositiveRate - points[index - 1].falsePositiveRate;
    area +=
      (width * (points[index].truePositiveRate + points[index - 1].truePositiveRate)) / 2;
  }
  return area;
}

/**
 * The precision-recall curve, one point per distinct score, highest threshold first.
 * @remarks Like `sklearn.metrics.precision_recall_curve` without its final (recall 0,
 * precision 1) point.
 */
export function precisionRecallCurve(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): PrPoint[] {
  checkInputs(labels, scores);
  const { positives } = classCounts(labels);
  const { thresholds, tps, fps } = cumulativeCounts(labels, scores);
  return thresholds.map((threshold, index) => ({
    threshold,
    recall: tps[index] / positives,
    precision: tps[index] / (tps[index] + fps[index]),
  }));
}

/**
 * Average precision: sum over distinct thresholds of (R_n - R_{n-1}) * P_n.
 * @returns AP in [0, 1]; NaN when there is no positive
 * @remarks The step-wise sum of `sklearn.metrics.average_precision_score` (no
 * interpolation), with tied scores forming one threshold.
 */
export function averagePrecision(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): number {
  const curve = precisionRecallCurve(labels, scores);
  if (classCounts(labels).positives === 0) return NaN;
  let sum = 0;
  let previousRecall = 0;
  for (const point of curve) {
    sum += (point.recall - previousRecall) * point.precision;
    previousRecall = point.recall;
  }
  return sum;
}

/**
 * Confusion counts with a prediction positive when `score >= threshold`.
 * @param threshold one value, or one per item
 */
export function confusionAt(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number | ArrayLike<number>,
): Confusion {
  checkInputs(labels, scores);
  const counts: Confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let index = 0; index < labels.length; index++) {
    const predicted =
      scores[index] >= (typeof threshold === 'number' ? threshold : threshold[index]);
    if (labels[index] === 1) {
      if (predicted) counts.tp++;
      else counts.fn++;
    } else if (predicted) counts.fp++;
    else counts.tn++;
  }
  return counts;
}

/** Threshold metrics derived from a confusion matrix. */
export interface ThresholdMetrics {
  accuracy: number;
  /** Recall of the positive class, TP / (TP + FN); NaN without positives. */
  sensitivity: number;
  /** TN / (TN + FP); NaN without negatives. */
  specificity: number;
  /** 2 TP / (2 TP + FP + FN); 0 when that denominator is 0 (sklearn's zero_division=0). */
  f1: number;
}

/** Accuracy, sensitivity, specificity and F1 from confusion counts. */
export function thresholdMetrics(confusion: Confusion): ThresholdMetrics {
  const { tp, fp, tn, fn } = confusion;
  const total = tp + fp + tn + fn;
  const f1Denominator = 2 * tp + fp + fn;
  return {
    accuracy: total === 0 ? NaN : (tp + tn) / total,
    sensitivity: tp + fn === 0 ? NaN : tp / (tp + fn),
    specificity: tn + fp === 0 ? NaN : tn / (tn + fp),
    f1: f1Denominator === 0 ? 0 : (2 * tp) / f1Denominator,
  };
}

/** Name of the threshold rule, recorded in metrics.json. */
export const YOUDEN_RULE =
  "Youden's J = sensitivity + specificity - 1, maximised over the distinct validation " +
  'scores; ties go to the highest threshold; positive when probability >= threshold';

/**
 * Chooses the decision threshold that maximises Youden's J on labelled scores.
 * @returns a threshold equal to one of the scores; 0.5 when a class is absent
 * @remarks Youden WJ (1950) Index for rating diagnostic tests. Cancer 3(1):32-35.
 * Among equal J the highest threshold wins (fewer false positives).
 */
export function youdenThreshold(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
): number {
  const { positives, negatives } = classCounts(labels);
  if (positives === 0 || negatives === 0) return 0.5;
  let best = { threshold: 0.5, j: -Infinity };
  for (const point of rocCurve(labels, scores).slice(1)) {
    const j = point.truePositiveRate - point.falsePositiveRate;
    if (j > best.j) best = { threshold: point.threshold, j };
  }
  return best.threshold;
}
