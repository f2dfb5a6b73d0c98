import { describe, expect, it } from 'vitest';
import type { LabelledEntry } from '../datasets/types.js';
import {
  crossValidationFolds,
  splitByStratFold,
  splitStratifiedPatients,
  type Split,
} from './splits.js';

/** 60 patients, some with two records; 1 in 4 patients positive; folds 1-10. */
function makeEntries(withFolds: boolean): LabelledEntry[] {
  const entries: LabelledEntry[] = [];
  for (let patient = 0; patient < 60; patient++) {
    const records = patient % 5 === 0 ? 2 : 1;
    for (let r = 0; r < records; r++) {
      entries.push({
        recordId: `p${patient}-r${r}`,
        recordPath: `/x/p${patient}-r${r}`,
        patientId: `p${patient}`,
        ageYears: 50,
        sex: 'male',
        samplingRateHz: 100,
        fold: withFolds ? (patient % 10) + 1 : undefined,
        classes: [],
        label: patient % 4 === 0 ? 1 : 0,
      });
    }
  }
  return entries;
}

function expectDisjointPatients(split: Split, total: number): void {
  const parts = [split.train, split.validation, split.test];
  const all = parts.flatMap((part) => part.patientIds);
  expect(new Set(all).size).toBe(all.length);
  expect(parts.reduce((sum, part) => sum + part.recordIds.length, 0)).toBe(total);
}

describe('patient-wise splits', () => {
  it('uses strat_fold 1-8 / 9 / 10 and keeps each patient in one part', () => {
    const entries = makeEntries(true);
    const split = splitByStratFold(entries);
    expectDisjointPatients(split, entries.length);
    expect(split.test.patientIds).toEqual(
      ['p9', 'p19', 'p29', 'p39', 'p49', 'p59'].sort(),
    );
    expect(split.validation.patientIds).toContain('p8');
  });

  it('rejects a catalogue where one patient sits in two folds', () => {
    const entries = makeEntries(true);
    entries[1] = { ...entries[1], fold: 10 };
    expect(() => splitByStratFold(entries)).toThrow(/patient p0 has records in both/);
  });

  it('makes a seeded, class-stratified patient split', () => {
    const entries = makeEntries(false);
    const split = splitStratifiedPatients(entries, { seed: 1 });
    expectDisjointPatients(split, entries.length);
    // 15 positive and 45 negative patients: 10% of each, rounded, in test.
    expect(split.test.patientIds).toHaveLength(2 + 5);
    expect(splitStratifiedPatients(entries, { seed: 1 })).toEqual(split);
    expect(splitStratifiedPatients(entries, { seed: 2 })).not.toEqual(split);
  });

  it('gives K folds whose test parts cover every record once, patients never shared', () => {
    for (const withFolds of [true, false]) {
      const entries = makeEntries(withFolds);
      const folds = crossValidationFolds(entries, withFolds ? 10 : 5, { seed: 4 });
      const tested = folds.flatMap((fold) => fold.test.recordIds);
      expect(tested.sort()).toEqual(entries.map((e) => e.recordId).sort());
      for (const fold of folds) {
        expectDisjointPatients(fold, entries.length);
        expect(fold.test.patientIds.length).toBeGreaterThan(0);
        expect(fold.validation.patientIds.length).toBeGreaterThan(0);
      }
      expect(folds[0].scheme).toBe(withFolds ? 'strat_fold' : 'stratified-patient');
    }
  });

  it('rejects fewer than 3 folds', () => {
    expect(() => crossValidationFolds(makeEntries(false), 2, { seed: 0 })).toThrow(
      /--cv must be/,
    );
  });
});
