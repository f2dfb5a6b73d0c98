/**
 * Second-order IIR notch and peak (resonator) filters, as scipy.signal's `iirnotch` and
 * `iirpeak`, designed by the bilinear-transform formulas of Orfanidis (1996), section 11.3.
 * @see S. J. Orfanidis, Introduction to Signal Processing, Prentice-Hall, 1996.
 */
import type { Ba } from './zpk.js';
import { CutoffFrequencyError } from './errors.js';
import { ParameterError } from '../util/errors.js';

/** Options of {@link iirnotch} and {@link iirpeak}. */
export interface NotchOptions {
  /** Sampling rate, Hz; default 2 (w0 normalised so that Nyquist is 1). */
  fs?: number;
}

/** Accepts the options object (the project's convention) or scipy's positional fs. */
function samplingRateOf(fsOrOptions: number | NotchOptions): number {
  if (typeof fsOrOptions === 'number') return fsOrOptions;
  if (typeof fsOrOptions === 'object' && fsOrOptions !== null) return fsOrOptions.fs ?? 2;
  return fsOrOptions;
}

function designNotchPeak(
  w0: number,
  q: number,
  fsOrOptions: number | NotchOptions,
  kind: 'notch' | 'peak',
): Ba {
  const fs = samplingRateOf(fsOrOptions);
  if (!(Number.isFinite(fs) && fs > 0))
    throw new ParameterError('fs', 'a sampling rate > 0 Hz', fs);
  if (!(Number.isFinite(q) && q > 0))
    throw new ParameterError('Q', 'a quality factor > 0', q);
  const nyquist = fs / 2;
  if (!(w0 > 0 && w0 < nyquist)) throw new CutoffFrequencyError('w0', w0, nyquist, fs);

  // Centre and -3 dB bandwidth in radians per sample.
  const centre = ((2 * w0) / fs) * Math.PI;
  const bandwidth = ((2 * w0) / fs / q) * Math.PI;

  // beta = tan(bw / 2), gain = 1 / (1 + beta) (Orfanidis eqs. 11.3.4 to 11.3.7, 11.3.19 to 11.3.22).
  const beta = Math.tan(bandwidth / 2);
  const gain = 1 / (1 + beta);
  const cosine = Math.cos(centre);
  const b =
    kind === 'notch' ? [gain, -2 * cosine * gain, gain] : [1 - gain, 0, -(1 - gain)];
  return { b, a: [1, -2 * gain * cosine, 2 * gain - 1] };
}

/**
 * Designs a second-order notch filter, as `scipy.signal.iirnotch(w0, Q, fs)`.
 * @param w0 frequency to remove, Hz when fs is given (0 < w0 < fs / 2)
 * @param q quality factor w0 / bandwidth(-3 dB), > 0; 30 is typical for mains hum
 * @param fsOrOptions `{ fs }`, the sampling rate in Hz, as `butter` and `firwin` take it;
 *   a plain number is accepted too, as scipy's positional `fs`; default 2 (w0 normalised
 *   so that Nyquist is 1)
 * @returns `{ b, a }`, three coefficients each
 * @throws CutoffFrequencyError when w0 is not inside (0, Nyquist)
 * @throws ParameterError when fs or Q is not a positive number
 * @example
 * const { b, a } = iirnotch(50, 30, { fs: 1000 });
 * const clean = filtfilt(b, a, x);
 */
export function iirnotch(
  w0: number,
  q: number,
  fsOrOptions: number | NotchOptions = {},
): Ba {
  return designNotchPeak(w0, q, fsOrOptions, 'notch');
}

/**
 * Designs a second-order peak (resonator) filter, as `scipy.signal.iirpeak(w0, Q, fs)`.
 * @param w0 frequency to keep, Hz when fs is given (0 < w0 < fs / 2)
 * @param q quality factor w0 / bandwidth(-3 dB), > 0
 * @param fsOrOptions `{ fs }`, the sampling rate in Hz, or that rate as a plain number;
 *   default 2
 * @returns `{ b, a }`, three coefficients each
 * @throws CutoffFrequencyError when w0 is not inside (0, Nyquist)
 * @throws ParameterError when fs or Q is not a positive number
 * @example
 * const { b, a } = iirpeak(10, 5, { fs: 250 });
 */
export function iirpeak(
  w0: number,
  q: number,
  fsOrOptions: number | NotchOptions = {},
): Ba {
  return designNotchPeak(w0, q, fsOrOptions, 'peak');
}
