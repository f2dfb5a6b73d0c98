/**
 * The shapes of a WFDB record as cardiokit reads it. Field names follow the WFDB header
 * specification (header(5)); units are in the names.
 */

/** One signal line of a header, with wfdb's defaults filled in. */
export interface SignalSpec {
  /** File that holds the samples, relative to the header's folder (`~` for none). */
  fileName: string;
  /** WFDB storage format: 8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524. */
  format: number;
  /** Samples of this signal in each frame (1 unless the record is multi-frequency). */
  samplesPerFrame: number;
  /** Skew in frames. */
  skewFrames: number;
  /** Offset of the first sample in the file, in bytes. */
  byteOffset: number;
  /** ADC units per physical unit; a header gain of 0 means 200. */
  adcGain: number;
  /** ADC value that corresponds to 0 physical units; defaults to `adcZero`. */
  baseline: number;
  /** Physical units, for example `mV`; defaults to `mV`. */
  units: string;
  /** ADC resolution in bits; 0 when the header gives none. */
  adcResolutionBits: number;
  adcZero: number;
  /** First sample value (for checksum and difference formats). */
  initialValue: number;
  /** 16-bit checksum of all samples, when the header gives it. */
  checksum: number | undefined;
  blockSize: number;
  /** Signal description, usually the lead name (`ii`, `V1`, `MLII`). */
  description: string;
}

/** One segment line of a multi-segment header. */
export interface SegmentSpec {
  recordName: string;
  lengthSamples: number;
}

/** A parsed `.hea` file. */
export interface RecordHeader {
  recordName: string;
  /** Path of the header file it came from. */
  headerPath: string;
  samplingFrequencyHz: number;
  counterFrequencyHz: number | undefined;
  baseCounterValue: number | undefined;
  /** Samples per signal (frames), undefined when the header omits it. */
  lengthSamples: number | undefined;
  baseTime: string | undefined;
  baseDate: string | undefined;
  signals: SignalSpec[];
  /** Comment lines with `#`, spaces and tabs stripped from both ends (as wfdb-python). */
  comments: string[];
  /** Present only for multi-segment records. */
  segments: SegmentSpec[] | undefined;
}

/** Samples of a record, one array per channel, after reading a range and channels. */
export interface EcgRecord {
  header: RecordHeader;
  /** Names of the channels returned, in order. */
  signalNames: string[];
  units: string[];
  /** Sampling rate of the frame (the record's base rate), Hz. */
  samplingRateHz: number;
  /** First sample read, 0-based, inclusive. */
  fromSample: number;
  /** Samples per channel returned. */
  lengthSamples: number;
  /** Physical values, (digital - baseline) / gain; NaN where the sample is invalid. */
  physical: Float64Array[];
  /** Digital (ADC) values, when asked for; invalid samples keep the format's sentinel. */
  digital: Int32Array[] | undefined;
  /**
   * Samples of each returned channel per frame. With the default `smoothFrames: true`
   * every array has `lengthSamples` values (frame averages); with `smoothFrames: false`
   * channel `i` has `lengthSamples * samplesPerFrame[i]` values.
   */
  samplesPerFrame?: number[];
  /** Header signal line of each returned channel (for a multi-segment record, the first segment's line that holds it). */
  signalSpecs?: SignalSpec[];
}
