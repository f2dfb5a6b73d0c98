import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecord } from './index.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const sampleData = resolve(repoRoot, '../shared/data/wfdb-sample/sample-data');

// Records that exercise every packed format, skew, multi-frequency frames, several files
// per record and byte offsets.
const RECORDS = [
  'binformats',
  '310derive',
  '311derive',
  '03700181',
  'test01_00s_skewframe',
  's0010_re',
  'a103l',
  'flacformats',
];

// Ranges that start and end inside byte groups (212 pairs, 310/311 triples).
const RANGES: [number, number][] = [
  [0, 1],
  [1, 4],
  [5, 6],
  [7, 50],
  [101, 102],
];

describe.skipIf(!existsSync(sampleData))('readRecord ranges and channel subsets', () => {
  if (!existsSync(sampleData)) it.skip(`skipped: ${sampleData} is absent`, () => {});

  for (const name of RECORDS) {
    it(`reads ${name} ranges and channels equal to slices of the whole read (exact)`, async () => {
      const path = resolve(sampleData, name);
      const whole = await readRecord(path, { digital: true, smoothFrames: false });
      const n = whole.lengthSamples;
      const channels = whole.signalNames.map((_, i) => i).reverse();
      for (const [from, to] of [...RANGES, [n - 3, n] as [number, number]]) {
        const part = await readRecord(path, {
          fromSample: from,
          toSample: to,
          channels,
          digital: true,
          smoothFrames: false,
        });
        expect(part.lengthSamples).toBe(to - from);
        channels.forEach((c, k) => {
          const spf = whole.samplesPerFrame![c];
          const expected = whole.digital![c].subarray(from * spf, to * spf);
          expect(Array.from(part.digital![k])).toEqual(Array.from(expected));
        });
      }
    });
  }

  it('selects channels by name, in the order asked', async () => {
    const path = resolve(sampleData, 's0010_re');
    const rec = await readRecord(path, {
      toSample: 10,
      channels: ['vz', 'i'],
      digital: true,
    });
    const whole = await readRecord(path, { toSample: 10, digital: true });
    expect(rec.signalNames).toEqual(['vz', 'i']);
    expect(Array.from(rec.digital![0])).toEqual(Array.from(whole.digital![14]));
    expect(Array.from(rec.digital![1])).toEqual(Array.from(whole.digital![0]));
  });
});
