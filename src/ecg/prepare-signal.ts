import { ParameterError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';

/** Lowest and highest sampling rates the detectors are specified for, Hz. */
export const MIN_SAMPLING_RATE_HZ = 100;
export const MAX_SAMPLING_RATE_HZ = 2000;

/** Shortest signal a detector looks at; shorter input yields no beats, s. */
export const MIN_DETECTION_SEC = 0.5;

/** Throws a ParameterError unless the rate lies in [100, 2000] Hz. */
export function checkSamplingRate(samplingRateHz: number): void {
  const ok =
    Number.isFinite(samplingRateHz) &&
    samplingRateHz >= MIN_SAMPLING_RATE_HZ &&
    samplingRateHz <= MAX_SAMPLING_RATE_HZ;
  if (!ok) {
    throw new ParameterError(
      'samplingRateHz',
      `between ${MIN_SAMPLING_RATE_HZ} and ${MAX_SAMPLING_RATE_HZ} Hz`,
      samplingRateHz,
      'resample the signal first (resamplePoly) or pass the record rate',
    );
  }
}

/**
 * Returns a copy of `millivolts` in which NaN and infinite samples are replaced by linear
 * interpolation between the nearest valid samples (the nearest valid value at the ends),
 * or `undefined` when the signal cannot hold a beat: empty, shorter than
 * {@link MIN_DETECTION_SEC}, no valid sample, or flat (peak-to-peak 0).
 */
export function prepareSignal(
  millivolts: ArrayLike<number>,
  samplingRateHz: number,
  logger: Logger,
): Float64Array | undefined {
  const n = millivolts.length;
  if (n < MIN_DETECTION_SEC * samplingRateHz) {
    logger.debug(
      `R-peak detection skipped: ${n} samples is under ${MIN_DETECTION_SEC} s`,
    );
    return undefined;
  }

  const clean = Float64Array.from(millivolts);
  let lastValid = -1;
  let repaired = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && Number.isFinite(clean[i])) {
      if (lastValid < i - 1) repaired += fillGap(clean, lastValid, i);
      lastValid = i;
    } else if (i === n && lastValid < n - 1) {
      if (lastValid < 0) {
        logger.debug('R-peak detection skipped: no finite sample');
        return undefined;
      }
      repaired += fillGap(clean, lastValid, n);
    }
  }
  if (repaired > 0) {
    logger.warn(`${repaired} non-finite samples replaced by linear interpolation`);
  }

  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (clean[i] < min) min = clean[i];
    if (clean[i] > max) max = clean[i];
  }
  if (!(max > min)) {
    logger.debug('R-peak detection skipped: flat signal');
    return undefined;
  }
  return clean;
}

/** Fills clean(from, to) exclusive by linear interpolation; ends take the nearest value. */
function fillGap(clean: Float64Array, from: number, to: number): number {
  const n = clean.length;
  const left = from >= 0 ? clean[from] : clean[to];
  const right = to < n ? clean[to] : left;
  for (let i = from + 1; i < to; i++) {
    const t = from >= 0 && to < n ? (i - from) / (to - from) : 0;
    clean[i] = left + t * (right - left);
  }
  return to - from - 1;
}
