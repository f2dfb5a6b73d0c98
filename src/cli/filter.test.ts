import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './test-helpers/run-cli.js';
import { registerFilter } from './filter.js';
import { applyFilterChain, designFilterChain } from '../dsp/index.js';
import { readRecord, writeRecord } from '../wfdb/index.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const record = resolve(repoRoot, 'data/ptbdb/patient001/s0010_re');
const folder = mkdtempSync(join(tmpdir(), 'cardiokit-filter-'));

/** Runs `cardiokit filter ...args` in-process; returns stdout, stderr and the exit code. */
const runFilter = (...args: string[]) => runCli([registerFilter], ['filter', ...args]);

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('cardiokit filter', () => {
  it('writes a format 16 record with the same gain whose samples are the filtered leads', async () => {
    const out = join(folder, 'lp50');
    const { stdout, exitCode } = await runFilter(
      record,
      '--lowpass',
      '50',
      '--highpass',
      '0.5',
      '--out',
      out,
      '--json',
    );
    expect(exitCode).toBe(0);
    expect(JSON.parse(stdout).filters).toEqual([
      'Butterworth order 4, high-pass 0.5 Hz',
      'Butterworth order 4, low-pass 50 Hz',
    ]);

    const original = await readRecord(record);
    const written = await readRecord(out);
    expect(written.signalNames).toEqual(original.signalNames);
    expect(written.header.signals.map((s) => [s.format, s.adcGain, s.units])).toEqual(
      original.header.signals.map((s) => [16, s.adcGain, s.units]),
    );
    const stages = designFilterChain({ lowpassHz: 50, highpassHz: 0.5 }, 1000);
    // Stored as integers: within half a quantisation step, 0.5 / 2000 mV.
    for (const lead of [0, 7, 14]) {
      const expected = applyFilterChain(stages, original.physical[lead]);
      expectAllClose(written.physical[lead], expected, {
        rtol: 0,
        atol: 0.5 / 2000 + 1e-12,
      });
    }
  });

  it('clips what the filter pushes beyond 16 bits, and says how many samples', async () => {
    // A square wave filling the 16-bit range: the Butterworth step response overshoots.
    const square = new Int32Array(4000).map((_, i) =>
      Math.floor(i / 500) % 2 ? 32767 : -32767,
    );
    const input = join(folder, 'square');
    await writeRecord(input, {
      signalNames: ['x'],
      samplingRateHz: 1000,
      digital: [square],
      format: 16,
      adcGain: [1000],
      baseline: [0],
    });
    const { stdout, stderr, exitCode } = await runFilter(
      input,
      '--lowpass',
      '20',
      '--out',
      join(folder, 'square-lp'),
      '--json',
    );
    expect(exitCode).toBe(0);
    const { clippedSamples } = JSON.parse(stdout);
    expect(clippedSamples).toBeGreaterThan(0);
    expect(stderr).toContain(
      `${clippedSamples} filtered samples were outside the 16-bit range and were clipped`,
    );
    const written = await readRecord(join(folder, 'square-lp'), { digital: true });
    expect(Math.max(...written.digital![0])).toBe(32767);
  });

  it('writes the frequency response as JSON: -3 dB at the Butterworth cutoff, frequencies in Hz', async () => {
    const out = join(folder, 'response.json');
    const { exitCode } = await runFilter(
      '--response',
      '--lowpass',
      '50',
      '--fs',
      '1000',
      '--points',
      '1000',
      '--out',
      out,
    );
    expect(exitCode).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    const [response] = json.responses;
    expect(response.frequenciesHz[50]).toBeCloseTo(25, 12);
    const at50 = response.magnitudeDb[response.frequenciesHz.indexOf(50)];
    expect(at50).toBeCloseTo(-10 * Math.log10(2), 10);
    expect(response.magnitudeDb[0]).toBeCloseTo(0, 12);
  });

  it('draws the response as SVG', async () => {
    const out = join(folder, 'response.svg');
    const { exitCode } = await runFilter(
      '--response',
      '--lowpass',
      '50',
      '--design',
      'fir',
      '--fs',
      '1000',
      '--out',
      out,
    );
    expect(exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg/);
  });

  it('fails with the bound and no stack trace for a cutoff above Nyquist', async () => {
    const { stderr, exitCode } = await runFilter(
      '--response',
      '--lowpass',
      '600',
      '--fs',
      '1000',
      '--out',
      join(folder, 'x.json'),
    );
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/cutoff 600 Hz is at or above Nyquist 500 Hz/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
