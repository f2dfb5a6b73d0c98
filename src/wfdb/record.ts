/**
 * Reads the samples of a single-segment WFDB record: a range of samples of some
 * channels, deskewed, with multi-frequency frames averaged or expanded.
 */
import { dirname, join } from 'node:path';
import type { Logger } from '../util/logger.js';
import { FORMATS } from './formats.js';
import { readFileFrames, type FileFrames } from './signal-file.js';
import type { RecordHeader, SignalSpec } from './types.js';

/** What the single-segment reader needs, already validated. */
export interface SegmentRead {
  fromSample: number;
  toSample: number;
  /** Indices into `header.signals`. */
  channels: number[];
  smoothFrames: boolean;
  ignoreSkew: boolean;
  logger: Logger;
}

/** ADC counts of the channels asked for, one array each. */
export interface DigitalChannels {
  digital: Int32Array[];
  specs: SignalSpec[];
  /** Physical values, when the reader had to compute them per segment. */
  physical?: Float64Array[];
}

/** Digital value that marks an invalid sample of a signal of this format. */
export function invalidValueOf(format: number): number | undefined {
  return FORMATS[format]?.invalidValue;
}

/** Fill value for samples a file does not hold (skew past the end, `~` signals). */
export function fillValueOf(format: number): number {
  return invalidValueOf(format) ?? -32768;
}

/**
 * Reads the digital values of a single-segment record.
 * @param header a parsed single-segment header with its length known
 * @param read validated range and channels
 * @returns one Int32Array per channel asked for, in the order asked
 * @remarks Skewed signals are shifted so that sample `t` is frame `t + skew`; samples
 *   past the last frame get the format's invalid value, as in wfdb-python.
 */
export async function readSegmentDigital(
  header: RecordHeader,
  read: SegmentRead,
): Promise<DigitalChannels> {
  const lengthSamples = header.lengthSamples ?? 0;
  const folder = dirname(header.headerPath);
  const skewOf = (s: SignalSpec) => (read.ignoreSkew ? 0 : s.skewFrames);

  // Group the needed signals by file; each file is read once for its frame range.
  const files = new Map<string, number[]>();
  for (const index of read.channels) {
    const spec = header.signals[index];
    if (spec.fileName === '~' || spec.format === 0) continue;
    const list = files.get(spec.fileName) ?? [];
    list.push(index);
    files.set(spec.fileName, list);
  }
  const frames = new Map<string, FileFrames>();
  await Promise.all(
    [...files].map(async ([fileName, indices]) => {
      const inFile = header.signals.filter((s) => s.fileName === fileName);
      const maxSkew = Math.max(...indices.map((i) => skewOf(header.signals[i])));
      const toFrame = Math.min(read.toSample + maxSkew, lengthSamples);
      const path = join(folder, fileName);
      frames.set(fileName, await readFileFrames(path, inFile, read.fromSample, toFrame));
    }),
  );

  const digital = read.channels.map((index) =>
    extractChannel(
      header,
      index,
      frames.get(header.signals[index].fileName),
      read,
      skewOf,
    ),
  );
  checkChecksums(header, read, frames, skewOf);
  return { digital, specs: read.channels.map((i) => header.signals[i]) };
}

function extractChannel(
  header: RecordHeader,
  index: number,
  file: FileFrames | undefined,
  read: SegmentRead,
  skewOf: (s: SignalSpec) => number,
): Int32Array {
  const spec = header.signals[index];
  const spf = spec.samplesPerFrame;
  const count = read.toSample - read.fromSample;
  const perSample = read.smoothFrames ? 1 : spf;
  const out = new Int32Array(count * perSample).fill(fillValueOf(spec.format));
  if (file === undefined) return out;

  const offset = offsetInFrame(header, index);
  const skew = skewOf(spec);
  const F = file.frameSamples;
  const samples = file.samples;
  const available = Math.max(0, Math.min(count, file.toFrame - read.fromSample - skew));
  if (spf === 1) {
    // One sample per frame: a strided copy.
    let at = (read.fromSample + skew - file.fromFrame) * F + offset;
    for (let t = 0; t < available; t++, at += F) out[t] = samples[at];
    return out;
  }
  for (let t = 0; t < available; t++) {
    const frame = read.fromSample + t + skew;
    const base = (frame - file.fromFrame) * F + offset;
    if (perSample === spf) {
      for (let k = 0; k < spf; k++) out[t * spf + k] = samples[base + k];
    } else {
      // Average the frame's samples in the digital domain, truncating toward zero as
      // wfdb-python's smooth_frames does.
      let sum = 0;
      for (let k = 0; k < spf; k++) sum += samples[base + k];
      out[t] = Math.trunc(sum / spf);
    }
  }
  return out;
}

// Position of a signal's first sample within its file's frame.
function offsetInFrame(header: RecordHeader, index: number): number {
  const fileName = header.signals[index].fileName;
  let offset = 0;
  for (let i = 0; i < index; i++) {
    if (header.signals[i].fileName === fileName)
      offset += header.signals[i].samplesPerFrame;
  }
  return offset;
}

// The header checksum is the 16-bit sum of every sample of the signal as stored, so it
// can be checked only when every frame was read. Older PhysioNet headers (ptbdb's
// s0014lre, for one) write 0 in every checksum field as a placeholder; a header whose
// checksums are all 0 is taken to give none, so a real checksum of 0 goes unchecked.
function checkChecksums(
  header: RecordHeader,
  read: SegmentRead,
  frames: Map<string, FileFrames>,
  skewOf: (s: SignalSpec) => number,
): void {
  if (header.signals.every((s) => s.checksum === undefined || s.checksum === 0)) return;
  const lengthSamples = header.lengthSamples ?? 0;
  for (const index of read.channels) {
    const spec = header.signals[index];
    const file = frames.get(spec.fileName);
    if (spec.checksum === undefined || file === undefined) continue;
    if (file.fromFrame !== 0 || file.toFrame !== lengthSamples) continue;
    if (read.toSample + skewOf(spec) < lengthSamples) continue;
    const offset = offsetInFrame(header, index);
    let sum = 0;
    for (let f = 0; f < lengthSamples; f++) {
      const base = f * file.frameSamples + offset;
      for (let k = 0; k < spec.samplesPerFrame; k++)
        sum = (sum + file.samples[base + k]) | 0;
    }
    const actual = sum & 0xffff;
    const expected = spec.checksum & 0xffff;
    if (actual !== expected) {
      read.logger.warn(
        `${header.headerPath}: checksum of signal ${index} '${spec.description}' is ` +
          `${toInt16(actual)} but the header says ${toInt16(expected)}; ` +
          'the signal file may be damaged or the header may belong to another version',
      );
    }
  }
}

function toInt16(value: number): number {
  return (value << 16) >> 16;
}

/**
 * Converts ADC counts to physical units: (digital - baseline) / gain.
 * @param digital ADC counts
 * @param spec the signal's header line (gain, baseline, format)
 * @returns a new Float64Array; NaN where the sample equals the format's invalid value
 */
export function toPhysical(digital: Int32Array, spec: SignalSpec): Float64Array {
  const invalid = spec.format === 0 ? fillValueOf(0) : invalidValueOf(spec.format);
  const out = new Float64Array(digital.length);
  for (let i = 0; i < digital.length; i++) {
    const d = digital[i];
    out[i] = d === invalid ? NaN : (d - spec.baseline) / spec.adcGain;
  }
  return out;
}
