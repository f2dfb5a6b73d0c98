import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './test-helpers/run-cli.js';
import { writeRecord } from '../wfdb/index.js';
import { registerExport } from './export.js';
import { registerInfo } from './info.js';

let dir = '';
let record = '';

/** Runs `cardiokit ...args` in-process with info and export; returns output and exit code. */
const run = (...args: string[]) => runCli([registerInfo, registerExport], args);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-cli-wfdb-'));
  record = join(dir, 'demo');
  const ramp = Int32Array.from({ length: 1000 }, (_, i) => i - 500);
  const flat = new Int32Array(1000).fill(100);
  flat[3] = -32768;
  await writeRecord(record, {
    signalNames: ['I', 'V1'],
    samplingRateHz: 100,
    digital: [ramp, flat],
    adcGain: [200, 100],
    baseline: [0, 0],
    format: 16,
    comments: ['<age>: 61 <sex>: F'],
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('cardiokit info', () => {
  it('prints the header, comments and per-signal summary as JSON', async () => {
    const { stdout, exitCode } = await run('info', record, '--json');
    expect(exitCode).toBe(0);
    const info = JSON.parse(stdout);
    expect([info.recordName, info.samplingFrequencyHz, info.lengthSamples]).toEqual([
      'demo',
      100,
      1000,
    ]);
    expect(info.comments).toEqual(['<age>: 61 <sex>: F']);
    expect(info.signals.map((s: { description: string }) => s.description)).toEqual([
      'I',
      'V1',
    ]);
    const first = info.signals[0].summary;
    expect([first.min, first.max, first.invalidSamples]).toEqual([-2.5, 2.495, 0]);
    // Mean of (i - 500) / 200 for i = 0..999, summed in float64.
    expect(Math.abs(first.mean - -0.0025)).toBeLessThan(1e-12);
    expect(info.signals[1].summary).toEqual({
      min: 1,
      max: 1,
      mean: 1,
      invalidSamples: 1,
    });
  });

  it('prints a table for people', async () => {
    const { stdout } = await run('info', record);
    expect(stdout).toContain('sampling    100 Hz');
    expect(stdout).toMatch(/1\s+V1\s+mV\s+16\s+100\s+0\s+demo\.dat/);
  });

  it('exits 1 with a one-line error and no stack trace for a missing record', async () => {
    const { stderr, exitCode } = await run('info', join(dir, 'absent'));
    expect(exitCode).toBe(1);
    expect(stderr).toBe(
      `error: ${join(dir, 'absent')}.hea: header file not found; check the record path (give it without extension, as in 'data/absent')\n`,
    );
  });
});

describe('cardiokit export', () => {
  it('writes seconds --from/--to as CSV rows with sample and time columns', async () => {
    const { stdout, exitCode } = await run(
      'export',
      record,
      '--from',
      '0.02',
      '--to',
      '0.05',
    );
    expect(exitCode).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      'sample,time_s,I,V1',
      '2,0.02,-2.49,1',
      '3,0.03,-2.485,NaN',
      '4,0.04,-2.48,1',
    ]);
  });

  it('writes digital values of chosen channels by sample index as JSON', async () => {
    const { stdout } = await run(
      'export',
      record,
      '--from-sample',
      '998',
      '--channels',
      'V1,0',
      '--digital',
      '--format',
      'json',
    );
    const out = JSON.parse(stdout);
    expect(out.signalNames).toEqual(['V1', 'I']);
    expect(out.samples).toEqual([
      [100, 100],
      [498, 499],
    ]);
    expect([out.fromSample, out.lengthSamples, out.values]).toEqual([998, 2, 'digital']);
  });

  it('exits 1 without a stack trace for a range past the end', async () => {
    const { stderr, exitCode } = await run('export', record, '--to-sample', '5000');
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(
      /^error: --to-sample 5000 is past the end of the record \(1000 samples\)/,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 for --from together with --from-sample, and for an unknown channel', async () => {
    expect(
      (await run('export', record, '--from', '1', '--from-sample', '3')).exitCode,
    ).toBe(1);
    const { stderr, exitCode } = await run('export', record, '--channels', 'II');
    expect(exitCode).toBe(1);
    expect(stderr).toContain("signal name must be one of 'I', 'V1' (got 'II')");
  });
});
