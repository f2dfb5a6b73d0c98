import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileError, ParameterError, ParseError } from '../util/errors.js';
import {
  parseHeader,
  readHeader,
  readRecord,
  TruncatedFileError,
  UnknownFormatError,
  writeRecord,
} from './index.js';

let dir = '';
const ramp = Int32Array.from({ length: 1000 }, (_, i) => i - 500);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-wfdb-errors-'));
  await writeRecord(join(dir, 'ok'), {
    signalNames: ['I', 'II'],
    samplingRateHz: 100,
    digital: [ramp, ramp],
    format: 16,
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('WFDB reader errors', () => {
  it('names the missing header file', async () => {
    const missing = join(dir, 'nope');
    await expect(readRecord(missing)).rejects.toThrow(FileError);
    await expect(readRecord(missing)).rejects.toThrow(
      `${missing}.hea: header file not found`,
    );
  });

  it('names the missing signal file', async () => {
    await writeFile(
      join(dir, 'lost.hea'),
      'lost 1 100 10\nlost.dat 16 200 16 0 0 0 0 I\n',
    );
    await expect(readRecord(join(dir, 'lost'))).rejects.toThrow(
      /lost\.dat: signal file not found/,
    );
  });

  it('reports a truncated .dat with the bytes needed and present', async () => {
    await writeRecord(join(dir, 'short'), {
      signalNames: ['I'],
      samplingRateHz: 100,
      digital: [ramp],
      format: 16,
    });
    await truncate(join(dir, 'short.dat'), 1500);
    const read = readRecord(join(dir, 'short'));
    await expect(read).rejects.toThrow(TruncatedFileError);
    await expect(readRecord(join(dir, 'short'))).rejects.toThrow(
      /short\.dat: truncated: .* needs 2000 bytes but the file has 1500/,
    );
    // A range inside the bytes present reads: only the needed bytes are touched.
    const head = await readRecord(join(dir, 'short'), { toSample: 700, digital: true });
    expect(Array.from(head.digital![0].subarray(695))).toEqual([195, 196, 197, 198, 199]);
  });

  it('gives the file, line and field of a malformed signal line', () => {
    const text =
      'rec 2 250 100\nrec.dat 16 200 12 0 0 0 0 I\nrec.dat 16 abc/mV 12 0 0 0 0 II\n';
    expect(() => parseHeader(text, 'rec.hea')).toThrow(ParseError);
    expect(() => parseHeader(text, 'rec.hea')).toThrow(
      "rec.hea line 3: gain: 'abc/mV' is not gain[(baseline)][/units]",
    );
  });

  it('counts lines the same with CRLF line ends', () => {
    const text = 'rec 1 250 100\r\n# comment\r\nrec.dat 16 200 x 0 0 0 0 I\r\n';
    expect(() => parseHeader(text, 'rec.hea')).toThrow(
      "rec.hea line 3: ADC resolution: expected an integer (got 'x')",
    );
  });

  it('names an unknown storage format', () => {
    const text = 'rec 1 250 100\nrec.dat 99 200 12 0 0 0 0 I\n';
    expect(() => parseHeader(text, 'rec.hea')).toThrow(UnknownFormatError);
    expect(() => parseHeader(text, 'rec.hea')).toThrow(
      /rec\.hea line 2: format: unknown WFDB storage format '99'/,
    );
  });

  it('says when the header announces more signals than it has', () => {
    expect(() =>
      parseHeader('rec 2 250 100\nrec.dat 16 200 12 0 0 0 0 I\n', 'rec.hea'),
    ).toThrow(
      'rec.hea line 1: number of signals: the record line announces 2 signal lines but the header has 1',
    );
  });

  it('refuses a range past the end, naming the record length', async () => {
    await expect(readRecord(join(dir, 'ok'), { toSample: 1001 })).rejects.toThrow(
      ParameterError,
    );
    await expect(readRecord(join(dir, 'ok'), { toSample: 1001 })).rejects.toThrow(
      /toSample must be an integer <= 1000 \(got 1001\): record .*ok\.hea has 1000 samples/,
    );
    await expect(readRecord(join(dir, 'ok'), { fromSample: -1 })).rejects.toThrow(
      /fromSample/,
    );
  });

  it('refuses an unknown channel name, listing the names', async () => {
    await expect(readRecord(join(dir, 'ok'), { channels: ['V9'] })).rejects.toThrow(
      "signal name must be one of 'I', 'II' (got 'V9')",
    );
  });
});

describe('parseHeader defaults', () => {
  it('fills in wfdb defaults: gain 0 means 200, baseline = ADC zero, units mV, 250 Hz', () => {
    const header = parseHeader('rec 2\nrec.dat 212 0 12 5\nrec.dat 212\n', 'rec.hea');
    expect(header.samplingFrequencyHz).toBe(250);
    expect(header.lengthSamples).toBeUndefined();
    const [a, b] = header.signals;
    expect([a.adcGain, a.baseline, a.units, a.adcZero, a.initialValue]).toEqual([
      200,
      5,
      'mV',
      5,
      5,
    ]);
    expect([b.adcGain, b.baseline, b.checksum, b.description]).toEqual([
      200,
      0,
      undefined,
      '',
    ]);
  });

  it('reads format, samples per frame, skew and byte offset from one field', () => {
    const header = parseHeader(
      'rec 1 360/720(5) 10\nrec.dat 16x4:3+24 100(7)/uV 16 1 2 3 0 a b\n',
      'rec.hea',
    );
    const s = header.signals[0];
    expect([s.format, s.samplesPerFrame, s.skewFrames, s.byteOffset]).toEqual([
      16, 4, 3, 24,
    ]);
    expect([s.adcGain, s.baseline, s.units, s.description]).toEqual([
      100,
      7,
      'uV',
      'a b',
    ]);
    expect([header.counterFrequencyHz, header.baseCounterValue]).toEqual([720, 5]);
  });

  it('gives a multi-segment record without a length the sum of its segments', () => {
    const header = parseHeader(
      'multi/3 2 125\nlayout 0\nseg1 1000\n~ 250\n',
      'multi.hea',
    );
    expect(header.segments).toEqual([
      { recordName: 'layout', lengthSamples: 0 },
      { recordName: 'seg1', lengthSamples: 1000 },
      { recordName: '~', lengthSamples: 250 },
    ]);
    expect(header.lengthSamples).toBe(1250);
  });

  it('reads a header from a path ending in .hea', async () => {
    const header = await readHeader(join(dir, 'ok.hea'));
    expect(header.signals.map((s) => s.description)).toEqual(['I', 'II']);
  });
});
