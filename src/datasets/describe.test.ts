import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { describeCatalogue, summariseAges } from './describe.js';
import { loadPtbxlCatalogue } from './ptbxl.js';
import { selectMiVersusNormal } from './select.js';
import type { LabelledEntry } from './types.js';

const repoRoot = resolve(import.meta.dirname, '../..');

interface ReferenceGroup {
  records: number;
  patients: number;
  ageCount: number;
  meanYears: number;
  sdYears: number;
  quartilesYears: number[];
  histogram: number[];
  male: number;
  female: number;
}

describe('describeCatalogue', () => {
  it('matches numpy for every PTB-XL superclass of the embedded sample', async () => {
    const file = join(repoRoot, 'test/fixtures/datasets/ptbxl-describe-100hz.json');
    const reference = JSON.parse(await readFile(file, 'utf8')) as {
      groups: Record<string, ReferenceGroup>;
    };
    const summary = describeCatalogue(
      await loadPtbxlCatalogue(join(repoRoot, 'data/ptbxl')),
    );
    const groups = [summary.all, ...summary.classes];
    expect(groups.map((g) => g.name).sort()).toEqual(
      Object.keys(reference.groups).sort(),
    );

    for (const group of groups) {
      const want = reference.groups[group.name];
      expect(group.records, group.name).toBe(want.records);
      expect(group.patients, group.name).toBe(want.patients);
      expect(group.age.count, group.name).toBe(want.ageCount);
      expect(group.sex, group.name).toEqual({
        male: want.male,
        female: want.female,
        unknown: 0,
      });
      expect(group.ageHistogram.map((bin) => bin.count)).toEqual(want.histogram);
      // float64 sums of at most 500 integers: agreement to rounding, rtol 1e-12.
      const { meanYears, sdYears, minYears, q1Years, medianYears, q3Years, maxYears } =
        group.age;
      expectAllClose(
        [meanYears!, sdYears!, minYears!, q1Years!, medianYears!, q3Years!, maxYears!],
        [want.meanYears, want.sdYears, ...want.quartilesYears],
        { rtol: 1e-12 },
      );
    }
  });

  it('lists classes largest first and bins ages in 10-year steps with an open 90+ bin', async () => {
    const summary = describeCatalogue(
      await loadPtbxlCatalogue(join(repoRoot, 'data/ptbxl')),
    );
    const records = summary.classes.map((c) => c.records);
    expect(records).toEqual([...records].sort((a, b) => b - a));
    expect(summary.all.ageHistogram.map((b) => b.label)).toEqual([
      '0-9',
      '10-19',
      '20-29',
      '30-39',
      '40-49',
      '50-59',
      '60-69',
      '70-79',
      '80-89',
      '90+',
    ]);
  });

  it('describes a task selection by label', async () => {
    const catalogue = await loadPtbxlCatalogue(join(repoRoot, 'data/ptbxl'));
    const selection = selectMiVersusNormal(catalogue);
    const summary = describeCatalogue(
      { ...catalogue, entries: selection.entries, excluded: selection.excluded },
      { classesOf: (entry) => [(entry as LabelledEntry).label === 1 ? 'MI' : 'normal'] },
    );
    expect(summary.classes.map((c) => [c.name, c.records])).toEqual([
      ['normal', 290],
      ['MI', 73],
    ]);
    expect(summary.excludedRecords).toBe(137);
  });
});

describe('summariseAges', () => {
  it('handles no ages and one age without inventing a spread', () => {
    expect(summariseAges([], 3)).toMatchObject({
      count: 0,
      missing: 3,
      meanYears: undefined,
    });
    expect(summariseAges([50])).toMatchObject({
      count: 1,
      meanYears: 50,
      sdYears: undefined,
    });
  });
});
