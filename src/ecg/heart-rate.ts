import { ParameterError } from '../util/errors.js';

/** Heart rate of a beat train. */
export interface HeartRate {
  /** Interval between each beat and the previous one, s (one fewer than the beats). */
  rrSec: Float64Array;
  /** 60 / RR for each interval, bpm, at the later beat of the pair. */
  instantaneousBpm: Float64Array;
  /** 60 / (mean RR), bpm; NaN with fewer than two beats. */
  meanBpm: number;
}

/**
 * RR intervals and heart rate from R-peak positions.
 * @param rPeakIndices 0-based samples, ascending
 * @param samplingRateHz > 0 Hz
 * @returns RR intervals (s), instantaneous rate (bpm) and mean rate (bpm)
 * @throws ParameterError for a rate that is not positive or peaks out of order
 * @remarks The mean rate is 60 over the mean RR interval (beats over time), not the mean
 * of the instantaneous rates, which over-weights short intervals.
 * @example
 * const { meanBpm } = heartRate(peaks, 360);
 */
export function heartRate(
  rPeakIndices: ArrayLike<number>,
  samplingRateHz: number,
): HeartRate {
  if (!(samplingRateHz > 0))
    throw new ParameterError('samplingRateHz', '> 0', samplingRateHz);
  const beats = rPeakIndices.length;
  const rrSec = new Float64Array(Math.max(0, beats - 1));
  for (let i = 1; i < beats; i++) {
    const rrSamples = rPeakIndices[i] - rPeakIndices[i - 1];
    if (!(rrSamples > 0)) {
      throw new ParameterError(
        `rPeakIndices[${i}]`,
        'after the previous peak',
        rPeakIndices[i],
      );
    }
    rrSec[i - 1] = rrSamples / samplingRateHz;
  }

  const instantaneousBpm = rrSec.map((rr) => 60 / rr);
  const meanRrSec = rrSec.reduce((a, b) => a + b, 0) / rrSec.length;
  return { rrSec, instantaneousBpm, meanBpm: rrSec.length > 0 ? 60 / meanRrSec : NaN };
}
