import { ParameterError } from '../util/errors.js';

/** Options of {@link segmentBeats}; durations in s. */
export interface SegmentOptions {
  /** Start of each window before its R peak, s; default 0.25. */
  beforeSec?: number;
  /** End of each window after its R peak, s; default 0.45. */
  afterSec?: number;
}

/** Defaults of {@link SegmentOptions}: a window that holds P wave, QRS and T wave at rest. */
export const SEGMENT_DEFAULTS: Required<SegmentOptions> = {
  beforeSec: 0.25,
  afterSec: 0.45,
};

/** Beat windows and the R peaks they belong to. */
export interface BeatSegments {
  /** One window per kept beat, mV, `before + 1 + after` samples each (R at `before`). */
  beats: Float64Array[];
  /** R peak of each window, 0-based samples. */
  rPeakIndices: Int32Array;
  /** Samples before the R peak in each window (the R peak's index inside a window). */
  beforeSamples: number;
}

/**
 * Cuts a window around each R peak: from `beforeSec` before to `afterSec` after.
 * @param millivolts one lead, mV
 * @param rPeakIndices 0-based samples
 * @param samplingRateHz > 0 Hz
 * @param options window bounds in s (defaults 0.25 s before, 0.45 s after)
 * @returns the windows (copies) and the R peaks they belong to
 * @throws ParameterError for negative window bounds or a rate that is not positive
 * @remarks Beats whose window would cross the start or end of the signal are left out,
 * never padded: compare `rPeakIndices` of the result with the input to see which.
 * @example
 * const { beats } = segmentBeats(lead, peaks, 500, { beforeSec: 0.2, afterSec: 0.4 });
 */
export function segmentBeats(
  millivolts: ArrayLike<number>,
  rPeakIndices: ArrayLike<number>,
  samplingRateHz: number,
  options: SegmentOptions = {},
): BeatSegments {
  const { beforeSec, afterSec } = { ...SEGMENT_DEFAULTS, ...options };
  if (!(samplingRateHz > 0))
    throw new ParameterError('samplingRateHz', '> 0', samplingRateHz);
  if (!(beforeSec >= 0)) throw new ParameterError('beforeSec', '>= 0 s', beforeSec);
  if (!(afterSec >= 0)) throw new ParameterError('afterSec', '>= 0 s', afterSec);
  const beforeSamples = Math.round(beforeSec * samplingRateHz);
  const afterSamples = Math.round(afterSec * samplingRateHz);

  const beats: Float64Array[] = [];
  const kept: number[] = [];
  for (let b = 0; b < rPeakIndices.length; b++) {
    const r = rPeakIndices[b];
    if (r - beforeSamples < 0 || r + afterSamples >= millivolts.length) continue;
    beats.push(
      Float64Array.from(
        { length: beforeSamples + afterSamples + 1 },
        (_, i) => millivolts[r - beforeSamples + i],
      ),
    );
    kept.push(r);
  }
  return { beats, rPeakIndices: Int32Array.from(kept), beforeSamples };
}
