/**
 * Multi-lead helpers: the same filter applied to every lead of a record, each lead
 * filtered independently (as scipy does along the time axis of a 2-D array).
 */
import { filtfilt, sosfiltfilt, type FiltfiltOptions } from './filtfilt.js';
import { resamplePoly, type ResamplePolyOptions } from './resample.js';
import type { Coefficients, Signal, Sos } from './validate.js';
import { ParameterError } from '../util/errors.js';

/**
 * Applies a one-lead operation to every lead, naming the lead in any error it throws.
 * @param leads one signal per lead (not modified)
 * @param apply the operation on one lead
 * @returns one new Float64Array per lead, in order
 * @example
 * const filtered = mapLeads(record.physical, (x) => sosfiltfilt(sos, x));
 */
export function mapLeads(
  leads: readonly Signal[],
  apply: (lead: Signal, index: number) => Float64Array,
): Float64Array[] {
  if (!Array.isArray(leads))
    throw new ParameterError('leads', 'an array of signals', typeof leads);
  return leads.map((lead, index) => {
    try {
      return apply(lead, index);
    } catch (error) {
      if (error instanceof Error) error.message = `lead ${index}: ${error.message}`;
      throw error;
    }
  });
}

/** `sosfiltfilt` on every lead, as scipy's `sosfiltfilt(sos, x, axis=-1)` on a (leads, samples) array. */
export function sosfiltfiltLeads(
  sos: Sos,
  leads: readonly Signal[],
  options: FiltfiltOptions = {},
): Float64Array[] {
  return mapLeads(leads, (x) => sosfiltfilt(sos, x, options));
}

/** `filtfilt` on every lead, as scipy's `filtfilt(b, a, x, axis=-1)` on a (leads, samples) array. */
export function filtfiltLeads(
  b: Coefficients,
  a: Coefficients,
  leads: readonly Signal[],
  options: FiltfiltOptions = {},
): Float64Array[] {
  return mapLeads(leads, (x) => filtfilt(b, a, x, options));
}

/** `resamplePoly` on every lead, as scipy's `resample_poly(x, up, down, axis=-1)`. */
export function resamplePolyLeads(
  leads: readonly Signal[],
  up: number,
  down: number,
  options: ResamplePolyOptions = {},
): Float64Array[] {
  return mapLeads(leads, (x) => resamplePoly(x, up, down, options));
}
