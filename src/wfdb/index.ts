/**
 * Reading and writing PhysioNet WFDB records: headers, signals in every storage format,
 * multi-segment records and MIT-format annotations, as wfdb-python reads them.
 *
 * Conventions for the whole folder:
 * - A record path is the path without extension, as in `wfdb.rdrecord('data/100')`; a
 *   path ending in `.hea` is accepted too.
 * - Sample ranges are 0-based, `fromSample` inclusive and `toSample` exclusive, in
 *   samples (frames) at the record's base sampling rate.
 * - Digital values are ADC counts; physical values are (digital - baseline) / gain in
 *   the signal's units, NaN where the digital value is the format's invalid sentinel.
 */
export type { EcgRecord, RecordHeader, SegmentSpec, SignalSpec } from './types.js';
export {
  readHeader,
  parseHeader,
  headerPathOf,
  DEFAULT_ADC_GAIN,
  DEFAULT_SAMPLING_FREQUENCY_HZ,
  type ReadHeaderOptions,
} from './header.js';
export {
  readRecord,
  readRecordFromHeader,
  READ_RECORD_DEFAULTS,
  type ReadRecordOptions,
} from './read-record.js';
export { toPhysical } from './record.js';
export { STANDARD_LEADS } from './standard-leads.js';
export { multiSegmentSignals, isVariableLayout } from './multi-segment.js';
export {
  readAnnotations,
  parseAnnotations,
  ANNOTATION_SYMBOLS,
  type Annotations,
  type ReadAnnotationsOptions,
} from './annotations.js';
export { FORMATS, type FormatSpec } from './formats.js';
export { TruncatedFileError, UnknownFormatError } from './errors.js';
export {
  writeRecord,
  adcGainForRange,
  DIGITAL_RANGE,
  type WriteRecordOptions,
  type WritableFormat,
} from './write-record.js';
