import type { Logger } from '../util/logger.js';

/** R-peak detectors, each named after the paper it implements (author-year). */
export type RPeakMethod = 'elgendi-2010' | 'pan-tompkins-1985';

/** Every detector cardiokit offers, in the order `--help` lists them. */
export const R_PEAK_METHODS: readonly RPeakMethod[] = [
  'elgendi-2010',
  'pan-tompkins-1985',
];

/** The detector used when none is named. */
export const DEFAULT_R_PEAK_METHOD: RPeakMethod = 'elgendi-2010';

/** Options every detector accepts. */
export interface DetectorOptions {
  /** Receives warnings about repaired input (NaN samples) and debug notes. */
  logger?: Logger;
}
