/**
 * `readRecord`: the public reader of WFDB records, single- or multi-segment.
 */
import { ParameterError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { readHeader } from './header.js';
import { multiSegmentSignals, readMultiSegmentDigital } from './multi-segment.js';
import { readSegmentDigital, toPhysical, type DigitalChannels } from './record.js';
import type { EcgRecord, RecordHeader, SignalSpec } from './types.js';

/** Options of {@link readRecord}. */
export interface ReadRecordOptions {
  /** First sample to read, 0-based, inclusive (default 0). */
  fromSample?: number;
  /** Sample after the last one to read, exclusive (default: the record's length). */
  toSample?: number;
  /**
   * Channels by 0-based index or by name (the header's description); default all. A name
   * matches exactly, or else the one name that differs only in case.
   */
  channels?: (number | string)[];
  /** Also return the digital (ADC) values (default false). */
  digital?: boolean;
  /**
   * Average the samples of each frame of a multi-frequency signal, truncating toward zero
   * in the digital domain as wfdb-python's `smooth_frames=True` (default true). When
   * false, channel `i` returns every sample: `lengthSamples * samplesPerFrame[i]` values.
   */
  smoothFrames?: boolean;
  /** Leave skewed signals as stored instead of shifting them (default false). */
  ignoreSkew?: boolean;
  /** Receives checksum warnings. */
  logger?: Logger;
}

/** Defaults of {@link ReadRecordOptions}. */
export const READ_RECORD_DEFAULTS = {
  fromSample: 0,
  digital: false,
  smoothFrames: true,
  ignoreSkew: false,
} as const;

/**
 * Reads the samples of a WFDB record, as `wfdb.rdrecord` does.
 * @param recordPath path without extension (`data/100`), or ending in `.hea`, or in
 *   `.dat` when `data/100.hea` exists
 * @param options range (`fromSample` inclusive, `toSample` exclusive, 0-based, in
 *   samples at the record's base rate), channels, digital values; see
 *   {@link ReadRecordOptions}
 * @returns physical values (NaN where a sample is invalid), and digital values when
 *   `digital` is true
 * @throws FileError for a missing header or signal file; TruncatedFileError for a signal
 *   file shorter than the header says; ParseError / UnknownFormatError for a bad header;
 *   ParameterError for a range past the end or an unknown channel; NotImplementedError
 *   for FLAC formats the decoder cannot read
 * @remarks Only the bytes of the frames asked for are read, except for format 8 (a
 *   difference format, read from the start) and FLAC (decoded whole). A checksum
 *   mismatch is a warning to `logger` naming the signal; it is checked only when the
 *   whole record is read, and not at all when every checksum field of the header is 0
 *   (older PhysioNet headers, such as ptbdb's, write 0 as a placeholder).
 *
 *   Limitations: a variable-layout multi-segment record whose gain or baseline differ
 *   between segments cannot be returned as digital values (physical values work), as in
 *   wfdb-python.
 * @example
 * const rec = await readRecord('../shared/data/mitdb/100', {
 *   fromSample: 0, toSample: 3600, channels: ['MLII'],
 * });
 * rec.physical[0]; // Float64Array of 3600 values in mV
 */
export async function readRecord(
  recordPath: string,
  options: ReadRecordOptions = {},
): Promise<EcgRecord> {
  const header = await readHeader(recordPath);
  return readRecordFromHeader(header, options);
}

/**
 * Reads the samples of a record whose header is already parsed (see {@link readRecord}).
 * @param header from {@link readHeader}
 * @param options as for {@link readRecord}
 */
export async function readRecordFromHeader(
  header: RecordHeader,
  options: ReadRecordOptions = {},
): Promise<EcgRecord> {
  const opts = {
    fromSample: options.fromSample ?? READ_RECORD_DEFAULTS.fromSample,
    digital: options.digital ?? READ_RECORD_DEFAULTS.digital,
    smoothFrames: options.smoothFrames ?? READ_RECORD_DEFAULTS.smoothFrames,
    ignoreSkew: options.ignoreSkew ?? READ_RECORD_DEFAULTS.ignoreSkew,
  };
  const logger = options.logger ?? silentLogger;
  const recordSignals = await signalsOf(header);
  const lengthSamples = header.lengthSamples ?? 0;
  const toSample = options.toSample ?? lengthSamples;
  checkRange(header, opts.fromSample, toSample, lengthSamples);
  const channels = resolveChannels(header, recordSignals, options.channels);

  const read = {
    fromSample: opts.fromSample,
    toSample,
    channels,
    smoothFrames: opts.smoothFrames,
    ignoreSkew: opts.ignoreSkew,
    logger,
  };
  const result: DigitalChannels =
    header.segments !== undefined
      ? await readMultiSegmentDigital(header, read, opts.digital)
      : await readSegmentDigital(header, read);

  return {
    header,
    signalNames: result.specs.map((s) => s.description),
    units: result.specs.map((s) => s.units),
    samplingRateHz: header.samplingFrequencyHz,
    fromSample: opts.fromSample,
    lengthSamples: toSample - opts.fromSample,
    physical:
      result.physical ?? result.digital.map((d, i) => toPhysical(d, result.specs[i])),
    digital: opts.digital ? result.digital : undefined,
    samplesPerFrame: result.specs.map((s) => (opts.smoothFrames ? 1 : s.samplesPerFrame)),
    signalSpecs: result.specs,
  };
}

async function signalsOf(header: RecordHeader): Promise<SignalSpec[]> {
  if (header.segments === undefined) return header.signals;
  return multiSegmentSignals(header);
}

function checkRange(
  header: RecordHeader,
  fromSample: number,
  toSample: number,
  lengthSamples: number,
): void {
  const where = `record ${header.headerPath} has ${lengthSamples} samples`;
  if (!Number.isInteger(fromSample) || fromSample < 0) {
    throw new ParameterError('fromSample', 'an integer >= 0', fromSample, where);
  }
  if (!Number.isInteger(toSample) || toSample > lengthSamples) {
    throw new ParameterError(
      'toSample',
      `an integer <= ${lengthSamples}`,
      toSample,
      where,
    );
  }
  if (toSample < fromSample) {
    throw new ParameterError(
      'toSample',
      `>= fromSample (${fromSample})`,
      toSample,
      where,
    );
  }
}

function resolveChannels(
  header: RecordHeader,
  signals: SignalSpec[],
  asked: (number | string)[] | undefined,
): number[] {
  if (asked === undefined) return signals.map((_, i) => i);
  const names = signals.map((s) => s.description);
  return asked.map((channel) => {
    if (typeof channel === 'number') {
      if (!Number.isInteger(channel) || channel < 0 || channel >= signals.length) {
        throw new ParameterError(
          'signal index',
          `from 0 to ${signals.length - 1}`,
          channel,
          `record ${header.headerPath} has ${signals.length} signals`,
        );
      }
      return channel;
    }
    return indexOfName(header, names, channel);
  });
}

// An exact name first; otherwise the one name that differs only in case (ptbdb writes
// 'ii', PTB-XL 'II').
function indexOfName(header: RecordHeader, names: string[], name: string): number {
  const exact = names.indexOf(name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  const matches = names.flatMap((n, i) => (n.toLowerCase() === lower ? [i] : []));
  if (matches.length === 1) return matches[0];
  const listed = (indices: number[]) => indices.map((i) => `'${names[i]}'`).join(', ');
  if (matches.length > 1) {
    throw new ParameterError(
      'signal name',
      `one of ${listed(matches)} exactly (they differ only in case)`,
      name,
      `record ${header.headerPath}`,
    );
  }
  throw new ParameterError(
    'signal name',
    `one of ${listed(names.map((_, i) => i))}`,
    name,
    `record ${header.headerPath}`,
  );
}
