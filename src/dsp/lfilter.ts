/**
 * Linear filtering with a transfer function (b, a), as scipy.signal's `lfilter` and
 * `lfilter_zi`: direct form II transposed, coefficients normalised by a[0].
 */
import { solveLinear } from './linear-solve.js';
import { convolve } from './convolve.js';
import { type Coefficients, type Signal, toCoefficients, toSignal } from './validate.js';
import { ParameterError } from '../util/errors.js';

/** Result of filtering with initial conditions: output and final filter state. */
export interface FilterResult {
  y: Float64Array;
  zf: Float64Array;
}

/** b and a divided by a[0], padded with zeros to the same length. */
function normalizeBa(
  bIn: Coefficients,
  aIn: Coefficients,
): { b: Float64Array; a: Float64Array } {
  const b0 = toCoefficients(bIn, 'b');
  const a0 = toCoefficients(aIn, 'a');
  if (a0[0] === 0) {
    throw new ParameterError(
      'a[0]',
      'non-zero',
      0,
      'the leading denominator coefficient scales the filter',
    );
  }
  const n = Math.max(b0.length, a0.length);
  const b = new Float64Array(n);
  const a = new Float64Array(n);
  for (let i = 0; i < b0.length; i++) b[i] = b0[i] / a0[0];
  for (let i = 0; i < a0.length; i++) a[i] = a0[i] / a0[0];
  return { b, a };
}

/**
 * Filters a signal with the rational transfer function b(z)/a(z), as `scipy.signal.lfilter`.
 * @param b numerator coefficients
 * @param a denominator coefficients, a[0] != 0
 * @param x signal (Float64Array or Float32Array; not modified)
 * @returns the filtered signal, same length as x
 * @throws ParameterError for empty or non-finite coefficients or a[0] = 0
 * @remarks Starts from rest; use `lfilterWithState` for initial conditions. An FIR filter
 * (a of length 1) is computed as a convolution, as scipy does; by FFT overlap-add when
 * that is faster (`chooseConvolveMethod`: from about 32 taps on long signals; it differs
 * from the direct sum by about 1e-15 of the signal's scale).
 * @example
 * const y = lfilter(firwin(255, 50, { fs: 1000 }), [1], x);
 */
export function lfilter(b: Coefficients, a: Coefficients, x: Signal): Float64Array {
  const aLength = toCoefficients(a, 'a').length;
  const bLength = toCoefficients(b, 'b').length;
  const zi = new Float64Array(Math.max(aLength, bLength) - 1);
  return lfilterWithState(b, a, x, zi).y;
}

/**
 * Filters with initial conditions, as `scipy.signal.lfilter(b, a, x, zi=zi)`.
 * @param zi initial state, length max(len(a), len(b)) - 1
 * @returns `{ y, zf }`: output and final state
 * @throws ParameterError when zi has the wrong length
 */
export function lfilterWithState(
  b: Coefficients,
  a: Coefficients,
  x: Signal,
  zi: ArrayLike<number>,
): FilterResult {
  const { b: bn, a: an } = normalizeBa(b, a);
  const order = bn.length - 1;
  if (zi.length !== order) {
    throw new ParameterError(
      'zi',
      `of length max(len(a), len(b)) - 1 = ${order}`,
      zi.length,
    );
  }
  const input = toSignal(x);
  const aIsOne = toCoefficients(a, 'a').length === 1;
  return aIsOne
    ? firByConvolution(bn, input, zi)
    : transposedDirectForm2(bn, an, input, zi);
}

/**
 * y = conv(b, x)[:n] + zi at the start; zf = the convolution's tail plus leftover zi, as
 * scipy computes an FIR lfilter. Long filters convolve by FFT (see `convolve`).
 */
function firByConvolution(
  b: Float64Array,
  x: Float64Array,
  zi: ArrayLike<number>,
): FilterResult {
  const n = x.length;
  if (n === 0) return { y: new Float64Array(0), zf: Float64Array.from(zi) };
  const full = convolve(x, b);
  for (let i = 0; i < zi.length; i++) full[i] += zi[i];
  return { y: full.slice(0, n), zf: full.slice(n) };
}

/** Direct form II transposed, the recurrence scipy's C implementation runs. */
function transposedDirectForm2(
  b: Float64Array,
  a: Float64Array,
  x: Float64Array,
  zi: ArrayLike<number>,
): FilterResult {
  const n = x.length;
  const order = b.length - 1;
  const z = Float64Array.from(zi);
  const y = new Float64Array(n);
  if (order === 0) {
    for (let i = 0; i < n; i++) y[i] = x[i] * b[0];
    return { y, zf: z };
  }
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    const yi = z[0] + b[0] * xi;
    for (let j = 0; j < order - 1; j++) z[j] = z[j + 1] + xi * b[j + 1] - yi * a[j + 1];
    z[order - 1] = xi * b[order] - yi * a[order];
    y[i] = yi;
  }
  return { y, zf: z };
}

/**
 * Initial state for `lfilterWithState` that gives the steady state of a unit step, as
 * `scipy.signal.lfilter_zi`: solves (I - A^T) zi = b[1:] - a[1:] b[0] for the companion
 * matrix A of a.
 * @returns zi of length max(len(a), len(b)) - 1; scale it by x[0] to start on a level
 * @throws ParameterError when the system is singular (a pole at z = 1)
 */
export function lfilterZi(b: Coefficients, a: Coefficients): Float64Array {
  const { b: bn, a: an } = normalizeBa(b, a);
  const n = bn.length - 1;
  if (n === 0) return new Float64Array(0);
  const rhs = new Float64Array(n);
  for (let i = 0; i < n; i++) rhs[i] = bn[i + 1] - an[i + 1] * bn[0];
  // FIR (a = [1, 0, ...]): the system is upper bidiagonal and back substitution is a
  // suffix sum, the same operations elimination would do, in O(n) instead of O(n^3).
  if (an.subarray(1).every((v) => v === 0)) {
    const zi = new Float64Array(n);
    zi[n - 1] = rhs[n - 1];
    for (let i = n - 2; i >= 0; i--) zi[i] = rhs[i] + zi[i + 1];
    return zi;
  }
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    // I - companion(a)^T: first column holds 1 + a[1] then a[i+1]; superdiagonal -1.
    matrix[i * n] = an[i + 1];
    matrix[i * n + i] += 1;
    if (i + 1 < n) matrix[i * n + i + 1] = -1;
  }
  const zi = solveLinear(matrix, rhs);
  if (zi === undefined) {
    throw new ParameterError(
      'a',
      'a filter without a pole at z = 1',
      `[${Array.from(an).join(', ')}]`,
      'its step response has no steady state',
    );
  }
  return zi;
}
