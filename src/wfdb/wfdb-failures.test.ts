import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../util/errors.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { readRecord } from './index.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const dataDir = resolve(repoRoot, '../shared/data');

interface PhysicalChannelRef {
  phys_first5: (number | null)[];
  phys_last5: (number | null)[];
  phys_n_nan: number;
  phys_sum_rounded6: number;
  phys_first_valid: { index: number; values5: number[] } | null;
}

interface FailedRef {
  path: string;
  error: string;
  read_args: { sampfrom?: number; sampto?: number };
  physical_summary?: {
    sig_len: number;
    sig_name: string[];
    channels: PhysicalChannelRef[];
  };
}

const failures: FailedRef[] = JSON.parse(
  readFileSync(resolve(repoRoot, 'test/fixtures/wfdb/wfdb_ref_skipped.json'), 'utf8'),
).wfdb_failed;

const nan = (values: (number | null)[]) => values.map((v) => (v === null ? NaN : v));
// The reference rounds physical values to 9 decimals.
const TOLERANCE = { atol: 6e-10, rtol: 0 };

describe.skipIf(!existsSync(dataDir))('readRecord where wfdb-python 4.3.1 fails', () => {
  if (!existsSync(dataDir)) it.skip(`skipped: ${dataDir} is absent`, () => {});

  for (const ref of failures) {
    const path = resolve(dataDir, ref.path);
    const range = { fromSample: ref.read_args.sampfrom, toSample: ref.read_args.sampto };

    if (ref.error.startsWith('ValueError: sampto')) {
      it(`returns no samples for the layout-only header ${ref.path}`, async () => {
        const rec = await readRecord(path, { digital: true });
        expect(rec.lengthSamples).toBe(0);
        expect(rec.physical.every((p) => p.length === 0)).toBe(true);
      });
      continue;
    }

    const summary = ref.physical_summary!;
    it(`reads ${ref.path} ${JSON.stringify(ref.read_args)} to wfdb-python's physical values`, async () => {
      const rec = await readRecord(path, range);
      expect(rec.lengthSamples).toBe(summary.sig_len);
      expect(rec.signalNames).toEqual(summary.sig_name);
      summary.channels.forEach((c, i) => {
        const p = rec.physical[i];
        expectAllClose(p.subarray(0, 5), nan(c.phys_first5), TOLERANCE);
        expectAllClose(p.subarray(p.length - 5), nan(c.phys_last5), TOLERANCE);
        expect(p.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0)).toBe(c.phys_n_nan);
        const firstValid = p.findIndex((v) => !Number.isNaN(v));
        expect(firstValid < 0 ? null : firstValid).toBe(
          c.phys_first_valid?.index ?? null,
        );
        if (c.phys_first_valid) {
          const at = c.phys_first_valid.index;
          expectAllClose(p.subarray(at, at + 5), c.phys_first_valid.values5, TOLERANCE);
        }
        // The sum of the valid values is rounded to 6 decimals in the reference.
        const sum = p.reduce((s, v) => (Number.isNaN(v) ? s : s + v), 0);
        expect(Math.abs(sum - c.phys_sum_rounded6)).toBeLessThan(1e-5);
      });
    });

    if (ref.error.startsWith('Exception: This variable layout')) {
      it(`refuses digital values of ${ref.path} where segment gains differ`, async () => {
        await expect(readRecord(path, { ...range, digital: true })).rejects.toThrow(
          ParameterError,
        );
        await expect(readRecord(path, { ...range, digital: true })).rejects.toThrow(
          /stores channel '\w+' with gain/,
        );
      });
    }
  }
});
