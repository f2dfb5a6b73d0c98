import { silentLogger } from '../util/logger.js';
import { centredMovingMean, secondsToSamples } from './moving-sum.js';
import { checkSamplingRate, prepareSignal } from './prepare-signal.js';
import { refinePeaks } from './refine-peaks.js';
import type { DetectorOptions } from './types.js';

/** Parameters of the Pan-Tompkins detector; durations in s. */
export interface PanTompkins1985Options extends DetectorOptions {
  /** Length of each of the two moving sums that form the low-pass (6 samples at 200 Hz). */
  lowPassSec?: number;
  /** Length of the moving mean subtracted by the high-pass (32 samples at 200 Hz). */
  highPassSec?: number;
  /** Spacing of the five-point derivative (1 sample at 200 Hz). */
  derivativeStepSec?: number;
  /** Moving-window integration length (30 samples at 200 Hz). */
  integrationSec?: number;
  /** No second QRS complex within this time of a first, s. */
  refractorySec?: number;
  /** Within this time of a QRS, a candidate with half the slope is a T wave, s. */
  tWaveSec?: number;
  /** Initial learning period that sets the first thresholds, s. */
  learningSec?: number;
}

/** Defaults: the paper's sample counts at 200 Hz, written in seconds. */
export const PAN_TOMPKINS_1985_DEFAULTS: Required<
  Omit<PanTompkins1985Options, 'logger'>
> = {
  lowPassSec: 0.03,
  highPassSec: 0.16,
  derivativeStepSec: 0.005,
  integrationSec: 0.15,
  refractorySec: 0.2,
  tWaveSec: 0.36,
  learningSec: 2,
};

/** A fiducial mark: a local maximum of the integrated signal and its band-pass peak. */
interface Candidate {
  index: number;
  integrated: number;
  filtered: number;
  slope: number;
}

/**
 * Finds R peaks with the Pan-Tompkins algorithm: band-pass (two moving-sum low-pass and a
 * moving-mean high-pass), five-point derivative, squaring and moving-window integration,
 * then two sets of adaptive thresholds (integrated and filtered signal), search-back for
 * missed beats at 166% of the recent RR average, and T-wave rejection by slope.
 * @param millivolts one lead, mV (any polarity); NaN samples are interpolated
 * @param samplingRateHz 100 to 2000 Hz
 * @returns 0-based sample indices of the R peaks, ascending
 * @throws ParameterError when the rate is outside 100-2000 Hz
 * @remarks The paper's integer filters are specified at 200 Hz; here each filter keeps
 * its duration in seconds at any rate and runs as a centred (zero-phase) moving sum, so
 * no delay needs correcting. The paper's causal, sample-by-sample thresholds are run
 * over the whole signal once. Peaks are placed on the original signal as for every
 * detector (largest deviation from a 0.2 s baseline within 60 ms).
 *
 * Limitations: a tall P wave more than 0.2 s before its QRS complex passes the
 * thresholds and counts as a beat (MIT-BIH record 108: 546 false positives); prefer
 * `'elgendi-2010'`.
 * @see Pan J, Tompkins WJ. A real-time QRS detection algorithm. IEEE Transactions on
 * Biomedical Engineering 1985;BME-32(3):230-236. https://doi.org/10.1109/TBME.1985.325532
 * @example
 * const peaks = detectPanTompkins1985(record.physical[0], record.samplingRateHz);
 */
export function detectPanTompkins1985(
  millivolts: ArrayLike<number>,
  samplingRateHz: number,
  options: PanTompkins1985Options = {},
): Int32Array {
  const { logger = silentLogger, ...rest } = options;
  const p = { ...PAN_TOMPKINS_1985_DEFAULTS, ...rest };
  checkSamplingRate(samplingRateHz);
  const clean = prepareSignal(millivolts, samplingRateHz, logger);
  if (clean === undefined) return new Int32Array(0);
  const fs = samplingRateHz;

  // Band-pass: low-pass (two moving sums), then subtract a moving mean (high-pass).
  const lowPassSamples = secondsToSamples(p.lowPassSec, fs);
  const lowPassed = centredMovingMean(
    centredMovingMean(clean, lowPassSamples),
    lowPassSamples,
  );
  const trend = centredMovingMean(lowPassed, secondsToSamples(p.highPassSec, fs));
  const filtered = lowPassed.map((v, i) => v - trend[i]);

  // Five-point derivative, squaring, moving-window integration.
  const slope = derivative(filtered, secondsToSamples(p.derivativeStepSec, fs));
  const integrated = centredMovingMean(
    slope.map((v) => v * v),
    secondsToSamples(p.integrationSec, fs),
  );

  const candidates = findCandidates(filtered, slope, integrated, fs, p.refractorySec);
  const qrs = classify(candidates, integrated, filtered, fs, p);
  return refinePeaks(clean, qrs, fs, {
    searchSec: 0.06,
    baselineSec: 0.2,
    minDistanceSec: p.refractorySec,
  });
}

/** (2 (x[i+h] - x[i-h]) + x[i+2h] - x[i-2h]) / 8, with the ends held. */
function derivative(values: Float64Array, step: number): Float64Array {
  const n = values.length;
  const at = (i: number) => values[Math.min(n - 1, Math.max(0, i))];
  const result = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    result[i] =
      (2 * (at(i + step) - at(i - step)) + at(i + 2 * step) - at(i - 2 * step)) / 8;
  }
  return result;
}

/**
 * Local maxima of the integrated signal that are the highest within the refractory
 * period on either side (a smaller wave beside a QRS complex is not a fiducial mark),
 * with the band-pass peak and the largest slope near each.
 */
function findCandidates(
  filtered: Float64Array,
  slope: Float64Array,
  integrated: Float64Array,
  fs: number,
  refractorySec: number,
): Candidate[] {
  const half = secondsToSamples(0.075, fs);
  const candidates: Candidate[] = [];
  for (const i of dominantMaxima(integrated, secondsToSamples(refractorySec, fs))) {
    let peak = i;
    let maxSlope = 0;
    for (
      let k = Math.max(0, i - half);
      k <= Math.min(filtered.length - 1, i + half);
      k++
    ) {
      if (Math.abs(filtered[k]) > Math.abs(filtered[peak])) peak = k;
      maxSlope = Math.max(maxSlope, Math.abs(slope[k]));
    }
    candidates.push({
      index: peak,
      integrated: integrated[i],
      filtered: Math.abs(filtered[peak]),
      slope: maxSlope,
    });
  }
  return candidates;
}

/** The paper's decision rules over the candidates, in time order. */
function classify(
  candidates: Candidate[],
  integrated: Float64Array,
  filtered: Float64Array,
  fs: number,
  p: Required<Omit<PanTompkins1985Options, 'logger'>>,
): number[] {
  // Learning phase 1: signal and noise levels from the first seconds.
  const learn = Math.min(integrated.length, secondsToSamples(p.learningSec, fs));
  let spki = maxOf(integrated, learn) / 3;
  let npki = meanOf(integrated, learn) / 2;
  let spkf = maxOf(filtered, learn, true) / 3;
  let npkf = meanOf(filtered, learn, true) / 2;

  const refractory = secondsToSamples(p.refractorySec, fs);
  const tWave = secondsToSamples(p.tWaveSec, fs);
  const recentRr: number[] = [];
  const regularRr: number[] = [];
  let rrAverage2 = 0;
  let lastQrs: Candidate | undefined;
  let pending: Candidate[] = [];
  const qrs: number[] = [];

  const accept = (c: Candidate, searchBack: boolean) => {
    const weight = searchBack ? 0.25 : 0.125;
    spki = weight * c.integrated + (1 - weight) * spki;
    spkf = weight * c.filtered + (1 - weight) * spkf;
    if (lastQrs !== undefined) {
      const rr = c.index - lastQrs.index;
      push(recentRr, rr);
      const average1 = recentRr.reduce((a, b) => a + b, 0) / recentRr.length;
      if (rrAverage2 === 0 || (rr > 0.92 * rrAverage2 && rr < 1.16 * rrAverage2)) {
        push(regularRr, rr);
      }
      rrAverage2 =
        regularRr.length > 0
          ? regularRr.reduce((a, b) => a + b, 0) / regularRr.length
          : average1;
    }
    lastQrs = c;
    pending = [];
    qrs.push(c.index);
  };

  for (const c of candidates) {
    if (lastQrs !== undefined && c.index - lastQrs.index < refractory) continue;

    // Search back for a missed beat when no QRS came within 166% of the RR average.
    if (
      lastQrs !== undefined &&
      rrAverage2 > 0 &&
      c.index - lastQrs.index > 1.66 * rrAverage2
    ) {
      const thi2 = 0.5 * (npki + 0.25 * (spki - npki));
      const thf2 = 0.5 * (npkf + 0.25 * (spkf - npkf));
      const missed = pending
        .filter((m) => m.integrated > thi2 && m.filtered > thf2)
        .sort((a, b) => b.integrated - a.integrated)[0];
      if (missed !== undefined) accept(missed, true);
    }

    const irregular =
      rrAverage2 > 0 &&
      lastQrs !== undefined &&
      recentRr.length > 0 &&
      (recentRr[recentRr.length - 1] < 0.92 * rrAverage2 ||
        recentRr[recentRr.length - 1] > 1.16 * rrAverage2);
    const scale = irregular ? 0.5 : 1;
    const thi1 = scale * (npki + 0.25 * (spki - npki));
    const thf1 = scale * (npkf + 0.25 * (spkf - npkf));

    const isTWave =
      lastQrs !== undefined &&
      c.index - lastQrs.index < tWave &&
      c.slope < 0.5 * lastQrs.slope;
    if (!isTWave && c.integrated > thi1 && c.filtered > thf1) {
      accept(c, false);
    } else {
      npki = 0.125 * c.integrated + 0.875 * npki;
      npkf = 0.125 * c.filtered + 0.875 * npkf;
      if (!isTWave) pending.push(c);
    }
  }
  return qrs;
}

/** Indices of local maxima that no higher maximum within `distance` samples shadows. */
function dominantMaxima(values: Float64Array, distance: number): number[] {
  const maxima: number[] = [];
  for (let i = 1; i < values.length - 1; i++) {
    if (values[i] > values[i - 1] && values[i] >= values[i + 1]) maxima.push(i);
  }
  const byHeight = [...maxima].sort((a, b) => values[b] - values[a]);
  const kept = new Uint8Array(values.length);
  const near = new Uint8Array(values.length);
  for (const i of byHeight) {
    if (near[i]) continue;
    kept[i] = 1;
    const from = Math.max(0, i - distance);
    const to = Math.min(values.length - 1, i + distance);
    for (let k = from; k <= to; k++) near[k] = 1;
  }
  return maxima.filter((i) => kept[i]);
}

function push(list: number[], value: number): void {
  list.push(value);
  if (list.length > 8) list.shift();
}

function maxOf(values: Float64Array, count: number, absolute = false): number {
  let max = 0;
  for (let i = 0; i < count; i++)
    max = Math.max(max, absolute ? Math.abs(values[i]) : values[i]);
  return max;
}

function meanOf(values: Float64Array, count: number, absolute = false): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += absolute ? Math.abs(values[i]) : values[i];
  return count > 0 ? sum / count : 0;
}
