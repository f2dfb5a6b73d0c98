import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/run-cli.js';
import { writeRecord } from '../wfdb/index.js';
import { registerInfo } from './info.js';

let dir = '';

/** Runs `cardiokit info ...args` in-process; returns output and exit code. */
const run = (...args: string[]) => runCli([registerInfo], ['info', ...args]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-cli-info-'));
  await writeRecord(join(dir, 'nodat'), {
    signalNames: ['I', 'V1'],
    samplingRateHz: 100,
    digital: [new Int32Array(50), new Int32Array(50)],
    format: 16,
  });
  await unlink(join(dir, 'nodat.dat'));
  // No length on the record line: it would be inferred from the missing file.
  await writeFile(
    join(dir, 'nolength.hea'),
    'nolength 1 100\nnolength.dat 16 200 16 0 0 0 0 II\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cardiokit info on a header whose signal file is missing', () => {
  it('prints the header, warns that the signal data is missing, and exits 0', async () => {
    const result = await run(join(dir, 'nodat'));
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^length\s+50 samples/m);
    expect(result.stdout).toMatch(/^1\s+V1\s+mV\s+16\s/m);
    expect(result.stderr).toContain(
      `${join(dir, 'nodat.dat')}: signal data missing; the header is shown without the summary`,
    );
  });

  it('shows a header without a length as of unknown length', async () => {
    const result = await run(join(dir, 'nolength'), '--no-summary');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^length\s+unknown samples$/m);
    expect(result.stderr).toContain('signal data missing');
  });
});
