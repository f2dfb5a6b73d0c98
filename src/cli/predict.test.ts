import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTraining } from '../train/run.js';
import { tinyConfig } from '../train/test-helpers/tiny-config.js';
import { writeRecord } from '../wfdb/index.js';
import { runCli } from './test-helpers/run-cli.js';
import { registerPredict } from './predict.js';

const TWELVE_LEADS = ['I', 'II', 'III', 'AVR', 'AVL', 'AVF'].concat([
  'V1',
  'V2',
  'V3',
  'V4',
  'V5',
  'V6',
]);

let dir = '';
let runDir = '';

/** Runs `cardiokit predict --model RUN ...records` in-process. */
const run = (...records: string[]) =>
  runCli([registerPredict], ['predict', '--model', runDir, ...records]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardiokit-cli-predict-'));
  runDir = join(dir, 'run');
  await runTraining(tinyConfig(), runDir);
  // 1.5 s at 100 Hz: shorter than the model's 2.5 s window.
  await writeRecord(join(dir, 'short'), {
    signalNames: TWELVE_LEADS,
    samplingRateHz: 100,
    digital: TWELVE_LEADS.map(() => new Int32Array(150)),
    format: 16,
  });
  // Two leads, as in MIT-BIH: the model's 12 leads are not there.
  await writeRecord(join(dir, 'twoleads'), {
    signalNames: ['MLII', 'V5'],
    samplingRateHz: 100,
    digital: [new Int32Array(1000), new Int32Array(1000)],
    format: 16,
  });
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cardiokit predict on records the model cannot score', () => {
  it('names a record shorter than the window, and the window in seconds', async () => {
    const result = await run(join(dir, 'short'));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain(
      `record ${join(dir, 'short')}: the model's 2.5 s window`,
    );
    expect(result.stderr).not.toContain('--window-sec');
  });

  it('names the missing lead and the leads the model needs, without --leads', async () => {
    const result = await run(join(dir, 'twoleads'));
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain("no lead 'I' (it has MLII, V5)");
    expect(result.stderr).toContain('the model needs leads I, II, III');
    expect(result.stderr).not.toContain('--leads');
  });
});
