import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ParameterError, ParseError } from '../util/errors.js';
import { readCsvTable, type CsvRow } from './csv-table.js';
import type { Catalogue, CatalogueEntry, ExcludedRecord, Sex } from './types.js';

/** Options of {@link loadPtbxlCatalogue}. */
export interface PtbxlOptions {
  /** 100 (`filename_lr`, `records100/`) or 500 (`filename_hr`, `records500/`). */
  samplingRateHz: 100 | 500;
  /**
   * Lowest SCP likelihood (0 to 100) for a diagnostic statement to give its superclass.
   * 0 keeps every diagnostic statement, as the PTB-XL authors' example code does.
   */
  minLikelihood: number;
}

export const PTBXL_DEFAULTS: PtbxlOptions = { samplingRateHz: 100, minLikelihood: 0 };

/** Order in which superclasses are listed in an entry's `classes`. */
const SUPERCLASS_ORDER = ['NORM', 'MI', 'STTC', 'CD', 'HYP'];

/** PTB-XL writes the age of patients older than 89 as 300. */
const PTBXL_CENSORED_AGE = 300;
const PTBXL_OLDEST_AGE_SHOWN = 90;

const DATABASE_COLUMNS = [
  'ecg_id',
  'patient_id',
  'age',
  'sex',
  'scp_codes',
  'strat_fold',
  'filename_lr',
  'filename_hr',
];
const STATEMENT_COLUMNS = ['diagnostic', 'diagnostic_class'];

/**
 * Reads the PTB-XL catalogue from `ptbxl_database.csv` and `scp_statements.csv`.
 * @param dir the PTB-XL folder (the one holding both CSV files and `records100/`)
 * @param options sampling rate of the record files and the likelihood threshold
 * @returns one entry per record whose header file exists at the chosen rate; records
 * whose files are absent are listed in `excluded`
 * @throws FileError when a CSV file is missing; ParseError when a row is malformed
 * @remarks
 * Superclasses (`classes`) are the `diagnostic_class` of every SCP code of the record
 * that `scp_statements.csv` marks `diagnostic == 1`, whatever its likelihood (the
 * default `minLikelihood` 0), as in the example code published with PTB-XL (Wagner et
 * al. 2020); a record without a diagnostic statement has no class. Sex is coded 0 =
 * male, 1 = female. `patientId` is the integer part of `patient_id`.
 *
 * Limitations: PTB-XL codes the age of patients older than 89 as 300; cardiokit reports
 * it as 90, the lowest age it stands for.
 * @see https://doi.org/10.1038/s41597-020-0495-6
 * @example
 * const catalogue = await loadPtbxlCatalogue('data/ptbxl');
 * catalogue.entries[0].classes; // ['NORM']
 */
export async function loadPtbxlCatalogue(
  dir: string,
  options: Partial<PtbxlOptions> = {},
): Promise<Catalogue> {
  const { samplingRateHz, minLikelihood } = { ...PTBXL_DEFAULTS, ...options };
  if (samplingRateHz !== 100 && samplingRateHz !== 500) {
    throw new ParameterError('samplingRateHz', '100 or 500', samplingRateHz);
  }
  if (!(minLikelihood >= 0 && minLikelihood <= 100)) {
    throw new ParameterError('minLikelihood', 'between 0 and 100', minLikelihood);
  }
  const rootDir = resolve(dir);

  // Map each diagnostic SCP statement to its superclass.
  const statementsFile = join(rootDir, 'scp_statements.csv');
  const superclassOf = readSuperclasses(
    statementsFile,
    await readCsvTable(statementsFile, STATEMENT_COLUMNS),
  );

  // One entry per row whose record files exist at the chosen rate.
  const databaseFile = join(rootDir, 'ptbxl_database.csv');
  const rows = await readCsvTable(databaseFile, DATABASE_COLUMNS);
  const filenameColumn = samplingRateHz === 100 ? 'filename_lr' : 'filename_hr';
  const entries: CatalogueEntry[] = [];
  const excluded: ExcludedRecord[] = [];
  for (const row of rows) {
    const relativePath = row.values[filenameColumn];
    const recordId = relativePath.split('/').pop() ?? relativePath;
    const recordPath = join(rootDir, relativePath);
    if (!existsSync(`${recordPath}.hea`)) {
      excluded.push({ recordId, reason: `${samplingRateHz} Hz record files absent` });
      continue;
    }
    const scpCodes = parseScpCodes(row.values.scp_codes, databaseFile, row.line);
    entries.push({
      recordId,
      recordPath,
      patientId: parsePatientId(row, databaseFile),
      ageYears: parseAge(row, databaseFile),
      sex: parseSex(row, databaseFile),
      samplingRateHz,
      fold: parseInteger(row, 'strat_fold', databaseFile),
      classes: superclassesOf(scpCodes, superclassOf, minLikelihood),
      scpCodes,
    });
  }
  return { database: 'ptbxl', rootDir, entries, excluded };
}

/**
 * Parses PTB-XL's `scp_codes` field, a Python dict literal such as
 * `{'NORM': 100.0, 'SR': 0.0}`, into statement → likelihood.
 * @param text the field as it appears in the CSV
 * @param file the CSV file, for the error message
 * @param line the CSV line, for the error message
 * @returns SCP code → likelihood (0 to 100)
 * @throws ParseError when the field is not a dict of quoted codes and numbers
 */
export function parseScpCodes(
  text: string,
  file = '',
  line?: number,
): Record<string, number> {
  const body = text.trim();
  if (!body.startsWith('{') || !body.endsWith('}')) {
    throw new ParseError(file, `expected a dict like {'NORM': 100.0} (got ${body})`, {
      line,
      field: 'scp_codes',
    });
  }
  const codes: Record<string, number> = {};
  const inner = body.slice(1, -1).trim();
  if (inner === '') return codes;
  for (const item of inner.split(',')) {
    const match = /^\s*'([^']+)'\s*:\s*(-?\d+(?:\.\d*)?)\s*$/.exec(item);
    if (!match) {
      throw new ParseError(file, `cannot read item "${item.trim()}" of ${body}`, {
        line,
        field: 'scp_codes',
      });
    }
    codes[match[1]] = Number(match[2]);
  }
  return codes;
}

function readSuperclasses(file: string, rows: CsvRow[]): Map<string, string> {
  const superclassOf = new Map<string, string>();
  for (const row of rows) {
    // The first column holds the statement code and has an empty header.
    const code = row.values[''];
    if (code === undefined) {
      throw new ParseError(
        file,
        'the first column (SCP code) must have an empty header',
        {
          line: 1,
        },
      );
    }
    if (Number(row.values.diagnostic) === 1) {
      superclassOf.set(code, row.values.diagnostic_class);
    }
  }
  return superclassOf;
}

function superclassesOf(
  scpCodes: Record<string, number>,
  superclassOf: Map<string, string>,
  minLikelihood: number,
): string[] {
  const found = new Set<string>();
  for (const [code, likelihood] of Object.entries(scpCodes)) {
    const superclass = superclassOf.get(code);
    if (superclass !== undefined && likelihood >= minLikelihood) found.add(superclass);
  }
  const rank = (name: string) => {
    const index = SUPERCLASS_ORDER.indexOf(name);
    return index === -1 ? SUPERCLASS_ORDER.length : index;
  };
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function parsePatientId(row: CsvRow, file: string): string {
  const value = Number(row.values.patient_id);
  if (row.values.patient_id === '' || !Number.isFinite(value)) {
    throw new ParseError(
      file,
      `patient_id must be a number (got '${row.values.patient_id}')`,
      {
        line: row.line,
        field: 'patient_id',
      },
    );
  }
  return String(Math.trunc(value));
}

function parseAge(row: CsvRow, file: string): number | undefined {
  const text = row.values.age;
  if (text === '') return undefined;
  const ageYears = Number(text);
  if (!Number.isFinite(ageYears) || ageYears < 0) {
    throw new ParseError(file, `age must be a number >= 0 or empty (got '${text}')`, {
      line: row.line,
      field: 'age',
    });
  }
  return ageYears >= PTBXL_CENSORED_AGE ? PTBXL_OLDEST_AGE_SHOWN : ageYears;
}

function parseSex(row: CsvRow, file: string): Sex | undefined {
  const text = row.values.sex;
  if (text === '') return undefined;
  if (Number(text) === 0) return 'male';
  if (Number(text) === 1) return 'female';
  throw new ParseError(file, `sex must be 0 (male) or 1 (female) (got '${text}')`, {
    line: row.line,
    field: 'sex',
  });
}

function parseInteger(row: CsvRow, column: string, file: string): number | undefined {
  const text = row.values[column];
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) {
    throw new ParseError(file, `${column} must be an integer (got '${text}')`, {
      line: row.line,
      field: column,
    });
  }
  return value;
}
