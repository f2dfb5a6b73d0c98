import { describe, expect, it } from 'vitest';
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
