import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './test-helpers/run-cli.js';
import { registerPeaks } from './peaks.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const record = resolve(repoRoot, 'data/ptbdb/patient001/s0010_re');

/** Runs `cardiokit peaks ...args` in-process; returns stdout, stderr and the exit code. */
const runPeaks = (...args: string[]) => runCli([registerPeaks], ['peaks', ...args]);

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('cardiokit peaks', () => {
  it('prints the 0-based R peaks of one lead as JSON with method and lead', async () => {
    const { stdout, exitCode } = await runPeaks(record, '--lead', 'ii', '--json');
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.method).toBe('elgendi-2010');
    expect(result.lead).toBe('ii');
    expect(result.samplingRateHz).toBe(1000);
    expect(result.rPeakIndices).toHaveLength(52);
    expect(result.meanHeartRateBpm).toBeGreaterThan(70);
    expect(result.meanHeartRateBpm).toBeLessThan(95);
  });

  it('fuses every lead with --lead all and accepts --method pan-tompkins-1985', async () => {
    const { stdout } = await runPeaks(
      record,
      '--lead',
      'all',
      '--method',
      'pan-tompkins-1985',
      '--json',
    );
    const result = JSON.parse(stdout);
    expect([result.lead, result.method, result.beats]).toEqual([
      'all',
      'pan-tompkins-1985',
      52,
    ]);
  });

  it('fails with exit code 1 and a one-line message for an unknown lead', async () => {
    const { stdout, stderr, exitCode } = await runPeaks(record, '--lead', 'v9');
    expect(exitCode).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: .*v9/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a record together with --evaluate', async () => {
    const { stderr, exitCode } = await runPeaks(record, '--evaluate', repoRoot);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/record must be absent with --evaluate/);
  });
});
