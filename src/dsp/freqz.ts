/**
 * Frequency responses, as scipy.signal's `freqz`, `sosfreqz` and `group_delay`: the transfer
 * function evaluated on the unit circle, z = e^(j w).
 */
import { type Complex, div, expi, mul } from './complex.js';
import { polyvalComplex } from './polynomial.js';
import {
  type Coefficients,
  type Sos,
  toCoefficients,
  toSos,
  withDefaults,
} from './validate.js';
import { ParameterError } from '../util/errors.js';
import { type Logger, silentLogger } from '../util/logger.js';

/** Keyword arguments of `freqz` and `sosfreqz`, as scipy's. */
export interface FreqzOptions {
  /**
   * A count of equally spaced frequencies (default 512) from 0 up to but excluding Nyquist
   * (or 2 pi with `whole`), or the frequencies themselves, in the units of `fs`.
   */
  worN?: number | ArrayLike<number>;
  /** Span the whole circle, 0 to fs, instead of 0 to fs / 2; default false. */
  whole?: boolean;
  /** Sampling rate; default 2 pi, so frequencies are in radians per sample. */
  fs?: number;
  /** With a count and not `whole`, end the frequencies at Nyquist itself; default false. */
  includeNyquist?: boolean;
}

/** Defaults of {@link FreqzOptions}, as scipy's. */
export const FREQZ_DEFAULTS = {
  worN: 512,
  whole: false,
  fs: 2 * Math.PI,
  includeNyquist: false,
} as const;

/** Frequencies (units of fs) and the complex response at each. */
export interface FrequencyResponse {
  w: Float64Array;
  h: Complex[];
}

/** Radian frequencies for a count (excluding the end point) or the given frequencies. */
function frequencies(options: FreqzOptions): { radians: Float64Array; fs: number } {
  const { worN, whole, fs, includeNyquist } = withDefaults(FREQZ_DEFAULTS, options);
  if (!(Number.isFinite(fs) && fs > 0))
    throw new ParameterError('fs', 'a sampling rate > 0', fs);
  if (typeof worN === 'number') {
    if (!Number.isInteger(worN) || worN < 0)
      throw new ParameterError('worN', 'an integer >= 0', worN);
    // numpy's linspace(0, last, worN, endpoint): i x step, the end point exact.
    const last = whole ? 2 * Math.PI : Math.PI;
    const endpoint = includeNyquist && !whole;
    const radians = new Float64Array(worN);
    const step = last / (endpoint ? worN - 1 : worN);
    for (let i = 0; i < worN; i++) radians[i] = i * step;
    if (endpoint && worN > 1) radians[worN - 1] = last;
    return { radians, fs };
  }
  const radians = Float64Array.from(worN, (f) => (2 * Math.PI * f) / fs);
  return { radians, fs };
}

/** Coefficients reversed, so Horner's rule in z^-1 evaluates sum c[k] z^-k. */
const reversed = (c: Float64Array): Float64Array => c.slice().reverse();

/**
 * Frequency response of a transfer function b / a, as `scipy.signal.freqz(b, a, worN,
 * whole, fs)`.
 * @param b numerator; @param a denominator (default [1], an FIR filter)
 * @param options `worN` (count, default 512, or frequencies), `whole`, `fs` (default 2 pi)
 * @returns `{ w, h }`: frequencies in the units of fs, complex responses
 * @remarks Evaluated directly by Horner's rule at each frequency (scipy uses an FFT for FIR
 * filters with a count; the two agree to about 1e-15 absolute).
 * @example
 * const { w, h } = freqz(firwin(255, 50, { fs: 1000 }), [1], { worN: 2048, fs: 1000 });
 */
export function freqz(
  b: Coefficients,
  a: Coefficients = [1],
  options: FreqzOptions = {},
): FrequencyResponse {
  const numerator = reversed(toCoefficients(b, 'b'));
  const denominator = reversed(toCoefficients(a, 'a'));
  const { radians, fs } = frequencies(options);
  const h = Array.from(radians, (w) => {
    const zInverse = expi(-w);
    return div(
      polyvalComplex(numerator, zInverse),
      polyvalComplex(denominator, zInverse),
    );
  });
  return { w: radians.map((w) => w * (fs / (2 * Math.PI))), h };
}

/**
 * Frequency response of second-order sections, as `scipy.signal.sosfreqz(sos, worN, whole,
 * fs)` (named `freqz_sos` in newer scipy): the product of each section's `freqz`.
 * @returns `{ w, h }` as `freqz`
 * @example
 * const { w, h } = sosfreqz(butter(4, 50, { fs: 1000, output: 'sos' }), { fs: 1000 });
 */
export function sosfreqz(sos: Sos, options: FreqzOptions = {}): FrequencyResponse {
  const { flat, sections } = toSos(sos);
  let result: FrequencyResponse | undefined;
  for (let s = 0; s < sections; s++) {
    const row = freqz(
      flat.subarray(s * 6, s * 6 + 3),
      flat.subarray(s * 6 + 3, s * 6 + 6),
      options,
    );
    result =
      result === undefined
        ? row
        : { w: row.w, h: result.h.map((v, i) => mul(v, row.h[i])) };
  }
  return result as FrequencyResponse;
}

/** Keyword arguments of `groupDelay`, as scipy's `group_delay`, plus a logger for its warnings. */
export interface GroupDelayOptions {
  /** Count of frequencies (default 512) or the frequencies, in the units of `fs`. */
  w?: number | ArrayLike<number>;
  whole?: boolean;
  fs?: number;
  /** Receives a warning when the response is (nearly) zero at some frequencies. */
  logger?: Logger;
}

/**
 * Group delay in samples, as `scipy.signal.group_delay((b, a), w, whole, fs)`: the real part
 * of (sum k c_k z^-k) / (sum c_k z^-k) with c = b * reversed(a), minus len(a) - 1.
 * @returns `{ w, gd }`: frequencies (units of fs) and delay in samples
 * @remarks A linear-phase FIR filter of N taps delays every frequency by (N - 1) / 2
 * samples. Where the response is exactly zero the delay is undefined: it is set to 0 and a
 * warning names the frequencies; where it is nearly zero (|den| < 10 eps) a warning says
 * the value is inaccurate (both as scipy does).
 * @example
 * const { gd } = groupDelay(firwin(255, 50, { fs: 1000 }), [1], { fs: 1000 }); // 127 everywhere
 */
export function groupDelay(
  b: Coefficients,
  a: Coefficients = [1],
  options: GroupDelayOptions = {},
): { w: Float64Array; gd: Float64Array } {
  const bn = toCoefficients(b, 'b');
  const an = toCoefficients(a, 'a');
  const { radians, fs } = frequencies({
    worN: options.w ?? 512,
    whole: options.whole,
    fs: options.fs,
  });

  // c = convolve(b, reversed(a)); cr[k] = k c[k].
  const c = new Float64Array(bn.length + an.length - 1);
  for (let i = 0; i < bn.length; i++) {
    for (let j = 0; j < an.length; j++) c[i + j] += bn[i] * an[an.length - 1 - j];
  }
  const cr = c.map((v, k) => v * k);
  const cRev = reversed(c);
  const crRev = reversed(cr);

  const gd = new Float64Array(radians.length);
  const singular: number[] = [];
  const nearlySingular: number[] = [];
  radians.forEach((w, i) => {
    const z = expi(-w);
    const denominator = polyvalComplex(cRev, z);
    const value = div(polyvalComplex(crRev, z), denominator).re - an.length + 1;
    const frequency = w * (fs / (2 * Math.PI));
    if (Number.isFinite(value)) gd[i] = value;
    else singular.push(frequency);
    if (Math.hypot(denominator.re, denominator.im) < 10 * Number.EPSILON)
      nearlySingular.push(frequency);
  });
  const logger = options.logger ?? silentLogger;
  const list = (values: number[]) =>
    `${values.slice(0, 5).join(', ')}${values.length > 5 ? ', ...' : ''}`;
  if (singular.length > 0) {
    logger.warn(
      `group delay is undefined where the response is zero (${list(singular)}); set to 0 there`,
    );
  } else if (nearlySingular.length > 0) {
    logger.warn(
      `group delay is inaccurate where the response is nearly zero (${list(nearlySingular)})`,
    );
  }
  return { w: radians.map((w) => w * (fs / (2 * Math.PI))), gd };
}
