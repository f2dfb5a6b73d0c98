/**
 * Digital filters with scipy.signal's names and numbers.
 *
 * Conventions, shared by the whole folder:
 * - Names are scipy's in camelCase (`lfilterZi`, `sosfiltZi`, `resamplePoly`); scipy's
 *   keyword arguments become one options object with an exported defaults constant.
 * - Frequencies are in Hz when `fs` (the sampling rate, Hz) is given; otherwise they are
 *   normalised so that Nyquist is 1 (design) or, for `freqz`, in radians per sample.
 * - Coefficients go in as number arrays or typed arrays and come out as number arrays.
 *   Second-order sections are one row per section, `[b0, b1, b2, 1, a1, a2]`.
 * - Signals go in as Float64Array (Float32Array and number arrays are promoted) and come
 *   out as new Float64Arrays of the same length; inputs are never modified.
 * - NaN in a signal propagates through the filter, as in scipy; NaN or infinity in
 *   coefficients is refused.
 * - Invalid input throws `ParameterError`, `CutoffFrequencyError` (echoes the Nyquist
 *   bound) or `SignalLengthError`; unsupported scipy options throw `NotImplementedError`.
 */
export type { Complex } from './complex.js';
export { CutoffFrequencyError } from './errors.js';
export type { Coefficients, Sos, Signal } from './validate.js';
export {
  type Zpk,
  type Ba,
  zpk2tf,
  bilinearZpk,
  lp2lpZpk,
  lp2hpZpk,
  lp2bpZpk,
  lp2bsZpk,
} from './zpk.js';
export {
  butter,
  buttap,
  BUTTER_DEFAULTS,
  type ButterOptions,
  type BandType,
  type FilterOutput,
} from './butter.js';
export { lfilter, lfilterWithState, lfilterZi, type FilterResult } from './lfilter.js';
export { sosfilt, sosfiltWithState, sosfiltZi } from './sosfilt.js';
export {
  filtfilt,
  sosfiltfilt,
  FILTFILT_DEFAULTS,
  type FiltfiltOptions,
  type PadType,
} from './filtfilt.js';
export { getWindow, besselI0, type WindowSpec } from './windows.js';
export {
  firwin,
  kaiserAtten,
  kaiserBeta,
  FIRWIN_DEFAULTS,
  type FirwinOptions,
} from './firwin.js';
export {
  resamplePoly,
  RESAMPLE_POLY_DEFAULTS,
  type ResamplePolyOptions,
} from './resample.js';
export { iirnotch, iirpeak, type NotchOptions } from './notch.js';
export {
  freqz,
  sosfreqz,
  groupDelay,
  FREQZ_DEFAULTS,
  type FreqzOptions,
  type FrequencyResponse,
  type GroupDelayOptions,
} from './freqz.js';
export { tf2zpk } from './zpk.js';
export { zpk2sos } from './zpk2sos.js';
export { polyRoots } from './roots.js';
export { mapLeads, sosfiltfiltLeads, filtfiltLeads, resamplePolyLeads } from './leads.js';
export {
  designFilterChain,
  applyFilterChain,
  filterChainResponse,
  FILTER_CHAIN_DEFAULTS,
  type FilterChainSpec,
  type FilterStage,
} from './chain.js';
export {
  convolve,
  CONVOLVE_DEFAULTS,
  chooseConvolveMethod,
  type ConvolveOptions,
} from './convolve.js';
