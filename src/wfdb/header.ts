/**
 * Parses WFDB header files (header(5)): the record line, one line per signal or per
 * segment, and comment lines, with LF or CRLF line ends.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileError, ParseError } from '../util/errors.js';
import { UnknownFormatError } from './errors.js';
import { FORMATS, bytesForSamples } from './formats.js';
import type { RecordHeader, SegmentSpec, SignalSpec } from './types.js';

/** Sampling frequency a header without one implies (WFDB's DEFFREQ). */
export const DEFAULT_SAMPLING_FREQUENCY_HZ = 250;
/** ADC gain a header gives as 0 or omits (WFDB's DEFGAIN). */
export const DEFAULT_ADC_GAIN = 200;

/** Options of {@link readHeader}. */
export interface ReadHeaderOptions {
  /**
   * Infer a missing record length from the size of the first signal file, as wfdb does
   * (default true).
   */
  inferLength?: boolean;
}

/**
 * Turns a record path (`data/100`, or `data/100.hea`) into the header file's path.
 * @param recordPath path of the record without extension, or of its `.hea` file
 */
export function headerPathOf(recordPath: string): string {
  return recordPath.endsWith('.hea') ? recordPath : `${recordPath}.hea`;
}

/**
 * Reads and parses a record's `.hea` file.
 * @param recordPath path without extension (`data/100`), or ending in `.hea`, or in
 *   `.dat` when `data/100.hea` exists (the `.dat` is dropped as `.hea` is)
 * @param options see {@link ReadHeaderOptions}
 * @returns the header with wfdb's defaults filled in
 * @throws FileError when the header file is missing or the path is a folder; ParseError (with line and field)
 *   when a line breaks the format; UnknownFormatError for an undefined storage format
 * @example
 * const header = await readHeader('../shared/data/mitdb/100');
 * header.signals.map((s) => s.description); // ['MLII', 'V5']
 */
export async function readHeader(
  recordPath: string,
  options: ReadHeaderOptions = {},
): Promise<RecordHeader> {
  const headerPath = await findHeaderPath(recordPath);
  let bytes: Buffer;
  try {
    bytes = await readFile(headerPath);
  } catch (error) {
    throw missingFile(headerPath, error, 'header');
  }
  const header = parseHeader(decodeAscii(bytes), headerPath);
  if (header.lengthSamples === undefined && options.inferLength !== false) {
    header.lengthSamples = await inferLengthSamples(header);
  }
  return header;
}

/**
 * The header file of a record path; a path ending in `.dat` names the record without it
 * when `<path>.hea` is absent and the header without `.dat` exists.
 * @throws FileError when the path is a folder, not a record
 */
async function findHeaderPath(recordPath: string): Promise<string> {
  const headerPath = headerPathOf(recordPath);
  if (await isFile(headerPath)) return headerPath;
  if (recordPath.endsWith('.dat')) {
    const withoutDat = `${recordPath.slice(0, -'.dat'.length)}.hea`;
    if (await isFile(withoutDat)) return withoutDat;
  }
  if (!recordPath.endsWith('.hea') && (await isFolder(recordPath))) {
    const example = join(recordPath, '100');
    throw new FileError(
      recordPath,
      `is a directory; give a record path such as ${example} (the header ${example}.hea)`,
      'FILE_NOT_RECORD',
    );
  }
  return headerPath;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/**
 * Parses the text of a `.hea` file.
 * @param text the file's text (LF or CRLF)
 * @param headerPath the file it came from, used in error messages and to find signal files
 * @returns the header; `lengthSamples` stays undefined when the header omits it
 * @throws ParseError naming the file, line and field of a malformed line
 * @remarks Defaults as wfdb: sampling frequency 250 Hz; gain 0 or absent means 200;
 *   baseline defaults to the ADC zero; units default to `mV`; initial value defaults to
 *   the ADC zero. Comments are kept with `#`, spaces and tabs stripped from both ends, as
 *   wfdb-python keeps them.
 */
export function parseHeader(text: string, headerPath: string): RecordHeader {
  const comments: string[] = [];
  const lines: { text: string; number: number }[] = [];
  text.split(/\r?\n|\r/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('#')) comments.push(trimmed.replace(/^[#\s]+|[#\s]+$/g, ''));
    else lines.push({ text: trimmed, number: index + 1 });
  });
  if (lines.length === 0) {
    throw new ParseError(headerPath, 'no record line; a WFDB header starts with one', {
      line: 1,
      field: 'record line',
    });
  }

  const { header, signalCount, segmentCount } = parseRecordLine(
    lines[0].text,
    lines[0].number,
    headerPath,
  );
  header.comments = comments;
  const body = lines.slice(1);
  if (segmentCount !== undefined) {
    checkCount(segmentCount, body.length, 'segment', lines[0].number, headerPath);
    header.segments = body.map((line) =>
      parseSegmentLine(line.text, line.number, headerPath),
    );
    // A multi-segment record without a length lasts as long as its segments together.
    header.lengthSamples ??= header.segments.reduce((sum, s) => sum + s.lengthSamples, 0);
    return header;
  }
  checkCount(signalCount, body.length, 'signal', lines[0].number, headerPath);
  header.signals = body.map((line) =>
    parseSignalLine(line.text, line.number, headerPath),
  );
  return header;
}

interface RecordLine {
  header: RecordHeader;
  signalCount: number;
  segmentCount: number | undefined;
}

function parseRecordLine(line: string, number: number, file: string): RecordLine {
  const fields = line.split(/\s+/);
  const fail = (field: string, message: string) =>
    new ParseError(file, message, { line: number, field });

  const [nameSpec, signalCountText, frequencySpec, lengthText, baseTime, baseDate] =
    fields;
  const nameMatch = /^([-\w]+)(?:\/(\d+))?$/.exec(nameSpec);
  if (!nameMatch)
    throw fail('record name', `'${nameSpec}' is not a record name[/segments]`);
  if (signalCountText === undefined || !/^\d+$/.test(signalCountText)) {
    throw fail(
      'number of signals',
      `expected a count of signals (got '${signalCountText ?? ''}')`,
    );
  }

  let samplingFrequencyHz = DEFAULT_SAMPLING_FREQUENCY_HZ;
  let counterFrequencyHz: number | undefined;
  let baseCounterValue: number | undefined;
  if (frequencySpec !== undefined) {
    const m =
      /^(\d*\.?\d+(?:[eE][-+]?\d+)?)(?:\/(-?\d*\.?\d+)(?:\((-?\d*\.?\d+)\))?)?$/.exec(
        frequencySpec,
      );
    if (!m)
      throw fail('sampling frequency', `'${frequencySpec}' is not a frequency in Hz`);
    samplingFrequencyHz = Number(m[1]);
    if (samplingFrequencyHz <= 0) samplingFrequencyHz = DEFAULT_SAMPLING_FREQUENCY_HZ;
    counterFrequencyHz = m[2] !== undefined ? Number(m[2]) : undefined;
    baseCounterValue = m[3] !== undefined ? Number(m[3]) : undefined;
  }
  if (lengthText !== undefined && !/^\d+$/.test(lengthText)) {
    throw fail('number of samples', `expected a sample count (got '${lengthText}')`);
  }

  const segmentCount = nameMatch[2] !== undefined ? Number(nameMatch[2]) : undefined;
  const header: RecordHeader = {
    recordName: nameMatch[1],
    headerPath: file,
    samplingFrequencyHz,
    counterFrequencyHz,
    baseCounterValue,
    lengthSamples: lengthText !== undefined ? Number(lengthText) : undefined,
    baseTime,
    baseDate,
    signals: [],
    comments: [],
    segments: segmentCount !== undefined ? [] : undefined,
  };
  return { header, signalCount: Number(signalCountText), segmentCount };
}

function checkCount(
  expected: number,
  actual: number,
  what: string,
  line: number,
  file: string,
): void {
  if (expected !== actual) {
    throw new ParseError(
      file,
      `the record line announces ${expected} ${what} lines but the header has ${actual}; ` +
        `fix the count or the ${what} lines`,
      { line, field: `number of ${what}s` },
    );
  }
}

function parseSegmentLine(line: string, number: number, file: string): SegmentSpec {
  const [recordName, lengthText] = line.split(/\s+/);
  if (lengthText === undefined || !/^\d+$/.test(lengthText)) {
    throw new ParseError(file, `a segment line is 'name length' (got '${line}')`, {
      line: number,
      field: 'segment length',
    });
  }
  return { recordName, lengthSamples: Number(lengthText) };
}

const FORMAT_FIELD = /^(\d+)(?:x(\d+))?(?::(\d+))?(?:\+(\d+))?$/;
const GAIN_FIELD =
  /^([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)(?:\((-?\d+)\))?(?:\/(.*))?$/;

function parseSignalLine(line: string, number: number, file: string): SignalSpec {
  const fields = line.split(/\s+/);
  const fail = (field: string, message: string) =>
    new ParseError(file, message, { line: number, field });
  const integer = (index: number, field: string, fallback: number): number => {
    const text = fields[index];
    if (text === undefined) return fallback;
    if (!/^[-+]?\d+$/.test(text))
      throw fail(field, `expected an integer (got '${text}')`);
    return Number(text);
  };

  const [fileName, formatText, gainText] = fields;
  if (formatText === undefined)
    throw fail('format', `a signal line needs a file name and a format`);
  const f = FORMAT_FIELD.exec(formatText);
  if (!f) throw fail('format', `'${formatText}' is not format[xspf][:skew][+offset]`);
  const format = Number(f[1]);
  if (format !== 0 && FORMATS[format] === undefined) {
    throw new UnknownFormatError(file, number, f[1]);
  }

  let adcGain = DEFAULT_ADC_GAIN;
  let baselineText: string | undefined;
  let units = 'mV';
  if (gainText !== undefined) {
    const g = GAIN_FIELD.exec(gainText);
    if (!g) throw fail('gain', `'${gainText}' is not gain[(baseline)][/units]`);
    adcGain = Number(g[1]) === 0 ? DEFAULT_ADC_GAIN : Number(g[1]);
    baselineText = g[2];
    if (g[3] !== undefined && g[3] !== '') units = g[3];
  }
  const adcResolutionBits = integer(3, 'ADC resolution', 0);
  const adcZero = integer(4, 'ADC zero', 0);
  const initialValue = integer(5, 'initial value', adcZero);
  const checksumText = fields[6];
  const checksum = checksumText !== undefined ? integer(6, 'checksum', 0) : undefined;
  const blockSize = integer(7, 'block size', 0);

  return {
    fileName,
    format,
    samplesPerFrame: f[2] !== undefined ? Math.max(1, Number(f[2])) : 1,
    skewFrames: f[3] !== undefined ? Number(f[3]) : 0,
    byteOffset: f[4] !== undefined ? Number(f[4]) : 0,
    adcGain,
    baseline: baselineText !== undefined ? Number(baselineText) : adcZero,
    units,
    adcResolutionBits,
    adcZero,
    initialValue,
    checksum,
    blockSize,
    description: descriptionOf(line, fields.length > 8),
  };
}

// The description is the rest of the line after the eighth field, spaces kept.
function descriptionOf(line: string, present: boolean): string {
  if (!present) return '';
  const m = /^(?:\S+\s+){8}(.*)$/.exec(line);
  return m ? m[1].trim() : '';
}

/** Headers are ASCII: wfdb-python drops any other byte, and so does cardiokit. */
export function decodeAscii(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] < 128) text += String.fromCharCode(bytes[i]);
  return text;
}

// A missing length is the number of whole frames the first signal file holds.
async function inferLengthSamples(header: RecordHeader): Promise<number | undefined> {
  const first = header.signals.find((s) => s.fileName !== '~' && s.format !== 0);
  if (first === undefined) return undefined;
  const spec = FORMATS[first.format];
  if (spec.isFlac) return undefined;
  const path = join(dirname(header.headerPath), first.fileName);
  let sizeBytes: number;
  try {
    sizeBytes = (await stat(path)).size;
  } catch (error) {
    throw missingFile(path, error, 'signal');
  }
  const frameSamples = header.signals
    .filter((s) => s.fileName === first.fileName)
    .reduce((sum, s) => sum + s.samplesPerFrame, 0);
  let frames = Math.floor(
    ((sizeBytes - first.byteOffset) * spec.samplesPerGroup) /
      spec.bytesPerGroup /
      frameSamples,
  );
  while (
    frames > 0 &&
    bytesForSamples(spec, frames * frameSamples) > sizeBytes - first.byteOffset
  ) {
    frames--;
  }
  return Math.max(0, frames);
}

/** Builds the FileError for a file that cannot be opened. */
export function missingFile(path: string, error: unknown, what: string): FileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && what === 'signal') {
    return new FileError(
      path,
      'signal file not found, though the header names it; fetch the data files of the ' +
        "record (or of this segment) into the header's folder",
      'FILE_MISSING',
    );
  }
  if (code === 'ENOENT') {
    return new FileError(
      path,
      `${what} file not found; check the record path (give it without extension, ` +
        `as in 'data/${basename(path).replace(/\.[^.]*$/, '')}')`,
      'FILE_MISSING',
    );
  }
  return new FileError(path, `cannot read the ${what} file (${code ?? String(error)})`);
}
