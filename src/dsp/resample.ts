/**
 * Rational-factor resampling by polyphase filtering, as scipy.signal's `resample_poly`:
 * upsample by `up`, low-pass with a Kaiser-windowed FIR, downsample by `down`, keeping
 * only the output samples aligned with the input.
 */
import { firwin } from './firwin.js';
import { type WindowSpec } from './windows.js';
import {
  type Signal,
  checkInteger,
  toCoefficients,
  toSignal,
  withDefaults,
} from './validate.js';
import { NotImplementedError, ParameterError } from '../util/errors.js';

/** Keyword arguments of `resamplePoly`, as scipy's `resample_poly`. */
export interface ResamplePolyOptions {
  /** FIR window, or the filter taps themselves; default `['kaiser', 5.0]` as scipy. */
  window?: WindowSpec | readonly number[] | Float64Array;
  /**
   * Value assumed outside the signal: 'constant' (cval, default 0) or the signal's
   * 'mean', 'median', 'minimum' or 'maximum' (subtracted before, added back after).
   */
  padtype?: 'constant' | 'mean' | 'median' | 'minimum' | 'maximum';
  /** Value outside the signal for padtype 'constant'; only 0 (the default) is supported. */
  cval?: number;
}

/** Defaults of {@link ResamplePolyOptions}, as scipy's. */
export const RESAMPLE_POLY_DEFAULTS = {
  window: ['kaiser', 5.0],
  padtype: 'constant',
} as const;

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Output length of upfirdn: ceil(((n - 1) up + taps) / down). */
const upfirdnLength = (taps: number, n: number, up: number, down: number): number =>
  Math.floor(((n - 1) * up + taps - 1) / down) + 1;

function background(x: Float64Array, padtype: string): number {
  if (x.length === 0) return 0;
  if (padtype === 'mean') return x.reduce((s, v) => s + v, 0) / x.length;
  if (padtype === 'minimum') return x.reduce((m, v) => Math.min(m, v), Infinity);
  if (padtype === 'maximum') return x.reduce((m, v) => Math.max(m, v), -Infinity);
  const sorted = x.slice().sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
}

/**
 * Resamples x by the factor up / down, as `scipy.signal.resample_poly(x, up, down)`.
 * @param x signal (not modified)
 * @param up upsampling factor, integer >= 1
 * @param down downsampling factor, integer >= 1
 * @param options `window` (default Kaiser beta 5 over 2 x 10 x max(up, down) + 1 taps, cutoff
 *   1 / max(up, down) of Nyquist), `padtype`, `cval`
 * @returns ceil(len(x) x up / down) samples
 * @throws ParameterError for a non-integer or zero factor
 * @remarks up and down are reduced by their greatest common divisor first; 1000 Hz to
 * 250 Hz is (1, 4), 360 Hz to 250 Hz is (25, 36). Agrees with scipy 1.17 to about 1e-12.
 * Limitations: padtype 'line', upfirdn's reflecting modes and a non-zero cval are not
 * implemented.
 * @example
 * const at250Hz = resamplePoly(at1000Hz, 1, 4);
 */
export function resamplePoly(
  x: Signal,
  up: number,
  down: number,
  options: ResamplePolyOptions = {},
): Float64Array {
  checkInteger('up', up, 1);
  checkInteger('down', down, 1);
  const { window, padtype } = withDefaults(RESAMPLE_POLY_DEFAULTS, options);
  const allowed = ['constant', 'mean', 'median', 'minimum', 'maximum'];
  if (!allowed.includes(padtype)) {
    if (
      [
        'line',
        'symmetric',
        'reflect',
        'edge',
        'wrap',
        'smooth',
        'antisymmetric',
        'antireflect',
      ].includes(padtype)
    ) {
      throw new NotImplementedError(
        `resamplePoly padtype '${padtype}'`,
        `use one of ${allowed.join(', ')}`,
      );
    }
    throw new ParameterError('padtype', `one of ${allowed.join(', ')}`, padtype);
  }
  if (options.cval !== undefined && padtype !== 'constant') {
    throw new ParameterError('cval', "used only with padtype 'constant'", options.cval);
  }
  if (options.cval !== undefined && options.cval !== 0) {
    throw new NotImplementedError(
      'resamplePoly cval other than 0',
      "subtract the level first, or use padtype 'mean'",
    );
  }
  const input = toSignal(x);
  const g = gcd(up, down);
  const u = up / g;
  const d = down / g;
  if (u === 1 && d === 1) return input;

  const nIn = input.length;
  const nOut = Math.ceil((nIn * u) / d);

  // Low-pass FIR at the lower of the two Nyquist rates, times u for the zero stuffing.
  let h: Float64Array;
  let halfLen: number;
  if (isTaps(window)) {
    h = toCoefficients(window, 'window');
    halfLen = (h.length - 1) >> 1;
  } else {
    const maxRate = Math.max(u, d);
    halfLen = 10 * maxRate;
    h = Float64Array.from(firwin(2 * halfLen + 1, 1 / maxRate, { window }));
  }
  for (let i = 0; i < h.length; i++) h[i] *= u;

  // Pad the filter so that output sample 0 falls on input sample 0.
  const nPrePad = d - (halfLen % d);
  const nPreRemove = Math.floor((halfLen + nPrePad) / d);
  let nPostPad = 0;
  while (upfirdnLength(h.length + nPrePad + nPostPad, nIn, u, d) < nOut + nPreRemove)
    nPostPad++;
  const taps = new Float64Array(nPrePad + h.length + nPostPad);
  taps.set(h, nPrePad);

  // Remove the background (mean, median, ...), filter, add it back.
  const offset = padtype === 'constant' ? 0 : background(input, padtype);
  if (offset !== 0) for (let i = 0; i < nIn; i++) input[i] -= offset;
  const y = polyphase(taps, input, u, d, nPreRemove, nOut);
  if (offset !== 0) for (let i = 0; i < nOut; i++) y[i] += offset;
  return y;
}

function isTaps(
  window: ResamplePolyOptions['window'],
): window is readonly number[] | Float64Array {
  return (
    window instanceof Float64Array ||
    (Array.isArray(window) && typeof window[0] === 'number')
  );
}

/**
 * Output samples first..first+count of upfirdn(taps, x, up, down): y[j] = sum over input
 * samples i of taps[j*down - i*up] * x[i].
 */
function polyphase(
  taps: Float64Array,
  x: Float64Array,
  up: number,
  down: number,
  first: number,
  count: number,
): Float64Array {
  const y = new Float64Array(count);
  const nTaps = taps.length;
  for (let j = 0; j < count; j++) {
    const t = (first + j) * down;
    // Input samples i with 0 <= t - i*up < nTaps.
    const iMax = Math.min(x.length - 1, Math.floor(t / up));
    const iMin = Math.max(0, Math.floor((t - nTaps) / up) + 1);
    let sum = 0;
    for (let i = iMax; i >= iMin; i--) sum += taps[t - i * up] * x[i];
    y[j] = sum;
  }
  return y;
}
