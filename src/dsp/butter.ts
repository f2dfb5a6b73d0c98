/**
 * Butterworth filter design, as scipy.signal's `butter` (through `iirfilter`): the analog
 * prototype, a frequency transform, then the bilinear transform with pre-warping.
 */
import { complex, expi, neg } from './complex.js';
import {
  type Ba,
  type Zpk,
  bilinearZpk,
  lp2bpZpk,
  lp2bsZpk,
  lp2hpZpk,
  lp2lpZpk,
  zpk2tf,
} from './zpk.js';
import { zpk2sos } from './zpk2sos.js';
import { CutoffFrequencyError } from './errors.js';
import { checkInteger, withDefaults } from './validate.js';
import { ParameterError } from '../util/errors.js';

/** Band types of `butter`, scipy's long names. */
export type BandType = 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';

/** Output forms of a designed IIR filter. */
export type FilterOutput = 'ba' | 'zpk' | 'sos';

/** Keyword arguments of `butter`, as scipy's (`analog` is not supported). */
export interface ButterOptions {
  /** Band type; default 'lowpass'. */
  btype?: BandType;
  /** Sampling rate in Hz; when given, `wn` is in Hz, otherwise normalised (Nyquist = 1). */
  fs?: number;
  /** Output form; default 'ba' as scipy (prefer 'sos' for filtering). */
  output?: FilterOutput;
}

/** Defaults of {@link ButterOptions}, as scipy's. */
export const BUTTER_DEFAULTS = { btype: 'lowpass', output: 'ba' } as const;

const BAND_TYPES: readonly BandType[] = ['lowpass', 'highpass', 'bandpass', 'bandstop'];

/** Analog Butterworth low-pass prototype of order n: poles on the left unit half-circle. */
export function buttap(order: number): Zpk {
  checkInteger('order', order, 1);
  const p = [];
  for (let m = -order + 1; m < order; m += 2) {
    // The middle pole (m = 0) is exactly -1, real.
    p.push(m === 0 ? complex(-1) : neg(expi((Math.PI * m) / (2 * order))));
  }
  return { z: [], p, k: 1 };
}

/**
 * Designs a digital Butterworth filter, as `scipy.signal.butter(N, Wn, btype, output, fs)`.
 * @param order filter order N, an integer >= 1 (band-pass and band-stop have 2N poles)
 * @param wn critical frequency: one value for low/high-pass, [low, high] for band types;
 *   in Hz when `fs` is given, else normalised to Nyquist (0 < wn < 1)
 * @param options `btype`, `fs` (Hz), `output` ('ba' default, 'zpk' or 'sos')
 * @returns `{ b, a }`, `{ z, p, k }`, or sections `[b0, b1, b2, 1, a1, a2][]`
 * @throws CutoffFrequencyError when a frequency is <= 0 or >= Nyquist
 * @throws ParameterError for an order below 1, a wrong number of frequencies, low >= high
 * @remarks The -3 dB point is at `wn`. Agrees with scipy 1.17 to about 1e-14 relative on
 * the coefficients (test/fixtures/scipy). Prefer `output: 'sos'`: high orders and low
 * cutoffs lose precision in 'ba' form.
 * Limitations: digital filters only (scipy's `analog=True` is not implemented).
 * @example
 * const sos = butter(4, 50, { btype: 'lowpass', fs: 1000, output: 'sos' });
 * const y = sosfiltfilt(sos, x);
 */
export function butter(
  order: number,
  wn: number | readonly number[],
  options: ButterOptions & { output: 'sos' },
): number[][];
export function butter(
  order: number,
  wn: number | readonly number[],
  options: ButterOptions & { output: 'zpk' },
): Zpk;
export function butter(
  order: number,
  wn: number | readonly number[],
  options?: ButterOptions & { output?: 'ba' },
): Ba;
export function butter(
  order: number,
  wn: number | readonly number[],
  options?: ButterOptions,
): Ba | Zpk | number[][];
export function butter(
  order: number,
  wn: number | readonly number[],
  options: ButterOptions = {},
): Ba | Zpk | number[][] {
  const { btype, output } = withDefaults(BUTTER_DEFAULTS, options);
  const { fs } = options;
  checkInteger('order', order, 1);
  if (!BAND_TYPES.includes(btype)) {
    throw new ParameterError('btype', `one of ${BAND_TYPES.join(', ')}`, btype);
  }
  if (!['ba', 'zpk', 'sos'].includes(output)) {
    throw new ParameterError('output', "one of 'ba', 'zpk', 'sos'", output);
  }
  const normalized = normalizedCutoffs(wn, btype, fs);

  // Pre-warp the critical frequencies for the bilinear transform at fs = 2.
  const warped = normalized.map((w) => 4 * Math.tan((Math.PI * w) / 2));

  const prototype = buttap(order);
  let analog: Zpk;
  if (btype === 'lowpass') analog = lp2lpZpk(prototype, warped[0]);
  else if (btype === 'highpass') analog = lp2hpZpk(prototype, warped[0]);
  else {
    const bw = warped[1] - warped[0];
    const wo = Math.sqrt(warped[0] * warped[1]);
    analog =
      btype === 'bandpass' ? lp2bpZpk(prototype, wo, bw) : lp2bsZpk(prototype, wo, bw);
  }
  const digital = bilinearZpk(analog, 2);

  if (output === 'zpk') return digital;
  if (output === 'ba') return zpk2tf(digital);
  return zpk2sos(digital);
}

/**
 * Critical frequencies normalised to Nyquist, checked against (0, 1) with the bound echoed
 * in the caller's units.
 */
export function normalizedCutoffs(
  wn: number | readonly number[],
  btype: BandType,
  fs: number | undefined,
): number[] {
  if (fs !== undefined && !(Number.isFinite(fs) && fs > 0)) {
    throw new ParameterError('fs', 'a sampling rate > 0 Hz', fs);
  }
  const values = typeof wn === 'number' ? [wn] : [...wn];
  const single = btype === 'lowpass' || btype === 'highpass';
  if (single && values.length !== 1) {
    throw new ParameterError(
      'wn',
      `one critical frequency for a ${btype} filter`,
      `[${values.join(', ')}]`,
    );
  }
  if (!single && values.length !== 2) {
    throw new ParameterError(
      'wn',
      `[low, high] for a ${btype} filter`,
      `[${values.join(', ')}]`,
    );
  }
  const nyquist = fs === undefined ? 1 : fs / 2;
  const name = single ? 'cutoff' : 'band edge';
  for (const v of values) {
    if (!Number.isFinite(v)) throw new ParameterError(name, 'a finite frequency', v);
    if (v <= 0 || v >= nyquist) throw new CutoffFrequencyError(name, v, nyquist, fs);
  }
  if (!single && !(values[0] < values[1])) {
    throw new ParameterError('wn', 'low < high', `[${values.join(', ')}]`);
  }
  return values.map((v) => v / nyquist);
}
