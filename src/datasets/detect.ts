import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatasetError, ParameterError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { loadMitdbCatalogue } from './mitdb.js';
import { loadPtbdbCatalogue } from './ptbdb.js';
import { loadPtbxlCatalogue } from './ptbxl.js';
import type { Catalogue } from './types.js';

/** The databases cardiokit has catalogue loaders for. */
export type DatabaseName = 'ptbxl' | 'ptbdb' | 'mitdb';

const DATABASE_NAMES: readonly DatabaseName[] = ['ptbxl', 'ptbdb', 'mitdb'];

/**
 * Tells which database a folder holds from the files in it.
 * @param dir a database folder
 * @returns `ptbxl` when it has `ptbxl_database.csv`; `ptbdb` when it has `patientNNN`
 * folders; `mitdb` when it has `.atr` annotation files beside `.hea` headers
 * @throws DatasetError when none of these holds, naming what was looked for
 */
export async function detectDatabase(dir: string): Promise<DatabaseName> {
  const rootDir = resolve(dir);
  if (existsSync(join(rootDir, 'ptbxl_database.csv'))) return 'ptbxl';

  const items = await readdir(rootDir, { withFileTypes: true });
  if (items.some((item) => item.isDirectory() && /^patient\d+$/.test(item.name)))
    return 'ptbdb';
  const names = new Set(items.map((item) => item.name));
  const annotated = [...names].some(
    (name) => name.endsWith('.atr') && names.has(`${name.slice(0, -4)}.hea`),
  );
  if (annotated) return 'mitdb';

  throw new DatasetError(
    `${rootDir}: cannot tell the database: expected ptbxl_database.csv (PTB-XL), ` +
      'patientNNN/ folders (ptbdb) or .hea with .atr files (MIT-BIH); pass --dataset',
  );
}

/**
 * Loads the catalogue of a database folder, detecting the database unless named.
 * @param dir a database folder
 * @param database `ptbxl`, `ptbdb` or `mitdb`; detected by {@link detectDatabase} when
 * undefined
 * @param logger where loaders report progress details
 * @throws ParameterError for an unknown database name; the loaders' errors
 */
export async function loadCatalogue(
  dir: string,
  database?: string,
  logger?: Logger,
): Promise<Catalogue> {
  if (database !== undefined && !DATABASE_NAMES.includes(database as DatabaseName)) {
    throw new ParameterError('--dataset', DATABASE_NAMES.join(', '), database);
  }
  const name = (database as DatabaseName | undefined) ?? (await detectDatabase(dir));
  if (name === 'ptbxl') return loadPtbxlCatalogue(dir);
  if (name === 'ptbdb') return loadPtbdbCatalogue(dir, { logger });
  return loadMitdbCatalogue(dir, { logger });
}
