/**
 * Multi-segment records: a list of single-segment records played one after another,
 * with the same signals in every segment (fixed layout) or a layout segment that names
 * the record's signals and segments that hold any subset of them (variable layout).
 * Reads are converted to one signal per channel, as wfdb-python's `m2s=True`.
 */
import { dirname, join } from 'node:path';
import { ParameterError } from '../util/errors.js';
import { readHeader } from './header.js';
import {
  fillValueOf,
  invalidValueOf,
  readSegmentDigital,
  toPhysical,
  type DigitalChannels,
  type SegmentRead,
} from './record.js';
import type { RecordHeader, SignalSpec } from './types.js';

/** A segment placed on the record's time line. */
interface PlacedSegment {
  recordName: string;
  fromSample: number;
  toSample: number;
}

/** True when the first segment is a layout segment (length 0): a variable layout. */
export function isVariableLayout(header: RecordHeader): boolean {
  return header.segments !== undefined && header.segments[0]?.lengthSamples === 0;
}

/**
 * The record's signals: the layout segment's for a variable layout, else the first
 * segment's that has a header; a single-segment header's own signals.
 * @param header a multi-segment header
 */
export async function multiSegmentSignals(header: RecordHeader): Promise<SignalSpec[]> {
  if (header.segments === undefined) return header.signals;
  const segments = header.segments;
  const first = isVariableLayout(header)
    ? segments[0]
    : segments.find((s) => s.recordName !== '~');
  if (first === undefined) return [];
  return (await segmentHeader(header, first.recordName)).signals;
}

function segmentHeader(header: RecordHeader, recordName: string): Promise<RecordHeader> {
  return readHeader(join(dirname(header.headerPath), recordName));
}

function placeSegments(header: RecordHeader): PlacedSegment[] {
  let start = 0;
  return (header.segments ?? []).map((s) => {
    const placed = {
      recordName: s.recordName,
      fromSample: start,
      toSample: start + s.lengthSamples,
    };
    start += s.lengthSamples;
    return placed;
  });
}

/**
 * Reads channels of a multi-segment record over `[fromSample, toSample)`.
 * @param header the multi-segment header
 * @param read range and channels (indices into {@link multiSegmentSignals})
 * @param wantDigital whether the caller needs digital values
 * @returns digital values (a segment's invalid value becomes the channel's), physical
 *   values computed with each segment's own gain and baseline, and each channel's
 *   header line from the first segment read that holds it
 * @throws ParameterError when digital values are asked for a channel whose gain or
 *   baseline differ between the segments read (read physical values instead)
 * @remarks Samples that no segment covers (`~` segments, or segments of a variable
 *   layout that lack the channel) are invalid: NaN physical values and the format's
 *   invalid value (-32768 for a channel no segment holds).
 */
export async function readMultiSegmentDigital(
  header: RecordHeader,
  read: SegmentRead,
  wantDigital: boolean,
): Promise<DigitalChannels & { physical: Float64Array[] }> {
  const signals = await multiSegmentSignals(header);
  const variable = isVariableLayout(header);
  const count = read.toSample - read.fromSample;
  const names = read.channels.map((c) => signals[c].description);
  const specs: (SignalSpec | undefined)[] = read.channels.map(() => undefined);
  const pieces: { channel: number; at: number; digital: Int32Array; spec: SignalSpec }[] =
    [];

  // Read each segment that overlaps the range, with the channels it holds.
  for (const segment of placeSegments(header)) {
    const from = Math.max(read.fromSample, segment.fromSample);
    const to = Math.min(read.toSample, segment.toSample);
    if (to <= from || segment.recordName === '~') continue;
    const segHeader = await segmentHeader(header, segment.recordName);
    const wanted = read.channels.map((c, i) =>
      variable ? segHeader.signals.findIndex((s) => s.description === names[i]) : c,
    );
    const present = wanted.map((w, i) => ({ w, i })).filter(({ w }) => w >= 0);
    if (present.length === 0) continue;
    const got = await readSegmentDigital(segHeader, {
      ...read,
      fromSample: from - segment.fromSample,
      toSample: to - segment.fromSample,
      channels: present.map(({ w }) => w),
    });
    present.forEach(({ i }, k) => {
      const spec = got.specs[k];
      checkSameScale(specs[i], spec, names[i], segment.recordName, wantDigital);
      specs[i] ??= spec;
      pieces.push({
        channel: i,
        at: from - read.fromSample,
        digital: got.digital[k],
        spec,
      });
    });
  }

  // Assemble one array per channel; uncovered samples stay invalid.
  const outSpecs = specs.map((s, i) => s ?? signals[read.channels[i]]);
  const perSample = outSpecs.map((s) => (read.smoothFrames ? 1 : s.samplesPerFrame));
  const digital = outSpecs.map((s, i) =>
    new Int32Array(count * perSample[i]).fill(fillValueOf(s.format)),
  );
  const physical = outSpecs.map((_, i) =>
    new Float64Array(count * perSample[i]).fill(NaN),
  );
  for (const piece of pieces) {
    const target = outSpecs[piece.channel].format;
    const from = invalidValueOf(piece.spec.format);
    const to = fillValueOf(target);
    const at = piece.at * perSample[piece.channel];
    piece.digital.forEach((d, k) => {
      digital[piece.channel][at + k] = d === from ? to : d;
    });
    physical[piece.channel].set(toPhysical(piece.digital, piece.spec), at);
  }
  return { digital, specs: outSpecs, physical };
}

function checkSameScale(
  first: SignalSpec | undefined,
  next: SignalSpec,
  name: string,
  segmentName: string,
  wantDigital: boolean,
): void {
  if (!wantDigital || first === undefined) return;
  if (first.adcGain === next.adcGain && first.baseline === next.baseline) return;
  throw new ParameterError(
    'digital',
    'false for this range of this record',
    true,
    `segment ${segmentName} stores channel '${name}' with gain ${next.adcGain} and baseline ` +
      `${next.baseline}, an earlier segment with gain ${first.adcGain} and baseline ` +
      `${first.baseline}, so no single digital scale exists; read physical values, or ` +
      'channels and ranges whose segments share one scale',
  );
}
