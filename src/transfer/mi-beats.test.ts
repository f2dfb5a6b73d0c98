import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPtbxlCatalogue, selectMiVersusNormal } from '../datasets/index.js';
import { buildRecordBeatSet } from './mi-beats.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ptbxlDir = path.join(repoRoot, 'data/ptbxl');

describe.skipIf(!existsSync(ptbxlDir))(
  'buildRecordBeatSet on the embedded PTB-XL sample',
  () => {
    it('cuts lead II of 6 MI and normal records into 187-sample beats with their labels', async () => {
      const { entries } = selectMiVersusNormal(await loadPtbxlCatalogue(ptbxlDir));
      const chosen = [
        ...entries.filter((e) => e.label === 1).slice(0, 3),
        ...entries.filter((e) => e.label === 0).slice(0, 3),
      ];
      const set = await buildRecordBeatSet(chosen);

      expect(set.records.map((r) => r.recordId)).toEqual(chosen.map((e) => e.recordId));
      expect(set.records.map((r) => r.label)).toEqual([1, 1, 1, 0, 0, 0]);
      // A 10 s record at 40-150 bpm holds 6 to 25 beats.
      for (const record of set.records) {
        expect(record.beatCount).toBeGreaterThanOrEqual(6);
        expect(record.beatCount).toBeLessThanOrEqual(25);
      }
      const total = set.records.reduce((sum, r) => sum + r.beatCount, 0);
      expect(set.beatRecord).toHaveLength(total);
      expect(set.beats).toHaveLength(total * 187);
      expect(set.beats.every((v) => v >= 0 && v <= 1)).toBe(true);
    });

    it('names the lead and the record when the lead is absent', async () => {
      const { entries } = selectMiVersusNormal(await loadPtbxlCatalogue(ptbxlDir));
      await expect(
        buildRecordBeatSet(entries.slice(0, 1), { lead: 'MLII' }),
      ).rejects.toThrow(/no lead 'MLII'/);
    });
  },
);
