import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-helpers/run-cli.js';
import { registerTrain } from './train.js';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-cli-train-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cardiokit train --out', () => {
  it('refuses an existing file before training, naming --out', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    const result = await runCli(
      [registerTrain],
      ['train', '--out', file, '--max-records', '30', '--epochs', '1'],
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(`--out must be a folder (got '${file}')`);
    expect(result.stderr).not.toContain('epoch 1/1');
  }, 30_000);
});

describe('cardiokit train --window-sec', () => {
  it('names the record and --window-sec when a window is longer than a record', async () => {
    const result = await runCli(
      [registerTrain],
      ['train', '--window-sec', '20', '--max-records', '30', '--epochs', '1'],
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/record \S+: a 1000-sample window needs more than/);
    expect(result.stderr).toContain('(got 500): use a shorter --window-sec');
  }, 60_000);
});

describe('cardiokit train option ranges', () => {
  it.each([
    ['--patience', '-1', '--patience must be an integer >= 0 (0: never stop) (got -1)'],
    ['--rate', '33.3', '--rate must be an integer (got 33.3)'],
    ['--leads', 'I,,V1', "--leads must be comma-separated lead names (got 'I,,V1')"],
    ['--filters', '0', '--filters must be an integer >= 1 (got 0)'],
    ['--bootstrap', '0', '--bootstrap must be an integer >= 1 (got 0)'],
    ['--max-records', '0', '--max-records must be an integer >= 1 (got 0)'],
  ])('refuses %s %s before reading data', async (option, value, message) => {
    const result = await runCli([registerTrain], ['train', option, value]);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('excluded');
  });
});

describe('cardiokit train --max-records', () => {
  it('refuses a split with an empty part instead of training on it', async () => {
    const result = await runCli(
      [registerTrain],
      ['train', '--max-records', '1', '--epochs', '1', '--out', join(dir, 'one')],
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(
      'the validation part of split strat_fold has no record',
    );
    expect(result.stderr).not.toContain('epoch 1/1');
  }, 60_000);
});
