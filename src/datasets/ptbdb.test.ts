import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../util/errors.js';
import { loadPtbdbCatalogue } from './ptbdb.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const embeddedDir = join(repoRoot, 'data/ptbdb');
const sharedDir = resolve(repoRoot, '../shared/data/ptbdb');

describe('loadPtbdbCatalogue', () => {
  it('walks the patient folders of the embedded record when there is no RECORDS list', async () => {
    const catalogue = await loadPtbdbCatalogue(embeddedDir);
    expect(catalogue.database).toBe('ptbdb');
    expect(catalogue.excluded).toEqual([]);
    expect(catalogue.entries).toEqual([
      {
        recordId: 'patient001/s0010_re',
        recordPath: join(embeddedDir, 'patient001/s0010_re'),
        patientId: 'patient001',
        ageYears: 81,
        sex: 'female',
        samplingRateHz: 1000,
        fold: undefined,
        classes: ['Myocardial infarction'],
        additionalDiagnoses: 'Diabetes mellitus',
      },
    ]);
  });

  it('reports a record whose reason for admission is n/a and drops it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ptbdb-'));
    try {
      const header = await readFile(
        join(embeddedDir, 'patient001/s0010_re.hea'),
        'latin1',
      );
      await cp(join(embeddedDir, 'patient001'), join(dir, 'patient001'), {
        recursive: true,
      });
      const unknown = header
        .replaceAll('s0010_re', 's0011_re')
        .replace(
          'Reason for admission: Myocardial infarction',
          'Reason for admission: n/a',
        );
      await writeFile(join(dir, 'patient001/s0011_re.hea'), unknown, 'latin1');
      const catalogue = await loadPtbdbCatalogue(dir);
      expect(catalogue.entries.map((e) => e.recordId)).toEqual(['patient001/s0010_re']);
      expect(catalogue.excluded).toEqual([
        { recordId: 'patient001/s0011_re', reason: 'reason for admission is n/a' },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('throws a DatasetError for a folder without records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ptbdb-'));
    try {
      await expect(loadPtbdbCatalogue(dir)).rejects.toThrow(DatasetError);
      await expect(loadPtbdbCatalogue(dir)).rejects.toThrow(/no RECORDS file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(sharedDir))(
    'follows RECORDS (skipping PATIENTS) and reports the 545 absent records (skipped when ../shared/data/ptbdb is absent)',
    async () => {
      const catalogue = await loadPtbdbCatalogue(sharedDir);
      expect(catalogue.entries.map((e) => e.recordId)).toEqual([
        'patient001/s0010_re',
        'patient001/s0014lre',
        'patient001/s0016lre',
        'patient002/s0015lre',
      ]);
      expect(catalogue.entries.map((e) => [e.patientId, e.ageYears, e.sex])).toEqual([
        ['patient001', 81, 'female'],
        ['patient001', 81, 'female'],
        ['patient001', 81, 'female'],
        ['patient002', 58, 'female'],
      ]);
      expect(catalogue.excluded).toHaveLength(545);
      expect(new Set(catalogue.excluded.map((e) => e.reason))).toEqual(
        new Set(['record files absent']),
      );
    },
  );
});
