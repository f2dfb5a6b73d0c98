import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatasetError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { readAnnotations, readHeader } from '../wfdb/index.js';
import { AAMI_CLASSES, countAamiBeats } from './aami.js';
import type { Catalogue, CatalogueEntry, ExcludedRecord, Sex } from './types.js';

/** Options of {@link loadMitdbCatalogue}. */
export interface MitdbOptions {
  /** Annotator (file extension) of the beat labels; `atr` is the reference set. */
  annotator: string;
  logger: Logger;
  /** Called after each record, with records done and records in all. */
  onProgress?: (doneRecords: number, totalRecords: number) => void;
}

export const MITDB_DEFAULTS: Omit<MitdbOptions, 'logger'> = { annotator: 'atr' };

/** Records whose rhythm is paced (MIT-BIH Arrhythmia Database directory). */
export const MITDB_PACED_RECORDS: ReadonlySet<string> = new Set([
  '102',
  '104',
  '107',
  '217',
]);

/** Records 201 and 202 come from the same subject (MIT-BIH directory). */
const MITDB_SAME_PATIENT: Readonly<Record<string, string>> = { '202': '201' };

/**
 * Reads the MIT-BIH Arrhythmia Database catalogue: one entry per record with its beats
 * counted per AAMI class.
 * @param dir the mitdb folder (headers, `.dat` and annotation files; usually `RECORDS`)
 * @param options annotator, logger and progress callback
 * @returns entries whose `beatCounts` hold beats per AAMI class (N, S, V, F, Q), whose
 * `classes` list the classes with at least one beat, and whose `paced` flags 102, 104,
 * 107 and 217; records without the annotation file are in `excluded`
 * @throws DatasetError when the folder lists no record; errors of the WFDB reader for an
 * unreadable header or annotation file
 * @remarks
 * Symbols map to AAMI classes by {@link AAMI_CLASS_OF_SYMBOL}; non-beat annotations are
 * dropped. Age and sex come from the first header comment (`69 M 1085 1629 x1`); an age
 * of -1 means unknown. Records 201 and 202 share the patient id `201`, since they come
 * from one subject: keep them on one side of a split.
 * @example
 * const catalogue = await loadMitdbCatalogue('../shared/data/mitdb');
 * catalogue.entries[0].beatCounts; // { N: 2239, S: 33, V: 1, F: 0, Q: 0 }
 */
export async function loadMitdbCatalogue(
  dir: string,
  options: Partial<MitdbOptions> = {},
): Promise<Catalogue> {
  const { annotator, logger } = { ...MITDB_DEFAULTS, logger: silentLogger, ...options };
  const rootDir = resolve(dir);
  const recordIds = await listMitdbRecords(rootDir);

  const entries: CatalogueEntry[] = [];
  const excluded: ExcludedRecord[] = [];
  for (const [index, recordId] of recordIds.entries()) {
    options.onProgress?.(index, recordIds.length);
    const recordPath = join(rootDir, recordId);
    if (!existsSync(`${recordPath}.hea`) || !existsSync(`${recordPath}.${annotator}`)) {
      excluded.push({
        recordId,
        reason: `header or .${annotator} annotation file absent`,
      });
      continue;
    }

    // Beats per AAMI class from the reference annotations.
    const header = await readHeader(recordPath);
    const annotations = await readAnnotations(recordPath, annotator);
    const { counts, droppedSymbols } = countAamiBeats(annotations.symbol);
    logger.debug(`mitdb ${recordId}: ${droppedSymbols} non-beat annotations dropped`);

    const { ageYears, sex } = parseMitdbDemographics(header.comments[0] ?? '');
    entries.push({
      recordId,
      recordPath,
      patientId: MITDB_SAME_PATIENT[recordId] ?? recordId,
      ageYears,
      sex,
      samplingRateHz: header.samplingFrequencyHz,
      fold: undefined,
      classes: AAMI_CLASSES.filter((aami) => counts[aami] > 0),
      beatCounts: counts,
      paced: MITDB_PACED_RECORDS.has(recordId),
    });
  }
  options.onProgress?.(recordIds.length, recordIds.length);
  return { database: 'mitdb', rootDir, entries, excluded };
}

/**
 * Reads age and sex from the first comment of a MIT-BIH header (`69 M 1085 1629 x1`).
 * @param comment the comment line without `#`
 * @returns age in years (undefined for -1 or a missing value) and sex
 */
export function parseMitdbDemographics(comment: string): {
  ageYears: number | undefined;
  sex: Sex | undefined;
} {
  const [ageText, sexText] = comment.trim().split(/\s+/);
  const age = Number(ageText);
  const known =
    ageText !== undefined && ageText !== '' && Number.isFinite(age) && age >= 0;
  const ageYears = known ? age : undefined;
  const sex = sexText === 'M' ? 'male' : sexText === 'F' ? 'female' : undefined;
  return { ageYears, sex };
}

async function listMitdbRecords(rootDir: string): Promise<string[]> {
  const recordsFile = join(rootDir, 'RECORDS');
  const recordIds = existsSync(recordsFile)
    ? (await readFile(recordsFile, 'utf8')).split(/\r?\n/).map((line) => line.trim())
    : (await readdir(rootDir))
        .filter((f) => f.endsWith('.hea'))
        .map((f) => f.slice(0, -4));
  const listed = recordIds.filter((id) => id !== '').sort();
  if (listed.length === 0) {
    throw new DatasetError(
      `${rootDir}: no RECORDS file and no .hea headers; point to the mitdb folder ` +
        '(download it with `cardiokit download mitdb --to DIR`)',
    );
  }
  return listed;
}
