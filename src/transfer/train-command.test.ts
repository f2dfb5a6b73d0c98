import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, initBackend, saveModel } from '../models/index.js';
import { createMemoryLogger } from '../util/logger.js';
import { computeMulticlassMetrics } from './multiclass-metrics.js';
import type { AamiRunResult } from './train-aami.js';
import {
  aamiTable,
  runTransferTask,
  type TransferCommandOptions,
} from './train-command.js';

const context = { logger: createMemoryLogger(), debug: false, out: () => {} };
const base: TransferCommandOptions = {
  epochs: 1,
  seed: 0,
  batchSize: 32,
  lr: 1e-3,
  classWeights: 'balanced',
  bootstrap: 10,
};

describe('runTransferTask', () => {
  it('leaves the MI task alone when neither --task aami nor --init is given', async () => {
    expect(await runTransferTask(context, { ...base, task: 'mi-vs-normal' })).toBe(false);
  });

  it('refuses --freeze without --init, and --task aami without --data', async () => {
    await expect(runTransferTask(context, { ...base, freeze: 'conv' })).rejects.toThrow(
      /--init/,
    );
    await expect(runTransferTask(context, { ...base, task: 'aami' })).rejects.toThrow(
      /--data/,
    );
    await expect(runTransferTask(context, { ...base, seeds: [1, 2] })).rejects.toThrow(
      /--seeds/,
    );
  });

  it('refuses numbers that cannot train before reading any data', async () => {
    const aami = { ...base, task: 'aami', data: '/nonexistent-mitdb' };
    const cases: [Partial<TransferCommandOptions>, RegExp][] = [
      [{ epochs: 0 }, /--epochs must be an integer >= 1 \(got 0\)/],
      [{ batchSize: 0 }, /--batch-size must be an integer >= 1/],
      [{ beatsPerEpoch: -5 }, /--beats-per-epoch must be an integer >= 1/],
      [{ beatsPerEpoch: 1.5 }, /--beats-per-epoch/],
      [{ lr: -1 }, /--lr must be a number > 0/],
      [{ bootstrap: 0 }, /--bootstrap/],
    ];
    for (const [change, message] of cases) {
      await expect(runTransferTask(context, { ...aami, ...change })).rejects.toThrow(
        message,
      );
      if (change.beatsPerEpoch !== undefined) continue; // an aami option only
      await expect(
        runTransferTask(context, { ...base, init: '/nonexistent-run', ...change }),
      ).rejects.toThrow(message);
    }
  });

  it('refuses options that do not fit the task', async () => {
    await expect(runTransferTask(context, { ...base, rrFeatures: true })).rejects.toThrow(
      /--rr-features.*--task aami/,
    );
    await expect(
      runTransferTask(context, { ...base, task: 'aami', data: '/x', init: '/run' }),
    ).rejects.toThrow(/--init must be left out with --task aami/);
    await expect(
      runTransferTask(context, { ...base, init: '/run', cv: 5 }),
    ).rejects.toThrow(/--cv must be left out/);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'cardiokit-out-')), 'a.txt');
    await writeFile(file, 'not a folder');
    await expect(
      runTransferTask(context, { ...base, task: 'aami', data: '/x', out: file }),
    ).rejects.toThrow(/--out must be a folder.*existing file/);
  });

  it('names a --data folder that is missing or not MIT-BIH', async () => {
    await expect(
      runTransferTask(context, { ...base, task: 'aami', data: '/nonexistent-mitdb' }),
    ).rejects.toThrow(/--data.*nonexistent-mitdb.*no such folder/);
    const empty = await mkdtemp(path.join(tmpdir(), 'cardiokit-not-mitdb-'));
    await expect(
      runTransferTask(context, { ...base, task: 'aami', data: empty }),
    ).rejects.toThrow(/--data must be an MIT-BIH Arrhythmia folder.*no 100\.hea/);
  });

  it('refuses an --init model that does not take single beats', async () => {
    await initBackend();
    const runDir = await mkdtemp(path.join(tmpdir(), 'cardiokit-window-model-'));
    const windows = buildModel('kachuee-2018', {
      inputShape: [250, 12],
      outputUnits: 1,
      seed: 1,
    });
    await saveModel(windows, path.join(runDir, 'model'));
    await expect(
      runTransferTask(context, { ...base, init: runDir, out: path.join(runDir, 'out') }),
    ).rejects.toThrow(
      /--init must be a model whose input is one beat of 187 x 1.*250 x 12/,
    );
  });

  it('names the missing model when --init points to a folder without one', async () => {
    await expect(
      runTransferTask(context, { ...base, init: '/nonexistent-run', out: '/tmp/x' }),
    ).rejects.toThrow(/nonexistent-run.*model\.json/);
  });
});

describe('aamiTable', () => {
  it('prints per-class Se, PPV and F1 and the accuracy, labelling the random split', () => {
    const test = computeMulticlassMetrics([0, 0, 1, 2], [0, 1, 1, 2], ['N', 'S', 'V']);
    const result = {
      split: 'random-beats',
      trainBeats: 10,
      testBeats: 4,
      test,
    } as AamiRunResult;
    const text = aamiTable(result);
    expect(text).toContain('comparison only');
    expect(text).toMatch(/N\s+2\s+50\.0\s+100\.0\s+66\.7/);
    expect(text).toContain('accuracy 75.0%');
  });
});
