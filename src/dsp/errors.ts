import { ParameterError } from '../util/errors.js';

/**
 * A critical frequency outside (0, Nyquist): echoes the value, the bound and the unit,
 * for example "cutoff 600 Hz is at or above Nyquist 500 Hz".
 */
export class CutoffFrequencyError extends ParameterError {
  readonly nyquist: number;

  constructor(parameter: string, value: number, nyquist: number, fs: number | undefined) {
    const unit = fs === undefined ? ' (normalised, Nyquist = 1)' : ' Hz';
    const shown = fs === undefined ? `${value}` : `${value} Hz`;
    super(parameter, `0 < ${parameter} < ${nyquist}${unit}`, value);
    this.nyquist = nyquist;
    const where =
      value <= 0
        ? `${parameter} ${shown} must be above 0`
        : `${parameter} ${shown} is at or above Nyquist ${nyquist}${unit}`;
    const fix =
      fs === undefined
        ? 'pass fs (the sampling rate in Hz) or a frequency normalised so that Nyquist is 1'
        : `choose a frequency between 0 and ${nyquist} Hz, or check fs (${fs} Hz)`;
    this.message = `${where}: ${fix}`;
  }
}
