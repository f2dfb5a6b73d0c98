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

/** Options of {@link detectRPeaks}: the method and that method's own parameters. */
export interface DetectRPeaksOptions
  extends DetectorOptions, Omit<Elgendi2010Options, 'logger' | 'refractorySec'> {
  /** Detector to run; default {@link DEFAULT_R_PEAK_METHOD} (`'elgendi-2010'`). */
  method?: RPeakMethod;
  /** Parameters passed to the Pan-Tompkins detector when it is the method. */
  panTompkins?: Omit<PanTompkins1985Options, 'logger'>;
}

/**
 * Finds the R peaks of one lead with the chosen detector.
 * @param millivolts one lead, mV, any polarity; NaN samples are interpolated (with a warning)
 * @param samplingRateHz 100 to 2000 Hz
 * @param options method (default `'elgendi-2010'`) and its parameters
 * @returns 0-based sample indices of the R peaks, ascending
 * @throws ParameterError for an unknown method or a rate outside 100-2000 Hz
 * @remarks Empty, flat or all-NaN input, or input shorter than 0.5 s, gives no beats.
 * A lead and its negative give the same indices.
 * @example
 * const peaks = detectRPeaks(record.physical[0], record.samplingRateHz);
 */
export function detectRPeaks(
  millivolts: ArrayLike<number>,
  samplingRateHz: number,
  options: DetectRPeaksOptions = {},
): Int32Array {
  const { method = DEFAULT_R_PEAK_METHOD, panTompkins = {}, ...rest } = options;
  switch (method) {
    case 'elgendi-2010':
      return detectElgendi2010(millivolts, samplingRateHz, rest);
    case 'pan-tompkins-1985':
      return detectPanTompkins1985(millivolts, samplingRateHz, {
        ...panTompkins,
        logger: rest.logger,
      });
    default:
      throw new ParameterError('method', `one of ${R_PEAK_METHODS.join(', ')}`, method);
  }
}
