import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabelledEntry } from '../datasets/index.js';
import { buildModel, initBackend, saveModel } from '../models/index.js';
import { runTransferStudy } from './transfer-study.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ptbxlDir = path.join(repoRoot, 'data/ptbxl');

// Two MI and two normal records from each part of the strat_fold split: about 120 beats.
function fewPerPart(): (entry: LabelledEntry) => boolean {
  const taken = new Map<string, number>();
  return (entry) => {
    const part = entry.fold === 10 ? 'test' : entry.fold === 9 ? 'validation' : 'train';
    const key = `${part}-${entry.label}`;
    const count = taken.get(key) ?? 0;
    if (count >= 2) return false;
    taken.set(key, count + 1);
    return true;
  };
}

describe.skipIf(!existsSync(ptbxlDir))(
  'runTransferStudy on 12 embedded PTB-XL records',
  () => {
    let initDir = '';
    beforeAll(async () => {
      await initBackend();
      initDir = await mkdtemp(path.join(tmpdir(), 'cardiokit-aami-model-'));
      const aami = buildModel('kachuee-2018', {
        inputShape: [187, 1],
        outputUnits: 5,
        seed: 4,
      });
      await saveModel(aami, initDir);
    });

    it('trains scratch, frozen and fine-tuned on the same split and writes metrics.json', async () => {
      const outDir = await mkdtemp(path.join(tmpdir(), 'cardiokit-transfer-'));
      const result = await runTransferStudy({
        dataDir: ptbxlDir,
        init: initDir,
        outDir,
        seeds: [4],
        epochs: 1,
        batchSize: 32,
        bootstrapIterations: 50,
        recordFilter: fewPerPart(),
      });

      expect(result.runs.map((run) => run.variant)).toEqual([
        'scratch',
        'frozen',
        'fine-tuned',
      ]);
      expect(result.split).toBe('strat_fold');
      expect(result.testRecords).toBe(4);
      expect(result.testPositives).toBe(2);
      for (const run of result.runs) {
        expect(run.test.n).toBe(4);
        expect(run.test.auc.value).toBeGreaterThanOrEqual(0);
        expect(run.test.auc.value).toBeLessThanOrEqual(1);
      }
      // Both pretrained variants against scratch, paired on the same 4 test records.
      expect(result.comparisons.map((c) => c.variant)).toEqual(['frozen', 'fine-tuned']);
      const scratch = result.runs[0].test.auc.value;
      result.comparisons.forEach((c, i) => {
        const own = result.runs[i + 1].test.auc.value;
        expect(c.aucDifference.value).toBeCloseTo(own - scratch, 12);
      });
      expect(result.meanAuc.scratch).toBe(scratch);
      for (const run of result.runs) expect(run.testScores).toHaveLength(4);
      const written = JSON.parse(readFileSync(path.join(outDir, 'metrics.json'), 'utf8'));
      expect(written.runs).toHaveLength(3);
      expect(written.testRecordIds).toHaveLength(4);
      const split = JSON.parse(readFileSync(path.join(outDir, 'split.json'), 'utf8'));
      const test = new Set<string>(split.test.patientIds);
      expect(split.train.patientIds.some((id: string) => test.has(id))).toBe(false);
    });
  },
);
