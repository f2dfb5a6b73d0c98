import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/run-cli.js';
import { registerExport } from './export.js';
import { registerPlot } from './plot.js';
import { checkRangeOptions, RangeOptionError } from './time-range.js';

const repoRoot = resolve(import.meta.dirname, '../..');
// 10 s at 100 Hz: 1000 samples.
const ptbxl = resolve(repoRoot, 'data/ptbxl/records100/00000/00001_lr');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-time-range-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `cardiokit ...args` in-process with export and plot; returns stderr and exit code. */
const run = (...args: string[]) => runCli([registerExport, registerPlot], args);

describe('checkRangeOptions', () => {
  const samples = (option: string, sample: number) => ({
    option,
    text: String(sample),
    inSeconds: false,
    sample,
  });

  it('names a start past the end in samples, as given', () => {
    expect(() =>
      checkRangeOptions(samples('--from-sample', 700000), undefined, 650000, 360),
    ).toThrow(
      new RangeOptionError(
        '--from-sample',
        '700000',
        'is past the end of the record (650000 samples)',
      ),
    );
  });

  it('accepts a range inside the record', () => {
    expect(() =>
      checkRangeOptions(
        samples('--from-sample', 0),
        samples('--to-sample', 1000),
        1000,
        100,
      ),
    ).not.toThrow();
  });
});

describe('range options on the command line', () => {
  it('export: --from-sample past the end names the option, not toSample', async () => {
    const { stderr, exitCode } = await run('export', ptbxl, '--from-sample', '7000');
    expect(exitCode).toBe(1);
    expect(stderr).toBe(
      'error: --from-sample 7000 is past the end of the record (1000 samples)\n',
    );
  });

  it('export: seconds options report in seconds', async () => {
    const to = await run('export', ptbxl, '--to', '20');
    expect(to.stderr).toMatch(/^error: --to 20 s is past the end of the record \(10 s\)/);
    const from = await run('export', ptbxl, '--from', '12');
    expect(from.stderr).toMatch(
      /^error: --from 12 s is past the end of the record \(10 s\)/,
    );
    const order = await run('export', ptbxl, '--from', '5', '--to', '2');
    expect(order.stderr).toMatch(/^error: --to 2 s is not after --from 5 s/);
  });

  it('plot: --from 9 --to 20 on a 10 s record names --to in seconds', async () => {
    const out = join(dir, 'p.svg');
    const { stderr, exitCode } = await run(
      'plot',
      ptbxl,
      '--out',
      out,
      '--from',
      '9',
      '--to',
      '20',
    );
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/^error: --to 20 s is past the end of the record \(10 s\)/);
  });
});
