import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError, ParameterError } from '../util/errors.js';
import { detectDatabase, loadCatalogue } from './detect.js';

const repoRoot = resolve(import.meta.dirname, '../..');
const mitdbDir = resolve(repoRoot, '../shared/data/mitdb');

describe('detectDatabase', () => {
  it('recognises the embedded PTB-XL and ptbdb folders', async () => {
    expect(await detectDatabase(join(repoRoot, 'data/ptbxl'))).toBe('ptbxl');
    expect(await detectDatabase(join(repoRoot, 'data/ptbdb'))).toBe('ptbdb');
  });

  it.skipIf(!existsSync(mitdbDir))(
    'recognises MIT-BIH (skipped when ../shared/data/mitdb is absent)',
    async () => {
      expect(await detectDatabase(mitdbDir)).toBe('mitdb');
    },
  );

  it('says what it looked for in a folder it cannot place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'detect-'));
    try {
      await expect(detectDatabase(dir)).rejects.toThrow(DatasetError);
      await expect(detectDatabase(dir)).rejects.toThrow(/ptbxl_database\.csv.*--dataset/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('loadCatalogue', () => {
  it('loads a named database and refuses an unknown name', async () => {
    const catalogue = await loadCatalogue(join(repoRoot, 'data/ptbdb'), 'ptbdb');
    expect(catalogue.entries).toHaveLength(1);
    await expect(loadCatalogue('.', 'ptb')).rejects.toThrow(ParameterError);
  });
});
