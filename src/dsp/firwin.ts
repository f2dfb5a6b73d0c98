/**
 * Windowed-sinc FIR design, as scipy.signal's `firwin`: the ideal response of each pass
 * band as a difference of sincs, times a window, scaled to unit gain in the first band.
 */
import { type WindowSpec, getWindow } from './windows.js';
import { CutoffFrequencyError } from './errors.js';
import { checkInteger, withDefaults } from './validate.js';
import { ParameterError } from '../util/errors.js';

/** Keyword arguments of `firwin`, as scipy's (`pass_zero` becomes `passZero`). */
export interface FirwinOptions {
  /** Window; default 'hamming'. Ignored in favour of a Kaiser window when `width` is given. */
  window?: WindowSpec;
  /**
   * Whether the band at 0 Hz passes: true/'lowpass'/'bandstop', or false/'highpass'/
   * 'bandpass'; default true.
   */
  passZero?: boolean | 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';
  /** Scale to unit gain at the centre of the first pass band; default true. */
  scale?: boolean;
  /** Sampling rate in Hz; when given, cutoffs are in Hz, otherwise normalised (Nyquist = 1). */
  fs?: number;
  /** Transition width (units of the cutoffs): selects a Kaiser window by Kaiser's formula. */
  width?: number;
}

/** Defaults of {@link FirwinOptions}, as scipy's. */
export const FIRWIN_DEFAULTS = {
  window: 'hamming',
  passZero: true,
  scale: true,
} as const;

/** sin(pi x) / (pi x), as numpy's `sinc`. */
function sinc(x: number): number {
  const y = Math.PI * (x === 0 ? 1e-20 : x);
  return Math.sin(y) / y;
}

/** Kaiser's attenuation estimate in dB for `numtaps` taps and a normalised width. */
export function kaiserAtten(numtaps: number, width: number): number {
  return 2.285 * (numtaps - 1) * Math.PI * width + 7.95;
}

/** Kaiser's beta for a stop-band attenuation in dB. */
export function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb > 21)
    return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}

function resolvePassZero(passZero: FirwinOptions['passZero'], count: number): boolean {
  if (typeof passZero === 'boolean') return passZero;
  const single = passZero === 'lowpass' || passZero === 'highpass';
  if (single && count !== 1) {
    throw new ParameterError(
      'cutoff',
      `one frequency when passZero is '${passZero}'`,
      count,
    );
  }
  if (!single && count < 2) {
    throw new ParameterError(
      'cutoff',
      `at least two frequencies when passZero is '${passZero}'`,
      count,
    );
  }
  if (passZero === 'lowpass' || passZero === 'bandstop') return true;
  if (passZero === 'highpass' || passZero === 'bandpass') return false;
  throw new ParameterError(
    'passZero',
    "a boolean, 'lowpass', 'highpass', 'bandpass' or 'bandstop'",
    passZero,
  );
}

/**
 * Designs a linear-phase FIR filter by the window method, as `scipy.signal.firwin(numtaps,
 * cutoff, window=..., pass_zero=..., scale=..., fs=...)`.
 * @param numtaps filter length (taps), an integer >= 1; odd when the filter passes Nyquist
 * @param cutoff band edge(s), strictly increasing, in Hz with `fs`, else normalised (0, 1)
 * @param options `window`, `passZero`, `scale`, `fs`, `width`
 * @returns the taps (length numtaps), symmetric
 * @throws CutoffFrequencyError for an edge <= 0 or >= Nyquist
 * @throws ParameterError for an even numtaps with a pass band at Nyquist, or unordered edges
 * @remarks Agrees with scipy 1.17 to about 1e-13 relative (test/fixtures/scipy).
 * @example
 * const taps = firwin(255, 50, { fs: 1000 }); // the study's 255-tap low-pass
 * const bandpass = firwin(101, [5, 15], { fs: 360, passZero: false, window: 'hann' });
 */
export function firwin(
  numtaps: number,
  cutoff: number | readonly number[],
  options: FirwinOptions = {},
): number[] {
  const { passZero, scale } = withDefaults(FIRWIN_DEFAULTS, options);
  let window: WindowSpec = options.window ?? FIRWIN_DEFAULTS.window;
  const { fs } = options;
  checkInteger('numtaps', numtaps, 1);
  if (fs !== undefined && !(Number.isFinite(fs) && fs > 0)) {
    throw new ParameterError('fs', 'a sampling rate > 0 Hz', fs);
  }
  const nyquist = fs === undefined ? 1 : fs / 2;
  const edges = typeof cutoff === 'number' ? [cutoff] : [...cutoff];
  if (edges.length === 0)
    throw new ParameterError('cutoff', 'at least one frequency', '[]');
  for (const v of edges) {
    if (!(v > 0 && v < nyquist)) throw new CutoffFrequencyError('cutoff', v, nyquist, fs);
  }
  for (let i = 1; i < edges.length; i++) {
    if (!(edges[i] > edges[i - 1])) {
      throw new ParameterError('cutoff', 'strictly increasing', `[${edges.join(', ')}]`);
    }
  }
  const normalized = edges.map((v) => v / nyquist);

  if (options.width !== undefined) {
    window = ['kaiser', kaiserBeta(kaiserAtten(numtaps, options.width / nyquist))];
  }

  // Pass bands as [left, right] pairs, adding 0 and/or Nyquist (1) at the ends.
  const zeroPasses = resolvePassZero(passZero, normalized.length);
  const nyquistPasses = (normalized.length % 2 === 1) !== zeroPasses;
  if (nyquistPasses && numtaps % 2 === 0) {
    throw new ParameterError(
      'numtaps',
      'odd for a filter that passes Nyquist',
      numtaps,
      'an even-length linear-phase filter has zero gain at Nyquist',
    );
  }
  const points = [
    ...(zeroPasses ? [0] : []),
    ...normalized,
    ...(nyquistPasses ? [1] : []),
  ];

  // Ideal response: sum over bands of right*sinc(right*m) - left*sinc(left*m).
  const alpha = 0.5 * (numtaps - 1);
  const h = new Float64Array(numtaps);
  for (let band = 0; band < points.length; band += 2) {
    const left = points[band];
    const right = points[band + 1];
    for (let i = 0; i < numtaps; i++) {
      const m = i - alpha;
      h[i] += right * sinc(right * m);
      h[i] -= left * sinc(left * m);
    }
  }

  const w = getWindow(window, numtaps);
  for (let i = 0; i < numtaps; i++) h[i] *= w[i];

  // Unit gain at 0, at Nyquist, or at the centre of the first pass band.
  if (scale) {
    const [left, right] = points;
    const frequency = left === 0 ? 0 : right === 1 ? 1 : 0.5 * (left + right);
    let s = 0;
    for (let i = 0; i < numtaps; i++)
      s += h[i] * Math.cos(Math.PI * (i - alpha) * frequency);
    for (let i = 0; i < numtaps; i++) h[i] /= s;
  }
  return Array.from(h);
}
