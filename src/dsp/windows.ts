/**
 * Symmetric window functions for FIR design, as scipy.signal.windows with `sym=True`
 * (what `firwin` uses).
 */
import { ParameterError } from '../util/errors.js';
import { checkInteger } from './validate.js';

/** A window by name, or Kaiser with its shape parameter beta, as `['kaiser', 8.6]`. */
export type WindowSpec =
  'hamming' | 'hann' | 'blackman' | 'boxcar' | readonly ['kaiser', number];

const NAMED: Record<string, readonly number[]> = {
  hamming: [0.54, 0.46],
  hann: [0.5, 0.5],
  blackman: [0.42, 0.5, 0.08],
};

/** Sum of cosines w[n] = sum_k (-1)^k a_k cos(2 pi k n / (M - 1)), as scipy's general_cosine. */
function generalCosine(length: number, coefficients: readonly number[]): Float64Array {
  const w = new Float64Array(length);
  const step = (2 * Math.PI) / (length - 1);
  for (let n = 0; n < length; n++) {
    // fac runs from -pi to pi (numpy's linspace, the last point exact).
    const fac = n === length - 1 ? Math.PI : n * step - Math.PI;
    let sum = 0;
    for (let k = 0; k < coefficients.length; k++)
      sum += coefficients[k] * Math.cos(k * fac);
    w[n] = sum;
  }
  return w;
}

/**
 * Modified Bessel function of the first kind, order 0, by its power series
 * sum ((x/2)^k / k!)^2; every term is positive, so the sum keeps full relative precision.
 */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Kaiser window I0(beta sqrt(1 - (2n/(M-1) - 1)^2)) / I0(beta). */
function kaiser(length: number, beta: number): Float64Array {
  const w = new Float64Array(length);
  const alpha = (length - 1) / 2;
  const denominator = besselI0(beta);
  for (let n = 0; n < length; n++) {
    const r = (n - alpha) / alpha;
    w[n] = besselI0(beta * Math.sqrt(1 - r * r)) / denominator;
  }
  return w;
}

/**
 * A symmetric window of `length` points, as `scipy.signal.get_window(window, length,
 * fftbins=False)`.
 * @param window 'hamming', 'hann', 'blackman', 'boxcar' or `['kaiser', beta]` (beta >= 0)
 * @param length number of points, an integer >= 1
 * @returns the window, peak 1 at the centre for odd lengths
 * @throws ParameterError for an unknown window or a bad length or beta
 */
export function getWindow(window: WindowSpec, length: number): Float64Array {
  checkInteger('window length', length, 1);
  if (length === 1) return new Float64Array([1]);
  if (Array.isArray(window) && window[0] === 'kaiser') {
    const beta = window[1];
    if (!(Number.isFinite(beta) && beta >= 0))
      throw new ParameterError('kaiser beta', 'a number >= 0', beta);
    return kaiser(length, beta);
  }
  if (window === 'boxcar') return new Float64Array(length).fill(1);
  if (typeof window === 'string' && window in NAMED)
    return generalCosine(length, NAMED[window]);
  throw new ParameterError(
    'window',
    "'hamming', 'hann', 'blackman', 'boxcar' or ['kaiser', beta]",
    Array.isArray(window) ? `[${window.join(', ')}]` : String(window),
  );
}
