/**
 * Heartbeats: R-peak detection on one lead or many, beat windows and the Kachuee et al.
 * beat format, RR intervals and heart rate, a template-matching signal-quality index,
 * and beat-by-beat scoring against annotations.
 *
 * Conventions for the whole folder:
 * - Signals are plain arrays of millivolts, one lead each; functions never modify them.
 * - R peaks are 0-based sample indices (`Int32Array`, ascending) at the signal's rate.
 * - The "R peak" of a beat is its largest deflection from the local baseline, whichever
 *   its sign: in a lead with rS complexes (V1, or any inverted lead) that is the S wave.
 *   This is what makes a lead and its negative give the same indices.
 * - Every parameter carries its unit in its name: `Sec`, `Hz`, `Bpm`; detectors accept
 *   any sampling rate from 100 to 2000 Hz.
 * - Empty, flat, all-NaN or shorter-than-0.5 s input gives no beats, never an error;
 *   NaN samples inside a signal are interpolated, with a warning to the logger.
 * - Detectors are named after their papers (`'pan-tompkins-1985'`, `'elgendi-2010'`);
 *   the default is `'elgendi-2010'`.
 */
export {
  R_PEAK_METHODS,
  DEFAULT_R_PEAK_METHOD,
  type RPeakMethod,
  type DetectorOptions,
} from './types.js';
export { detectRPeaks, type DetectRPeaksOptions } from './detect-r-peaks.js';
export {
  detectElgendi2010,
  ELGENDI_2010_DEFAULTS,
  type Elgendi2010Options,
} from './elgendi-2010.js';
export {
  detectPanTompkins1985,
  PAN_TOMPKINS_1985_DEFAULTS,
  type PanTompkins1985Options,
} from './pan-tompkins-1985.js';
export {
  detectRPeaksMultiLead,
  type MultiLeadOptions,
  type MultiLeadPeaks,
} from './fuse-leads.js';
export {
  segmentBeats,
  SEGMENT_DEFAULTS,
  type SegmentOptions,
  type BeatSegments,
} from './segment-beats.js';
export {
  kachueeBeats,
  KACHUEE_DEFAULTS,
  type KachueeOptions,
  type KachueeBeats,
} from './kachuee-beats.js';
export { heartRate, type HeartRate } from './heart-rate.js';
export {
  beatQuality,
  QUALITY_DEFAULTS,
  type QualityOptions,
  type SignalQuality,
} from './signal-quality.js';
export {
  matchBeats,
  totalBeatMatch,
  beatReference,
  BEAT_SYMBOLS,
  type BeatMatch,
  type MatchOptions,
} from './match-beats.js';
export {
  evaluateRecord,
  evaluateDatabase,
  type EvaluateOptions,
  type RecordEvaluation,
} from './evaluate-database.js';
