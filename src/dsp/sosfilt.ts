/**
 * Filtering with cascaded second-order sections, as scipy.signal's `sosfilt` and
 * `sosfilt_zi`. The state of section s is `zi[s] = [z0, z1]` (transposed direct form II).
 */
import { lfilterZi, type FilterResult } from './lfilter.js';
import { type Signal, type Sos, toSignal, toSos } from './validate.js';
import { ParameterError } from '../util/errors.js';

/**
 * Runs the cascade in place on `y`, updating `state` (n x 2, flat). Sections go two at a
 * time through the samples, so the two recurrences overlap in the processor; every sample
 * sees the same operations, in the same order, as in scipy's per-sample loop. With
 * `backward` the signal is run from its last sample to its first (time reversed, in place).
 */
export function cascadeInPlace(
  flat: Float64Array,
  sections: number,
  y: Float64Array,
  state: Float64Array,
  backward = false,
): void {
  let s = 0;
  for (; s + 1 < sections; s += 2) sectionPairInPlace(flat, s, y, state, backward);
  if (s < sections) sectionInPlace(flat, s, y, state, backward);
}

/** One section over the whole signal (transposed direct form II). */
function sectionInPlace(
  flat: Float64Array,
  s: number,
  y: Float64Array,
  state: Float64Array,
  backward: boolean,
): void {
  const o = s * 6;
  const b0 = flat[o];
  const b1 = flat[o + 1];
  const b2 = flat[o + 2];
  const a1 = flat[o + 4];
  const a2 = flat[o + 5];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  const step = backward ? -1 : 1;
  const n = y.length;
  for (let t = 0, i = backward ? n - 1 : 0; t < n; t++, i += step) {
    const xi = y[i];
    const yi = b0 * xi + z0;
    z0 = b1 * xi - a1 * yi + z1;
    z1 = b2 * xi - a2 * yi;
    y[i] = yi;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
}

/** Sections s and s + 1 in one sweep over the signal. */
function sectionPairInPlace(
  flat: Float64Array,
  s: number,
  y: Float64Array,
  state: Float64Array,
  backward: boolean,
): void {
  const o = s * 6;
  const b0 = flat[o];
  const b1 = flat[o + 1];
  const b2 = flat[o + 2];
  const a1 = flat[o + 4];
  const a2 = flat[o + 5];
  const c0 = flat[o + 6];
  const c1 = flat[o + 7];
  const c2 = flat[o + 8];
  const d1 = flat[o + 10];
  const d2 = flat[o + 11];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  let w0 = state[2 * s + 2];
  let w1 = state[2 * s + 3];
  const step = backward ? -1 : 1;
  const n = y.length;
  for (let t = 0, i = backward ? n - 1 : 0; t < n; t++, i += step) {
    const xi = y[i];
    const u = b0 * xi + z0;
    z0 = b1 * xi - a1 * u + z1;
    z1 = b2 * xi - a2 * u;
    const v = c0 * u + w0;
    w0 = c1 * u - d1 * v + w1;
    w1 = c2 * u - d2 * v;
    y[i] = v;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
  state[2 * s + 2] = w0;
  state[2 * s + 3] = w1;
}

/**
 * Filters a signal with second-order sections, as `scipy.signal.sosfilt(sos, x)`.
 * @param sos sections `[b0, b1, b2, 1, a1, a2]`, one row each (from `butter(..., { output: 'sos' })`)
 * @param x signal (not modified)
 * @returns the filtered signal, same length
 * @throws ParameterError when a row is not 6 finite numbers or its a0 is not 1
 * @example
 * const y = sosfilt(butter(4, 50, { fs: 1000, output: 'sos' }), x);
 */
export function sosfilt(sos: Sos, x: Signal): Float64Array {
  const { flat, sections } = toSos(sos);
  const y = toSignal(x);
  cascadeInPlace(flat, sections, y, new Float64Array(2 * sections));
  return y;
}

/**
 * Filters with initial conditions, as `scipy.signal.sosfilt(sos, x, zi=zi)`.
 * @param zi one `[z0, z1]` per section (see `sosfiltZi`)
 * @returns `{ y, zf }` with zf flattened section by section (length 2 x sections)
 * @throws ParameterError when zi does not have one pair per section
 */
export function sosfiltWithState(
  sos: Sos,
  x: Signal,
  zi: ArrayLike<ArrayLike<number>>,
): FilterResult {
  const { flat, sections } = toSos(sos);
  if (zi.length !== sections) {
    throw new ParameterError(
      'zi',
      `one [z0, z1] pair per section (${sections})`,
      zi.length,
    );
  }
  const state = new Float64Array(2 * sections);
  for (let s = 0; s < sections; s++) {
    if (zi[s].length !== 2)
      throw new ParameterError(`zi[${s}]`, 'a pair [z0, z1]', zi[s].length);
    state[2 * s] = zi[s][0];
    state[2 * s + 1] = zi[s][1];
  }
  const y = toSignal(x);
  cascadeInPlace(flat, sections, y, state);
  return { y, zf: state };
}

/**
 * Initial states of every section for the steady state of a unit step, as
 * `scipy.signal.sosfilt_zi`: each section's `lfilterZi`, scaled by the DC gain of the
 * sections before it.
 * @returns one `[z0, z1]` per section; multiply by x[0] to start on a level
 */
export function sosfiltZi(sos: Sos): number[][] {
  const { flat, sections } = toSos(sos);
  const zi: number[][] = [];
  let gain = 1;
  for (let s = 0; s < sections; s++) {
    const b = flat.subarray(s * 6, s * 6 + 3);
    const a = flat.subarray(s * 6 + 3, s * 6 + 6);
    const z = lfilterZi(b, a);
    zi.push([gain * z[0], gain * z[1]]);
    gain *= (b[0] + b[1] + b[2]) / (a[0] + a[1] + a[2]);
  }
  return zi;
}
