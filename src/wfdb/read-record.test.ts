import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { createMemoryLogger } from '../util/logger.js';
import { readRecord, type ReadRecordOptions } from './index.js';
import type { EcgRecord } from './types.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const dataDir = resolve(repoRoot, '../shared/data');
const fixtures = resolve(repoRoot, 'test/fixtures/wfdb');

interface ChannelRef {
  n: number;
  checksum16: number;
  sum: number;
  sum_all: number;
  n_invalid: number;
  invalid_value: number | null;
  min: number | null;
  max: number | null;
  first5: number[];
  last5: number[];
  /** Absent for the ignore_skew reads, which the generator made digital only. */
  phys_first5?: (number | null)[];
  phys_last5?: (number | null)[];
  phys_n_nan?: number;
}

interface RecordRef {
  path: string;
  partial: boolean;
  read_args: { sampfrom?: number; sampto?: number; channels?: number[] };
  fs: number;
  n_sig: number;
  sig_len: number;
  sig_name: string[];
  units: string[];
  fmt: string[];
  adc_gain: number[];
  baseline: number[];
  samps_per_frame: number[];
  comments: string[];
  multi_frequency?: boolean;
  channels: ChannelRef[];
  expanded?: ChannelRef[];
  ignore_skew_channels?: ChannelRef[];
  ignore_skew_expanded?: boolean;
}

const references: RecordRef[] = JSON.parse(
  readFileSync(resolve(fixtures, 'wfdb_ref.json'), 'utf8'),
);

// Sums and counts over every sample of a channel, computed as the generator did.
function summarize(digital: Int32Array, invalid: number | null) {
  let sumAll = 0;
  let sum = 0;
  let nInvalid = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const d of digital) {
    sumAll += d;
    if (d === invalid) {
      nInvalid++;
      continue;
    }
    sum += d;
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  const checksum16 = ((((sumAll % 65536) + 65536) % 65536) << 16) >> 16;
  return { sumAll, sum, nInvalid, min, max, checksum16 };
}

function physicalRef(values: (number | null)[]): number[] {
  return values.map((v) => (v === null ? NaN : v));
}

// Every sample is compared exactly through the exact integer sums (the reference holds
// no full arrays) plus the first and last five values element by element.
function expectChannel(
  digital: Int32Array,
  physical: Float64Array,
  ref: ChannelRef,
): void {
  expect(digital.length).toBe(ref.n);
  expect(Array.from(digital.subarray(0, 5))).toEqual(ref.first5);
  expect(Array.from(digital.subarray(Math.max(0, ref.n - 5)))).toEqual(ref.last5);
  const s = summarize(digital, ref.invalid_value);
  expect(s.sumAll).toBe(ref.sum_all);
  expect(s.sum).toBe(ref.sum);
  expect(s.nInvalid).toBe(ref.n_invalid);
  expect(s.checksum16).toBe(ref.checksum16);
  if (ref.min !== null) expect([s.min, s.max]).toEqual([ref.min, ref.max]);
  if (ref.phys_first5 === undefined || ref.phys_last5 === undefined) return;
  // Physical values are rounded to 9 decimals in the reference.
  expectAllClose(physical.subarray(0, 5), physicalRef(ref.phys_first5), {
    atol: 6e-10,
    rtol: 0,
  });
  expectAllClose(physical.subarray(Math.max(0, ref.n - 5)), physicalRef(ref.phys_last5), {
    atol: 6e-10,
    rtol: 0,
  });
  expect(physical.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0)).toBe(
    ref.phys_n_nan,
  );
}

function optionsOf(ref: RecordRef): ReadRecordOptions {
  return {
    fromSample: ref.read_args.sampfrom,
    toSample: ref.read_args.sampto,
    channels: ref.read_args.channels,
    digital: true,
  };
}

function dataPresent(ref: RecordRef): boolean {
  return existsSync(resolve(dataDir, `${ref.path}.hea`));
}

function expectHeaderFields(rec: EcgRecord, ref: RecordRef): void {
  expect(rec.samplingRateHz).toBe(ref.fs);
  expect(rec.lengthSamples).toBe(ref.sig_len);
  expect(rec.signalNames).toEqual(ref.sig_name);
  expect(rec.units).toEqual(ref.units);
  const specs = rec.signalSpecs ?? [];
  expect(specs.map((s) => String(s.format))).toEqual(ref.fmt);
  expect(specs.map((s) => s.adcGain)).toEqual(ref.adc_gain);
  expect(specs.map((s) => s.baseline)).toEqual(ref.baseline);
  expect(specs.map((s) => s.samplesPerFrame)).toEqual(ref.samps_per_frame);
  expect(rec.header.comments).toEqual(ref.comments);
}

describe.skipIf(!existsSync(dataDir))('readRecord against wfdb-python 4.3.1', () => {
  if (!existsSync(dataDir)) it.skip(`skipped: ${dataDir} is absent`, () => {});

  for (const ref of references) {
    const name = ref.partial ? `${ref.path} ${JSON.stringify(ref.read_args)}` : ref.path;
    it.skipIf(!dataPresent(ref))(
      `reads ${name} to wfdb-python's exact digital values`,
      async () => {
        const logger = createMemoryLogger();
        const rec = await readRecord(resolve(dataDir, ref.path), {
          ...optionsOf(ref),
          logger,
        });
        expectHeaderFields(rec, ref);
        expect(rec.digital?.length).toBe(ref.n_sig);
        // The old ptbdb headers give 0 for every checksum: taken as no checksums.
        const warnings = logger.lines.filter((l) => l.includes('checksum'));
        expect(warnings).toEqual([]);
        ref.channels.forEach((c, i) =>
          expectChannel(rec.digital![i], rec.physical[i], c),
        );

        if (ref.expanded) {
          const expanded = await readRecord(resolve(dataDir, ref.path), {
            ...optionsOf(ref),
            smoothFrames: false,
          });
          ref.expanded.forEach((c, i) =>
            expectChannel(expanded.digital![i], expanded.physical[i], c),
          );
        }
        if (ref.ignore_skew_channels) {
          const raw = await readRecord(resolve(dataDir, ref.path), {
            ...optionsOf(ref),
            ignoreSkew: true,
            smoothFrames: !ref.ignore_skew_expanded,
          });
          ref.ignore_skew_channels.forEach((c, i) =>
            expectChannel(raw.digital![i], raw.physical[i], c),
          );
        }
      },
    );
  }
});
