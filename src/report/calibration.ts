import { ParameterError } from '../util/errors.js';

/** One bin of a reliability (calibration) curve. */
export interface CalibrationBin {
  /** Bin edges on the predicted probability, [fromProbability, toProbability). */
  fromProbability: number;
  toProbability: number;
  /** Mean predicted probability of the items in the bin. */
  meanPredicted: number;
  /** Fraction of positives among them. */
  observedFraction: number;
  count: number;
}

/**
 * Reliability curve: splits [0, 1] into `bins` equal-width bins of predicted probability
 * and returns, for every non-empty bin, the mean prediction and the observed fraction of
 * positives.
 * @param labels 0 or 1 per item
 * @param probabilities predicted probability of label 1 per item, in [0, 1]
 * @param bins number of bins, integer >= 1 (default 10)
 * @returns the non-empty bins in increasing order
 * @throws ParameterError when lengths differ, a label is not 0/1, or a probability is
 * outside [0, 1]
 * @remarks Same binning as `sklearn.calibration.calibration_curve(strategy='uniform')`:
 * a probability p falls into bin `searchsorted(edges[1:-1], p, side='right')`, so 1.0
 * belongs to the last bin. Checked against a numpy transcription of that rule.
 */
export function calibrationBins(
  labels: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  bins = 10,
): CalibrationBin[] {
  if (labels.length !== probabilities.length) {
    throw new ParameterError(
      'probabilities',
      `one per label (${labels.length})`,
      probabilities.length,
    );
  }
  if (!Number.isInteger(bins) || bins < 1)
    throw new ParameterError('bins', 'an integer >= 1', bins);

  const sums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const counts = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i];
    if (!(p >= 0 && p <= 1))
      throw new ParameterError(`probabilities[${i}]`, 'in [0, 1]', p);
    if (labels[i] !== 0 && labels[i] !== 1)
      throw new ParameterError(`labels[${i}]`, '0 or 1', labels[i]);
    const bin = binOf(p, bins);
    sums[bin] += p;
    positives[bin] += labels[i];
    counts[bin] += 1;
  }

  const result: CalibrationBin[] = [];
  for (let bin = 0; bin < bins; bin++) {
    if (counts[bin] === 0) continue;
    result.push({
      fromProbability: bin / bins,
      toProbability: (bin + 1) / bins,
      meanPredicted: sums[bin] / counts[bin],
      observedFraction: positives[bin] / counts[bin],
      count: counts[bin],
    });
  }
  return result;
}

function binOf(p: number, bins: number): number {
  // Number of inner edges k / bins (k = 1 .. bins-1) that are <= p.
  let bin = Math.min(bins - 1, Math.floor(p * bins));
  if (bin + 1 < bins && (bin + 1) / bins <= p) bin += 1;
  if (bin > 0 && bin / bins > p) bin -= 1;
  return bin;
}
