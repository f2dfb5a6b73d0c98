import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../util/errors.js';
import { loadPtbxlCatalogue, parseScpCodes } from './ptbxl.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const embeddedDir = join(repoRoot, 'data/ptbxl');
const sharedDir = resolve(repoRoot, '../shared/data/ptbxl');

interface ReferenceRecord {
  recordId: string;
  patientId: string;
  ageYears: number | null;
  sex: string;
  fold: number;
  superclasses: string[];
  scpCodes: Record<string, number>;
}

async function reference(): Promise<ReferenceRecord[]> {
  const file = join(repoRoot, 'test/fixtures/datasets/ptbxl-superclasses-100hz.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { records: ReferenceRecord[] })
    .records;
}

describe('loadPtbxlCatalogue', () => {
  it('reads every embedded 100 Hz record as the PTB-XL example code does (python csv + ast)', async () => {
    const catalogue = await loadPtbxlCatalogue(embeddedDir);
    const expected = await reference();
    expect(catalogue.entries).toHaveLength(expected.length);
    expect(catalogue.excluded).toEqual([]);
    catalogue.entries.forEach((entry, index) => {
      const want = expected[index];
      const context = `record ${want.recordId}`;
      expect(entry.recordId, context).toBe(want.recordId);
      expect(entry.patientId, context).toBe(want.patientId);
      expect(entry.ageYears ?? null, context).toBe(want.ageYears);
      expect(entry.sex, context).toBe(want.sex);
      expect(entry.fold, context).toBe(want.fold);
      expect([...entry.classes].sort(), context).toEqual(want.superclasses);
      expect(entry.scpCodes, context).toEqual(want.scpCodes);
      expect(entry.recordPath).toBe(join(embeddedDir, 'records100/00000', want.recordId));
      expect(entry.samplingRateHz).toBe(100);
    });
  });

  it('finds the 73 MI and 290 NORM-only records the data README states', async () => {
    const { entries } = await loadPtbxlCatalogue(embeddedDir);
    expect(entries.filter((e) => e.classes.includes('MI'))).toHaveLength(73);
    expect(entries.filter((e) => e.classes.join() === 'NORM')).toHaveLength(290);
  });

  it('keeps a superclass only at or above minLikelihood when one is given', async () => {
    const all = await loadPtbxlCatalogue(embeddedDir);
    const strict = await loadPtbxlCatalogue(embeddedDir, { minLikelihood: 100 });
    for (const index of all.entries.keys()) {
      expect(strict.entries[index].classes.length).toBeLessThanOrEqual(
        all.entries[index].classes.length,
      );
    }
    // Record 00001 is NORM 100: kept; record 00002 is NORM 80: dropped at 100.
    expect(strict.entries[0].classes).toEqual(['NORM']);
    expect(strict.entries[1].classes).toEqual([]);
  });

  const has500 = existsSync(join(sharedDir, 'records500'));
  describe.skipIf(!has500)(
    'at 500 Hz (skipped when ../shared/data/ptbxl is absent)',
    () => {
      it('lists only the 363 records whose 500 Hz files exist, and excludes the other 137', async () => {
        const catalogue = await loadPtbxlCatalogue(sharedDir, { samplingRateHz: 500 });
        expect(catalogue.entries).toHaveLength(363);
        expect(catalogue.excluded).toHaveLength(137);
        expect(catalogue.excluded[0].reason).toBe('500 Hz record files absent');
        expect(catalogue.entries[0].recordPath).toBe(
          join(sharedDir, 'records500/00000/00001_hr'),
        );
        expect(catalogue.entries.every((e) => e.samplingRateHz === 500)).toBe(true);
      });
    },
  );

  it('names the file, line and field of a malformed scp_codes entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ptbxl-'));
    try {
      await cp(join(embeddedDir, 'scp_statements.csv'), join(dir, 'scp_statements.csv'));
      const lines = (
        await readFile(join(embeddedDir, 'ptbxl_database.csv'), 'utf8')
      ).split('\n');
      lines[2] = lines[2].replace("{'NORM': 80.0", "{'NORM' 80.0");
      await writeFile(join(dir, 'ptbxl_database.csv'), lines.slice(0, 4).join('\n'));
      for (const id of ['00001', '00002', '00003']) {
        const header = `records100/00000/${id}_lr.hea`;
        await cp(join(embeddedDir, header), join(dir, header));
      }
      const error = await loadPtbxlCatalogue(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).line).toBe(3);
      expect((error as Error).message).toMatch(/ptbxl_database\.csv line 3: scp_codes: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the missing column', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ptbxl-'));
    try {
      await cp(join(embeddedDir, 'scp_statements.csv'), join(dir, 'scp_statements.csv'));
      await writeFile(join(dir, 'ptbxl_database.csv'), 'ecg_id,patient_id\n1,2\n');
      await expect(loadPtbxlCatalogue(dir)).rejects.toThrow(
        /missing column\(s\) age, sex/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parseScpCodes', () => {
  it('reads a Python dict of codes and likelihoods', () => {
    expect(parseScpCodes("{'IMI': 35.0, 'ABQRS': 0.0, 'SR': 0.0}")).toEqual({
      IMI: 35,
      ABQRS: 0,
      SR: 0,
    });
    expect(parseScpCodes('{}')).toEqual({});
  });

  it('rejects text that is not such a dict', () => {
    expect(() => parseScpCodes('NORM', 'f.csv', 7)).toThrow(/f\.csv line 7: scp_codes/);
    expect(() => parseScpCodes("{'NORM': x}")).toThrow(ParseError);
  });
});
