import { resamplePoly } from '../dsp/index.js';
import { ParameterError } from '../util/errors.js';

/** Options of {@link kachueeBeats}. */
export interface KachueeOptions {
  /** Rate the beats are resampled to, Hz; default 125. */
  targetRateHz?: number;
  /** Length of every beat after zero padding, samples at `targetRateHz`; default 187. */
  beatSamples?: number;
  /** Each beat spans this many median RR intervals from its R peak; default 1.2. */
  spanRr?: number;
  /** Length of the windows normalised and measured separately, s; default 10. */
  windowSec?: number;
}

/** Defaults of {@link KachueeOptions}, from Kachuee et al. (2018). */
export const KACHUEE_DEFAULTS: Required<KachueeOptions> = {
  targetRateHz: 125,
  beatSamples: 187,
  spanRr: 1.2,
  windowSec: 10,
};

/** Beats in the Kachuee format and where they came from. */
export interface KachueeBeats {
  /** One beat per kept R peak, values in [0, 1], `beatSamples` long, zero padded. */
  beats: Float32Array[];
  /** The R peak of each beat, 0-based samples at the input rate. */
  rPeakIndices: Int32Array;
}

/**
 * Cuts beats in the format of Kachuee et al. (2018): the lead is resampled to 125 Hz
 * and split into 10 s windows; each window is scaled to [0, 1] (min-max); the median RR
 * interval T of the window's beats is measured; each beat is the span from its R peak to
 * 1.2 T after it, zero-padded to 187 samples.
 * @param millivolts one lead, mV
 * @param rPeakIndices 0-based samples at `samplingRateHz`, ascending
 * @param samplingRateHz an integer rate > 0 Hz
 * @param options target rate, beat length, span, window (defaults 125 Hz, 187, 1.2, 10 s)
 * @returns the beats (float32, as networks take them) and their R peaks
 * @throws ParameterError for a non-integer rate or options out of range
 * @remarks Resampling is `resamplePoly` (scipy's resample_poly). A window with fewer
 * than two beats has no RR interval and gives no beats; so does a flat window. A beat
 * whose span runs past its window's end is cut at the window's end; one whose span
 * exceeds `beatSamples` (heart rate under about 40 bpm) is cut to `beatSamples`.
 * Limitations: the last window is shorter than `windowSec` when the record does not
 * divide evenly, and is used as it is.
 * @see Kachuee M, Fazeli S, Sarrafzadeh M. ECG heartbeat classification: a deep
 * transferable representation. 2018 IEEE International Conference on Healthcare
 * Informatics (ICHI), pp. 443-444. https://doi.org/10.1109/ICHI.2018.00092
 * @example
 * const { beats } = kachueeBeats(record.physical[0], peaks, 360); // 187 samples each
 */
export function kachueeBeats(
  millivolts: ArrayLike<number>,
  rPeakIndices: ArrayLike<number>,
  samplingRateHz: number,
  options: KachueeOptions = {},
): KachueeBeats {
  const p = { ...KACHUEE_DEFAULTS, ...options };
  if (!Number.isInteger(samplingRateHz) || samplingRateHz <= 0) {
    throw new ParameterError('samplingRateHz', 'a positive integer (Hz)', samplingRateHz);
  }
  if (!Number.isInteger(p.targetRateHz) || p.targetRateHz <= 0) {
    throw new ParameterError('targetRateHz', 'a positive integer (Hz)', p.targetRateHz);
  }
  if (!(p.beatSamples >= 1 && p.spanRr > 0 && p.windowSec > 0)) {
    throw new ParameterError(
      'options',
      'beatSamples >= 1, spanRr > 0, windowSec > 0',
      JSON.stringify(p),
    );
  }

  // Resample to the target rate (rate ratio reduced by resamplePoly).
  const resampled =
    millivolts.length === 0
      ? new Float64Array(0)
      : resamplePoly(Float64Array.from(millivolts), p.targetRateHz, samplingRateHz);
  const scale = p.targetRateHz / samplingRateHz;
  const windowSamples = Math.round(p.windowSec * p.targetRateHz);

  const beats: Float32Array[] = [];
  const kept: number[] = [];
  for (let start = 0; start < resampled.length; start += windowSamples) {
    const end = Math.min(resampled.length, start + windowSamples);
    const inWindow: Array<[number, number]> = [];
    for (let b = 0; b < rPeakIndices.length; b++) {
      const at = Math.round(rPeakIndices[b] * scale);
      if (at >= start && at < end) inWindow.push([rPeakIndices[b], at]);
    }
    if (inWindow.length < 2) continue;

    // Min-max scaling of the window, and the median RR interval T of its beats.
    let min = Infinity;
    let max = -Infinity;
    for (let i = start; i < end; i++) {
      min = Math.min(min, resampled[i]);
      max = Math.max(max, resampled[i]);
    }
    if (!(max > min)) continue;
    const rr = inWindow.slice(1).map(([, at], i) => at - inWindow[i][1]);
    const spanSamples = Math.min(p.beatSamples, Math.round(p.spanRr * median(rr)));

    for (const [original, at] of inWindow) {
      const beat = new Float32Array(p.beatSamples);
      const stop = Math.min(end, at + spanSamples);
      for (let i = at; i < stop; i++) beat[i - at] = (resampled[i] - min) / (max - min);
      beats.push(beat);
      kept.push(original);
    }
  }
  return { beats, rPeakIndices: Int32Array.from(kept) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
