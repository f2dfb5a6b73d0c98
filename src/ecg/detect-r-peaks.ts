import { ParameterError } from '../util/errors.js';
import { detectElgendi2010, type Elgendi2010Options } from './elgendi-2010.js';
import {
  detectPanTompkins1985,
  type PanTompkins1985Options,
} from './pan-tompkins-1985.js';
import {
  DEFAULT_R_PEAK_METHOD,
  R_PEAK_METHODS,
  type DetectorOptions,
  type RPeakMethod,
} from './types.js';

/** Options of {@link detectRPeaks}: the method, and parameters for that method only. */
export interface DetectRPeaksOptions extends DetectorOptions {
  /** Detector to run; default {@link DEFAULT_R_PEAK_METHOD} (`'elgendi-2010'`). */
  method?: RPeakMethod;
  /** Parameters of `'elgendi-2010'` (see {@link ELGENDI_2010_DEFAULTS}). */
  elgendi?: Omit<Elgendi2010Options, 'logger'>;
  /** Parameters of `'pan-tompkins-1985'` (see {@link PAN_TOMPKINS_1985_DEFAULTS}). */
  panTompkins?: Omit<PanTompkins1985Options, 'logger'>;
}

/**
 * Finds the R peaks of one lead with the chosen detector.
 * @param millivolts one lead, mV, any polarity; NaN samples are interpolated (with a warning)
 * @param samplingRateHz 100 to 2000 Hz
 * @param options method (default `'elgendi-2010'`) and its parameters
 * @returns 0-based sample indices of the R peaks, ascending
 * @throws ParameterError for an unknown method, parameters given for a method that is
 *   not the one chosen, or a rate outside 100-2000 Hz
 * @remarks Empty, flat or all-NaN input, or input shorter than 0.5 s, gives no beats.
 * A lead and its negative give the same indices.
 * @example
 * const peaks = detectRPeaks(record.physical[0], record.samplingRateHz);
 * const pt = detectRPeaks(lead, 500, {
 *   method: 'pan-tompkins-1985',
 *   panTompkins: { refractorySec: 0.25 },
 * });
 */
export function detectRPeaks(
  millivolts: ArrayLike<number>,
  samplingRateHz: number,
  options: DetectRPeaksOptions = {},
): Int32Array {
  const { method = DEFAULT_R_PEAK_METHOD, logger, elgendi, panTompkins } = options;
  if (method !== 'elgendi-2010' && elgendi !== undefined) {
    throw new ParameterError('elgendi', 'absent unless method is elgendi-2010', method);
  }
  if (method !== 'pan-tompkins-1985' && panTompkins !== undefined) {
    throw new ParameterError(
      'panTompkins',
      'absent unless method is pan-tompkins-1985',
      method,
    );
  }

  switch (method) {
    case 'elgendi-2010':
      return detectElgendi2010(millivolts, samplingRateHz, { ...elgendi, logger });
    case 'pan-tompkins-1985':
      return detectPanTompkins1985(millivolts, samplingRateHz, {
        ...panTompkins,
        logger,
      });
    default:
      throw new ParameterError('method', `one of ${R_PEAK_METHODS.join(', ')}`, method);
  }
}
