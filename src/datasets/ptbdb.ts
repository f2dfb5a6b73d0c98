import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DatasetError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { readHeader } from '../wfdb/index.js';
import { parsePtbdbComments } from './ptbdb-comments.js';
import type { Catalogue, CatalogueEntry, ExcludedRecord } from './types.js';

/** Options of {@link loadPtbdbCatalogue}. */
export interface PtbdbOptions {
  logger: Logger;
  /** Called after each header is read, with records done and records in all. */
  onProgress?: (doneRecords: number, totalRecords: number) => void;
}

/**
 * Reads the PTB Diagnostic ECG Database catalogue from its record headers.
 * @param dir the ptbdb folder (holding `patientNNN/` folders and, usually, `RECORDS`)
 * @param options logger and progress callback
 * @returns one entry per record whose header gives a reason for admission; its
 * `classes` holds that reason verbatim (`Myocardial infarction`, `Healthy control`, ...)
 * @throws DatasetError when the folder has neither a `RECORDS` list nor patient folders;
 * FileError or ParseError (from the WFDB reader) for an unreadable header
 * @remarks
 * The record list is `RECORDS` (a leading `PATIENTS` line is skipped) when it exists,
 * otherwise every `patientNNN/*.hea`. Records listed in `RECORDS` whose header is
 * absent, and records whose reason for admission is `n/a`, are reported in `excluded`
 * and dropped. The patient id is the folder name (`patient001`).
 * @example
 * const catalogue = await loadPtbdbCatalogue('../shared/data/ptbdb');
 * catalogue.entries[0].classes; // ['Myocardial infarction']
 */
export async function loadPtbdbCatalogue(
  dir: string,
  options: Partial<PtbdbOptions> = {},
): Promise<Catalogue> {
  const logger = options.logger ?? silentLogger;
  const rootDir = resolve(dir);
  const recordIds = await listPtbdbRecords(rootDir);
  logger.debug(`ptbdb: ${recordIds.length} records listed in ${rootDir}`);

  const entries: CatalogueEntry[] = [];
  const excluded: ExcludedRecord[] = [];
  for (const [index, recordId] of recordIds.entries()) {
    options.onProgress?.(index, recordIds.length);
    const recordPath = join(rootDir, recordId);
    if (!existsSync(`${recordPath}.hea`)) {
      excluded.push({ recordId, reason: 'record files absent' });
      continue;
    }

    // Clinical data sit in the header's comment lines.
    const header = await readHeader(recordPath);
    const clinical = parsePtbdbComments(header.comments, header.headerPath);
    if (clinical.admissionReason === undefined) {
      excluded.push({ recordId, reason: 'reason for admission is n/a' });
      continue;
    }

    entries.push({
      recordId,
      recordPath,
      patientId: recordId.split('/')[0],
      ageYears: clinical.ageYears,
      sex: clinical.sex,
      samplingRateHz: header.samplingFrequencyHz,
      fold: undefined,
      classes: [clinical.admissionReason],
      ...(clinical.additionalDiagnoses !== undefined
        ? { additionalDiagnoses: clinical.additionalDiagnoses }
        : {}),
    });
  }
  options.onProgress?.(recordIds.length, recordIds.length);
  return { database: 'ptbdb', rootDir, entries, excluded };
}

/**
 * Lists the records of a ptbdb folder as `patientNNN/record` names.
 * @param rootDir the ptbdb folder
 * @returns record names from `RECORDS` (without its `PATIENTS` line), or from the
 * headers found in `patient*` folders, sorted
 * @throws DatasetError when neither exists
 */
export async function listPtbdbRecords(rootDir: string): Promise<string[]> {
  const recordsFile = join(rootDir, 'RECORDS');
  if (existsSync(recordsFile)) {
    const lines = (await readFile(recordsFile, 'utf8'))
      .split(/\r?\n/)
      .map((l) => l.trim());
    return lines.filter((line) => line !== '' && line !== 'PATIENTS');
  }

  const patients = (await readdir(rootDir, { withFileTypes: true }))
    .filter((item) => item.isDirectory() && /^patient\d+$/.test(item.name))
    .map((item) => item.name)
    .sort();
  const recordIds: string[] = [];
  for (const patient of patients) {
    const files = (await readdir(join(rootDir, patient))).filter((f) =>
      f.endsWith('.hea'),
    );
    recordIds.push(...files.sort().map((file) => `${patient}/${file.slice(0, -4)}`));
  }
  if (recordIds.length === 0) {
    throw new DatasetError(
      `${rootDir}: no RECORDS file and no patientNNN/*.hea headers; ` +
        'point to the ptbdb folder (download it with `cardiokit download ptbdb --to DIR`)',
    );
  }
  return recordIds;
}
