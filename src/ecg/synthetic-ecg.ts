/**
 * Synthetic ECG for tests: each beat is a sum of Gaussian waves (P, Q, R, S, T) at fixed
 * offsets from its R peak, so the true R peaks are known exactly at any sampling rate.
 * Not exported from the package: detectors are proven on real annotated records.
 */

/** Options of {@link syntheticEcg}. */
export interface SyntheticEcgOptions {
  samplingRateHz: number;
  durationSec: number;
  heartRateBpm?: number;
  /** First R peak, s; default half an RR interval. */
  firstBeatSec?: number;
  /** Peak-to-peak amplitude of a baseline wander at 0.3 Hz, mV; default 0. */
  wanderMv?: number;
  /** Amplitude of a mains hum, mV; default 0. */
  mainsMv?: number;
  /** Mains frequency, Hz; default 50. */
  mainsHz?: number;
}

/** Waves of one beat: offset from R (s), width (s, standard deviation), amplitude (mV). */
const WAVES: Array<[number, number, number]> = [
  [-0.2, 0.025, 0.15], // P
  [-0.03, 0.008, -0.12], // Q
  [0, 0.01, 1.2], // R
  [0.03, 0.008, -0.25], // S
  [0.28, 0.045, 0.3], // T
];

/** Returns the signal (mV) and the R peaks (0-based samples). */
export function syntheticEcg(options: SyntheticEcgOptions): {
  millivolts: Float64Array;
  rPeakIndices: number[];
} {
  const fs = options.samplingRateHz;
  const rrSec = 60 / (options.heartRateBpm ?? 72);
  const n = Math.round(options.durationSec * fs);
  const millivolts = new Float64Array(n);
  const rPeakIndices: number[] = [];
  const first = options.firstBeatSec ?? rrSec / 2;

  for (let beatSec = first; beatSec * fs < n; beatSec += rrSec) {
    const r = Math.round(beatSec * fs);
    rPeakIndices.push(r);
    for (const [offsetSec, widthSec, amplitudeMv] of WAVES) {
      const centre = r + offsetSec * fs;
      const reach = Math.ceil(5 * widthSec * fs);
      for (
        let i = Math.max(0, Math.floor(centre - reach));
        i < Math.min(n, centre + reach);
        i++
      ) {
        millivolts[i] +=
          amplitudeMv * Math.exp(-0.5 * ((i - centre) / (widthSec * fs)) ** 2);
      }
    }
  }

  const wander = (options.wanderMv ?? 0) / 2;
  const mains = options.mainsMv ?? 0;
  const mainsHz = options.mainsHz ?? 50;
  for (let i = 0; i < n; i++) {
    const t = i / fs;
    millivolts[i] +=
      wander * Math.sin(2 * Math.PI * 0.3 * t) +
      mains * Math.sin(2 * Math.PI * mainsHz * t);
  }
  return { millivolts, rPeakIndices };
}
