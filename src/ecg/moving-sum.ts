/**
 * Centred moving sums and means by running sums: O(n) for any window, float64 throughout.
 * Samples outside the signal count as absent (the mean divides by the samples present),
 * so the edges are not pulled towards zero.
 */

/**
 * Centred moving mean over `windowSamples` samples: the window of sample `i` runs from
 * `i - floor((windowSamples - 1) / 2)` to `i + ceil((windowSamples - 1) / 2)`.
 * @param values input samples (not modified)
 * @param windowSamples window length in samples, >= 1
 * @returns a new array of the same length
 */
export function centredMovingMean(
  values: Float64Array,
  windowSamples: number,
): Float64Array {
  const n = values.length;
  const result = new Float64Array(n);
  const before = Math.floor((windowSamples - 1) / 2);
  const after = windowSamples - 1 - before;

  // Running sums with a leading zero: sum(values[a..b)) = prefix[b] - prefix[a].
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];

  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - before);
    const to = Math.min(n, i + after + 1);
    result[i] = (prefix[to] - prefix[from]) / (to - from);
  }
  return result;
}

/** Converts a duration in seconds to a whole number of samples, at least 1. */
export function secondsToSamples(durationSec: number, samplingRateHz: number): number {
  return Math.max(1, Math.round(durationSec * samplingRateHz));
}
