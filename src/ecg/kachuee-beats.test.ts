import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { readRecord } from '../wfdb/index.js';
import { kachueeBeats } from './kachuee-beats.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const mitdb100 = resolve(repoRoot, '../shared/data/mitdb/100');
const fixture = JSON.parse(
  readFileSync(
    resolve(repoRoot, 'test/fixtures/scipy-ecg/kachuee-mitdb100-360hz.json'),
    'utf8',
  ),
) as {
  toSample: number;
  rPeakIndices: number[];
  keptRPeakIndices: number[];
  beats: number[][];
};

describe.skipIf(!existsSync(`${mitdb100}.hea`))(
  'kachueeBeats on mitdb 100 (needs ../shared/data; skipped when absent)',
  () => {
    it('matches the numpy/scipy reference beats (resample_poly, 10 s windows, 1.2 RR, 187)', async () => {
      const record = await readRecord(mitdb100, {
        toSample: fixture.toSample,
        channels: [0],
      });
      const k = kachueeBeats(record.physical[0], fixture.rPeakIndices, 360);
      expect(Array.from(k.rPeakIndices)).toEqual(fixture.keptRPeakIndices);
      // Float32 beats in [0, 1] against float64 scipy values: 1e-6 covers the rounding.
      k.beats.forEach((beat, b) =>
        expectAllClose(beat, fixture.beats[b], { atol: 1e-6, rtol: 0 }),
      );
    });
  },
);
