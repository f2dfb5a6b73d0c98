import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countAamiBeats, aamiClassOf } from './aami.js';
import { loadMitdbCatalogue, parseMitdbDemographics } from './mitdb.js';
import type { AamiClass } from './types.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const sharedDir = resolve(repoRoot, '../shared/data/mitdb');

interface ReferenceRecord {
  counts: Record<AamiClass, number>;
  droppedSymbols: number;
  annotations: number;
  symbolCounts: Record<string, number>;
}

async function reference(): Promise<Record<string, ReferenceRecord>> {
  const file = join(repoRoot, 'test/fixtures/datasets/mitdb-aami-counts.json');
  return (
    JSON.parse(await readFile(file, 'utf8')) as {
      records: Record<string, ReferenceRecord>;
    }
  ).records;
}

describe('countAamiBeats', () => {
  it('maps the symbols wfdb-python reads from each mitdb .atr to the AAMI counts', async () => {
    for (const [record, want] of Object.entries(await reference())) {
      const symbols = Object.entries(want.symbolCounts).flatMap(([s, n]) =>
        Array(n).fill(s),
      );
      const { counts, droppedSymbols } = countAamiBeats(symbols);
      expect(counts, record).toEqual(want.counts);
      expect(droppedSymbols, record).toBe(want.droppedSymbols);
    }
  });

  it('drops non-beat symbols', () => {
    for (const symbol of ['+', '~', '|', '"', 'x', '!', '[', ']', 'p', 't']) {
      expect(aamiClassOf(symbol), symbol).toBeUndefined();
    }
    expect(aamiClassOf('toString')).toBeUndefined();
  });
});

describe('parseMitdbDemographics', () => {
  it('reads age and sex, with -1 as an unknown age', () => {
    expect(parseMitdbDemographics('69 M 1085 1629 x1')).toEqual({
      ageYears: 69,
      sex: 'male',
    });
    expect(parseMitdbDemographics('-1 M 742 654 x1')).toEqual({
      ageYears: undefined,
      sex: 'male',
    });
    expect(parseMitdbDemographics('')).toEqual({ ageYears: undefined, sex: undefined });
  });
});

describe.skipIf(!existsSync(sharedDir))(
  'loadMitdbCatalogue (skipped when ../shared/data/mitdb is absent)',
  () => {
    it('counts beats per AAMI class in all 48 records as wfdb-python reads them', async () => {
      const catalogue = await loadMitdbCatalogue(sharedDir);
      const expected = await reference();
      expect(catalogue.entries.map((e) => e.recordId)).toEqual(Object.keys(expected));
      expect(catalogue.excluded).toEqual([]);
      for (const entry of catalogue.entries) {
        expect(entry.beatCounts, entry.recordId).toEqual(expected[entry.recordId].counts);
        const present = (['N', 'S', 'V', 'F', 'Q'] as const).filter(
          (c) => entry.beatCounts![c],
        );
        expect(entry.classes, entry.recordId).toEqual(present);
      }
    });

    it('flags the paced records and gives 201 and 202 one patient', async () => {
      const catalogue = await loadMitdbCatalogue(sharedDir);
      const paced = catalogue.entries.filter((e) => e.paced).map((e) => e.recordId);
      expect(paced).toEqual(['102', '104', '107', '217']);
      const byId = new Map(catalogue.entries.map((e) => [e.recordId, e]));
      expect(byId.get('202')!.patientId).toBe('201');
      expect(byId.get('100')).toMatchObject({
        ageYears: 69,
        sex: 'male',
        samplingRateHz: 360,
      });
      expect(byId.get('103')!.ageYears).toBeUndefined();
    });
  },
);
