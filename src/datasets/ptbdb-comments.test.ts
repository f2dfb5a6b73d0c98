import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../util/errors.js';
import { parsePtbdbComments } from './ptbdb-comments.js';
import { selectMiVersusNormal } from './select.js';
import type { Catalogue, CatalogueEntry } from './types.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const derivedDir = resolve(repoRoot, '../shared/data/ptbdb-derived');
const ptbdbDir = resolve(repoRoot, '../shared/data/ptbdb');

/** The clinical lines of patient001/s0010_re.hea, as the WFDB reader returns comments. */
const S0010_COMMENTS = [
  'age: 81',
  'sex: female',
  'ECG date: 01/10/1990',
  '',
  'Diagnose:',
  'Reason for admission: Myocardial infarction',
  'Acute infarction (localization): infero-latera',
  'Former infarction (localization): no',
  'Additional diagnoses: Diabetes mellitus',
  'Peripheral blood Pressure (syst/diast):  140/80 mmHg',
];

describe('parsePtbdbComments', () => {
  it('reads age, sex, reason for admission and additional diagnoses of s0010_re', () => {
    expect(parsePtbdbComments(S0010_COMMENTS)).toEqual({
      ageYears: 81,
      sex: 'female',
      admissionReason: 'Myocardial infarction',
      additionalDiagnoses: 'Diabetes mellitus',
    });
  });

  it('gives undefined for n/a and absent fields', () => {
    const clinical = parsePtbdbComments([
      'age: n/a',
      'sex: n/a',
      'Reason for admission: n/a',
    ]);
    expect(clinical).toEqual({
      ageYears: undefined,
      sex: undefined,
      admissionReason: undefined,
      additionalDiagnoses: undefined,
    });
  });

  it('names the file and comment of an unreadable age or sex', () => {
    expect(() => parsePtbdbComments(['age: eighty'], 's.hea')).toThrow(ParseError);
    expect(() => parsePtbdbComments(['x', 'sex: x'], 's.hea')).toThrow(
      "s.hea: comment 2: sex must be male, female or n/a (got 'x')",
    );
  });
});

// Record_info.csv holds the header fields of all 290 ptbdb patients (SOURCES.md); rebuilt
// into header comments and joined to RECORDS, it exercises the class mapping on the
// whole database.
const haveDerived =
  existsSync(join(derivedDir, 'Record_info.csv')) &&
  existsSync(join(ptbdbDir, 'RECORDS'));
describe.skipIf(!haveDerived)(
  'ptbdb classes over all 290 patients (skipped when ../shared/data/ptbdb-derived or ptbdb/RECORDS is absent)',
  () => {
    async function wholeDatabase(): Promise<Catalogue> {
      const text = await readFile(join(derivedDir, 'Record_info.csv'), 'utf8');
      const rows = parse(text, { columns: true }) as Record<string, string>[];
      const byPatient = new Map(rows.map((row) => [row.idP, row]));
      const records = (await readFile(join(ptbdbDir, 'RECORDS'), 'utf8'))
        .split('\n')
        .filter((line) => line.startsWith('patient'));
      const entries: CatalogueEntry[] = [];
      const excluded = [];
      for (const recordId of records) {
        const patientId = recordId.split('/')[0];
        const row = byPatient.get(patientId)!;
        const clinical = parsePtbdbComments([
          `age: ${row.age}`,
          `sex: ${row.sex}`,
          `Reason for admission: ${row['Reason for admission']}`,
          `Additional diagnoses: ${row['Additional diagnoses']}`,
        ]);
        if (clinical.admissionReason === undefined) {
          excluded.push({ recordId, reason: 'reason for admission is n/a' });
          continue;
        }
        entries.push({
          recordId,
          recordPath: recordId,
          patientId,
          ageYears: clinical.ageYears,
          sex: clinical.sex,
          samplingRateHz: 1000,
          fold: undefined,
          classes: [clinical.admissionReason],
        });
      }
      return { database: 'ptbdb', rootDir: ptbdbDir, entries, excluded };
    }

    it('drops the 27 n/a records and labels 368 MI and 80 healthy-control records', async () => {
      const catalogue = await wholeDatabase();
      expect(catalogue.excluded).toHaveLength(27);
      const selection = selectMiVersusNormal(catalogue);
      const mi = selection.entries.filter((e) => e.label === 1);
      const normal = selection.entries.filter((e) => e.label === 0);
      expect(mi).toHaveLength(368);
      expect(normal).toHaveLength(80);
      expect(new Set(mi.map((e) => e.patientId)).size).toBe(148);
      expect(new Set(normal.map((e) => e.patientId)).size).toBe(52);
      expect(selection.excluded).toHaveLength(549 - 27 - 368 - 80);
      expect(
        selection.excludedByReason['other reason for admission (Cardiomyopathy)'],
      ).toBe(17);
    });
  },
);
