import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countAamiBeats } from '../datasets/aami.js';
import { readAnnotations } from '../wfdb/index.js';
import { buildMitdbBeatSet } from './mitdb-beats.js';
import { splitDeChazal } from './record-split.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mitdbDir = path.resolve(repoRoot, '../shared/data/mitdb');
const hasMitdb = existsSync(path.join(mitdbDir, '100.hea'));
// Without ../shared/data/mitdb these tests are skipped; the describe titles say so.
const needs = hasMitdb ? '' : ' (skipped: ../shared/data/mitdb absent)';

describe.skipIf(!hasMitdb)(
  `buildMitdbBeatSet on MIT-BIH records 100 and 101${needs}`,
  () => {
    it('labels every annotated beat with its AAMI class, in Kachuee format', async () => {
      const set = await buildMitdbBeatSet(mitdbDir, { records: ['100', '101'] });

      // Each record's AAMI counts, less the beats its first or last window could not give.
      for (const recordId of ['100', '101']) {
        const annotations = await readAnnotations(path.join(mitdbDir, recordId), 'atr');
        const { counts } = countAamiBeats(annotations.symbol);
        const labels = set.labels.filter((_, i) => set.recordIds[i] === recordId);
        const perClass = set.classNames.map(
          (_, c) => labels.filter((l) => l === c).length,
        );
        const expected = set.classNames.map(
          (name) => counts[name as keyof typeof counts],
        );
        perClass.forEach((count, c) => {
          expect(count).toBeLessThanOrEqual(expected[c]);
          expect(count).toBeGreaterThanOrEqual(expected[c] - set.droppedBeats);
        });
      }
      // Record 100 holds 2239 N, 33 S and 1 V beats (MIT-BIH directory).
      expect(
        set.labels.filter((l, i) => l === 2 && set.recordIds[i] === '100'),
      ).toHaveLength(1);

      // 187 samples per beat, values in [0, 1].
      expect(set.beats.length).toBe(set.labels.length * 187);
      expect(set.beats.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(set.rrFeatures.length).toBe(set.labels.length * 4);
    });
  },
);

describe.skipIf(!hasMitdb)(`the de Chazal split of real MIT-BIH beats${needs}`, () => {
  it('puts no record on both sides and drops the paced record 107', async () => {
    const set = await buildMitdbBeatSet(mitdbDir, {
      records: ['100', '101', '107', '234'],
    });
    const split = splitDeChazal(set.recordIds);
    const train = new Set(Array.from(split.trainIndex, (i) => set.recordIds[i]));
    const test = new Set(Array.from(split.testIndex, (i) => set.recordIds[i]));
    expect([...train]).toEqual(['101']);
    expect([...test].sort()).toEqual(['100', '234']);
    const paced = set.recordIds.filter((id) => id === '107').length;
    expect(paced).toBeGreaterThan(0);
    expect(split.trainIndex.length + split.testIndex.length).toBe(
      set.labels.length - paced,
    );
  });
});
