import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InterruptedError } from '../util/errors.js';
import { EMBEDDED_PTBXL_DIR } from './config.js';
import { tinyConfig } from './test-helpers/tiny-config.js';
import { runTraining, type RunResult } from './run.js';
import { evaluateRun, predictRecords } from './saved-run.js';

describe('runTraining on the embedded PTB-XL sample (tiny configuration)', () => {
  let dir: string;
  let result: RunResult;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cardiokit-run-'));
    result = await runTraining(tinyConfig(), join(dir, 'run'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every file of the run folder, and no temporary file', async () => {
    const runDir = join(dir, 'run');
    const files = (await readdir(runDir)).sort();
    expect(files).toEqual([
      'config.json',
      'curves.json',
      'dataset.json',
      'history.json',
      'metrics.json',
      'model',
      'predictions.csv',
      'split.json',
    ]);
    expect((await readdir(join(runDir, 'model'))).sort()).toEqual([
      'model.json',
      'preprocessing.json',
      'weights.bin',
    ]);
    const metrics = JSON.parse(await readFile(join(runDir, 'metrics.json'), 'utf8'));
    expect(metrics.test.record.auc).toHaveProperty('value');
    expect(metrics.test.record.n).toBe(result.metrics.test.record.n);
    expect(metrics.threshold.chosenOn).toBe('validation');
    const history = JSON.parse(await readFile(join(runDir, 'history.json'), 'utf8'));
    expect(history).toHaveLength(1);
    expect(Object.keys(history[0]).sort()).toEqual(
      [
        'epoch',
        'epochMs',
        'learningRate',
        'trainAccuracy',
        'trainLoss',
        'valAccuracy',
        'valAuc',
        'valLoss',
      ].sort(),
    );
    const split = JSON.parse(await readFile(join(runDir, 'split.json'), 'utf8'));
    expect(split.scheme).toBe('strat_fold');
    const csv = (await readFile(join(runDir, 'predictions.csv'), 'utf8'))
      .trim()
      .split('\n');
    expect(csv[0]).toBe('recordId,patientId,part,label,probability');
    expect(csv.length - 1).toBe(
      split.validation.recordIds.length + split.test.recordIds.length,
    );
  });

  it('evaluate recomputes exactly the metrics of metrics.json from the saved model', async () => {
    const evaluation = await evaluateRun(join(dir, 'run'));
    expect(evaluation.mismatches).toEqual([]);
    expect(evaluation.maxAbsDifference).toBe(0);
  });

  it('predict gives the probabilities of predictions.csv after saving and loading', async () => {
    const runDir = join(dir, 'run');
    const rows = (await readFile(join(runDir, 'predictions.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1, 3)
      .map((line) => line.split(','));
    const paths = rows.map(([recordId]) =>
      join(EMBEDDED_PTBXL_DIR, 'records100/00000', recordId),
    );
    const predictions = await predictRecords(runDir, paths);
    // Same float32 inference on the same backend: identical up to printing.
    predictions.forEach((p, index) => {
      expect(p.probability).toBeCloseTo(Number(rows[index][4]), 6);
      expect(p.sourceRateHz).toBe(100);
    });
  });

  it('stops on request before the first epoch ends, writing nothing', async () => {
    const runDir = join(dir, 'stopped');
    await expect(
      runTraining(tinyConfig(), runDir, { shouldStop: () => true }),
    ).rejects.toThrow(InterruptedError);
    expect(existsSync(runDir)).toBe(false);
  });
});
