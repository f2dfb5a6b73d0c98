import { centredMovingMean, secondsToSamples } from './moving-sum.js';

/** Options of {@link refinePeaks}; every duration in seconds. */
export interface RefineOptions {
  /** Half-width of the search window around each candidate, s. */
  searchSec: number;
  /** Window of the moving mean subtracted as baseline, s. */
  baselineSec: number;
  /** Two refined peaks closer than this are one beat (the larger is kept), s. */
  minDistanceSec: number;
}

/**
 * Moves each candidate to the sample of largest absolute deviation from the local
 * baseline in the original signal, so that the R peak lies on the ECG itself rather
 * than on a filtered copy, and so that a lead and its inverse give the same indices.
 * Drops candidates that land on the first or last sample (a beat cut by the record edge
 * has no peak inside the record) and merges candidates closer than `minDistanceSec`.
 * @returns sorted 0-based sample indices
 */
export function refinePeaks(
  millivolts: Float64Array,
  candidates: ArrayLike<number>,
  samplingRateHz: number,
  options: RefineOptions,
): Int32Array {
  const n = millivolts.length;
  const search = secondsToSamples(options.searchSec, samplingRateHz);
  const minDistance = secondsToSamples(options.minDistanceSec, samplingRateHz);
  const baseline = centredMovingMean(
    millivolts,
    secondsToSamples(options.baselineSec, samplingRateHz),
  );

  const peaks: number[] = [];
  const sizes: number[] = [];
  for (let c = 0; c < candidates.length; c++) {
    const centre = candidates[c];
    let best = -1;
    let bestSize = -1;
    for (
      let i = Math.max(0, centre - search);
      i <= Math.min(n - 1, centre + search);
      i++
    ) {
      const size = Math.abs(millivolts[i] - baseline[i]);
      if (size > bestSize) {
        bestSize = size;
        best = i;
      }
    }
    if (best <= 0 || best >= n - 1) continue;

    const last = peaks.length - 1;
    if (last >= 0 && best - peaks[last] < minDistance) {
      if (bestSize > sizes[last]) {
        peaks[last] = best;
        sizes[last] = bestSize;
      }
      continue;
    }
    peaks.push(best);
    sizes.push(bestSize);
  }
  return Int32Array.from(peaks);
}
