/**
 * RR-interval features of each beat, after de Chazal et al. 2004: the interval to the
 * previous beat, to the next beat, the local mean over the ten intervals around the beat,
 * and the ratio of the previous interval to that local mean.
 */

/** Names of the columns {@link computeRrFeatures} returns, in order. */
export const RR_FEATURE_NAMES = [
  'preRrSec',
  'postRrSec',
  'localRrSec',
  'preToLocalRatio',
] as const;

/**
 * Computes four RR features per beat from the R-peak positions of one record.
 * @param rPeakIndex 0-based sample indices of consecutive beats of one record, ascending
 * @param samplingRateHz rate of those indices, Hz (> 0)
 * @returns row-major `beats x 4` values: pre-RR (s), post-RR (s), local mean RR (s) over
 * up to 10 intervals centred on the beat, pre-RR / local mean RR
 * @remarks The first beat has no previous interval and the last none after it: they take
 * the nearest defined interval (the beat's other one); a record with one beat gets NaN.
 * @see de Chazal P, O'Dwyer M, Reilly RB. IEEE Trans Biomed Eng 51(7):1196-1206 (2004).
 * https://doi.org/10.1109/TBME.2004.827359
 * @example
 * computeRrFeatures(Int32Array.from([0, 360, 720]), 360); // [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
 */
export function computeRrFeatures(
  rPeakIndex: ArrayLike<number>,
  samplingRateHz: number,
): Float32Array {
  const beats = rPeakIndex.length;
  const columns = RR_FEATURE_NAMES.length;
  const features = new Float32Array(beats * columns).fill(Number.NaN);
  if (beats < 2) return features;

  // Interval i lies between beat i and beat i + 1, in seconds.
  const intervalsSec = new Float64Array(beats - 1);
  for (let i = 0; i < beats - 1; i++) {
    intervalsSec[i] = (rPeakIndex[i + 1] - rPeakIndex[i]) / samplingRateHz;
  }

  for (let beat = 0; beat < beats; beat++) {
    const preSec = intervalsSec[Math.max(0, beat - 1)];
    const postSec = intervalsSec[Math.min(intervalsSec.length - 1, beat)];

    // Mean of up to ten intervals: five before the beat and five after.
    const from = Math.max(0, beat - 5);
    const to = Math.min(intervalsSec.length, beat + 5);
    let sumSec = 0;
    for (let i = from; i < to; i++) sumSec += intervalsSec[i];
    const localSec = sumSec / (to - from);

    features.set([preSec, postSec, localSec, preSec / localSec], beat * columns);
  }
  return features;
}
