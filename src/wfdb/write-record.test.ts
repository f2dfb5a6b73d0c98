import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParameterError } from '../util/errors.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { adcGainForRange, readRecord, writeRecord } from './index.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const mitdb100 = resolve(repoRoot, '../shared/data/mitdb/100');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-wfdb-write-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeRecord', () => {
  for (const format of [16, 212] as const) {
    it(`round-trips digital values exactly in format ${format}, odd length and NaN included`, async () => {
      const a = Int32Array.from({ length: 1001 }, (_, i) => ((i * 37) % 4001) - 2000);
      const b = Int32Array.from({ length: 1001 }, (_, i) => (i % 7 === 0 ? -2048 : -i));
      const path = join(dir, `digital${format}`);
      await writeRecord(path, {
        signalNames: ['I', 'II'],
        samplingRateHz: 500,
        digital: [a, b],
        adcGain: [100, 250.5],
        baseline: [3, -7],
        units: ['mV', 'uV'],
        format,
        comments: ['<age>: 60', 'written by cardiokit'],
      });
      const rec = await readRecord(path, { digital: true });
      expect(Array.from(rec.digital![0])).toEqual(Array.from(a));
      // -2048 is the invalid value of format 212 only.
      expect(Array.from(rec.digital![1])).toEqual(Array.from(b));
      expect(rec.units).toEqual(['mV', 'uV']);
      expect(rec.signalSpecs!.map((s) => [s.adcGain, s.baseline])).toEqual([
        [100, 3],
        [250.5, -7],
      ]);
      expect(rec.header.comments).toEqual(['<age>: 60', 'written by cardiokit']);
      expect(rec.samplingRateHz).toBe(500);
    });
  }

  it('round-trips physical values within half an ADC step, NaN kept', async () => {
    const x = Float64Array.from({ length: 2000 }, (_, i) => Math.sin(i / 30) * 2.5 - 0.4);
    x[17] = NaN;
    const path = join(dir, 'physical');
    await writeRecord(path, {
      signalNames: ['V1'],
      samplingRateHz: 250,
      physical: [x],
      format: 212,
    });
    const rec = await readRecord(path);
    const { adcGain } = adcGainForRange(x, 212);
    // Quantization error is at most half an ADC unit: 0.5 / gain.
    expectAllClose(rec.physical[0], x, { atol: 0.5 / adcGain + 1e-12, rtol: 0 });
    expect(Number.isNaN(rec.physical[0][17])).toBe(true);
  });

  it.skipIf(!existsSync(`${mitdb100}.hea`))(
    'rewrites the first minute of mitdb 100 in format 212 byte for byte',
    async () => {
      const original = await readRecord(mitdb100, { toSample: 21600, digital: true });
      const path = join(dir, '100');
      const specs = original.signalSpecs!;
      await writeRecord(path, {
        signalNames: original.signalNames,
        samplingRateHz: 360,
        digital: original.digital!,
        adcGain: specs.map((s) => s.adcGain),
        baseline: specs.map((s) => s.baseline),
        format: 212,
      });
      const written = await readFile(`${path}.dat`);
      const source = await readFile(`${mitdb100}.dat`);
      expect(written.equals(source.subarray(0, 21600 * 3))).toBe(true);
    },
  );

  it('refuses a digital value outside the format range, naming signal and sample', async () => {
    const d = Int32Array.from([0, 1, 5000]);
    const write = writeRecord(join(dir, 'bad'), {
      signalNames: ['II'],
      samplingRateHz: 100,
      digital: [d],
      format: 212,
    });
    await expect(write).rejects.toThrow(ParameterError);
    await expect(
      writeRecord(join(dir, 'bad'), {
        signalNames: ['II'],
        samplingRateHz: 100,
        digital: [d],
        format: 212,
      }),
    ).rejects.toThrow(/signal 0 \('II'\) sample 2 must be within -2047\.\.2047/);
  });
});

describe('adcGainForRange', () => {
  it('maps the physical range inside the digital range of format 16', () => {
    const x = Float64Array.from([-3, 0, 1.5, 7]);
    const { adcGain, baseline } = adcGainForRange(x, 16);
    const d = Array.from(x, (v) => Math.round(v * adcGain + baseline));
    expect(Math.min(...d)).toBeGreaterThanOrEqual(-32767);
    expect(Math.max(...d)).toBeLessThanOrEqual(32767);
    expect(Math.max(...d) - Math.min(...d)).toBeGreaterThan(65000);
  });

  it('gives gain 1 for a constant signal', () => {
    expect(adcGainForRange(Float64Array.from([2, 2, 2]), 212)).toEqual({
      adcGain: 1,
      baseline: -2,
    });
  });
});
