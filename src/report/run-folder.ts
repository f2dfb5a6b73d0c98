import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCsvTable } from '../datasets/csv-table.js';
import type { MetricSummary } from '../train/bootstrap.js';
import { FileError, ParseError } from '../util/errors.js';
import type { EpochRecord } from './training-charts.js';

/** One row of `predictions.csv`. */
export interface PredictionRow {
  recordId: string;
  patientId: string;
  /** `train`, `validation`, `test`, or the fold number in cross-validation. */
  part: string;
  label: 0 | 1;
  probability: number;
  /** 1-based line of the row in the file. */
  line: number;
}

/** The metrics.json of a run; every level is optional. */
export interface RunMetrics {
  test?: Partial<Record<'record' | 'window' | 'patient', MetricSummary>>;
  validation?: Partial<Record<'record' | 'window' | 'patient', MetricSummary>>;
  outOfFold?: Partial<Record<'record' | 'window' | 'patient', MetricSummary>>;
  /** One threshold, or one per cross-validation fold (fold k at index k - 1). */
  threshold?: { value: number | number[]; chosenOn?: string; rule?: string };
  seed?: number;
  wallSeconds?: number;
}

/** What a run folder holds; a file that is absent gives `undefined`. */
export interface RunFolder {
  runDir: string;
  config: Record<string, unknown>;
  dataset: Record<string, unknown> | undefined;
  split: Record<string, unknown> | undefined;
  /** One array of epochs, or one per fold. */
  history: EpochRecord[] | EpochRecord[][] | undefined;
  metrics: RunMetrics | undefined;
  predictions: PredictionRow[] | undefined;
}

/**
 * Reads the files of a run folder written by `cardiokit train`.
 * @param runDir the run folder
 * @returns its parsed content; optional files that are absent are `undefined`
 * @throws FileError when the folder or its `config.json` is missing; ParseError when a
 * file is not valid JSON or `predictions.csv` has a bad row
 */
export async function readRunFolder(runDir: string): Promise<RunFolder> {
  if (!existsSync(join(runDir, 'config.json'))) {
    throw new FileError(
      join(runDir, 'config.json'),
      'not found: RUN must be a run folder written by `cardiokit train` (it holds config.json)',
    );
  }
  const config = (await readJson(runDir, 'config.json')) as Record<string, unknown>;
  const historyRaw = await readJson(runDir, 'history.json');
  const history =
    historyRaw &&
    !Array.isArray(historyRaw) &&
    Array.isArray((historyRaw as { folds?: unknown }).folds)
      ? (historyRaw as { folds: EpochRecord[][] }).folds
      : (historyRaw as EpochRecord[] | undefined);
  return {
    runDir,
    config,
    dataset: (await readJson(runDir, 'dataset.json')) as
      Record<string, unknown> | undefined,
    split: (await readJson(runDir, 'split.json')) as Record<string, unknown> | undefined,
    history,
    metrics: (await readJson(runDir, 'metrics.json')) as RunMetrics | undefined,
    predictions: await readPredictions(join(runDir, 'predictions.csv')),
  };
}

async function readJson(runDir: string, name: string): Promise<unknown> {
  const file = join(runDir, name);
  if (!existsSync(file)) return undefined;
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ParseError(
      file,
      `not valid JSON (${(error as Error).message}); rerun the training or fix the file`,
    );
  }
}

async function readPredictions(file: string): Promise<PredictionRow[] | undefined> {
  if (!existsSync(file)) return undefined;
  const rows = await readCsvTable(file, [
    'recordId',
    'patientId',
    'part',
    'label',
    'probability',
  ]);
  return rows.map(({ values, line }) => {
    const label = Number(values.label);
    const probability = Number(values.probability);
    if (label !== 0 && label !== 1) {
      throw new ParseError(file, `must be 0 or 1 (got '${values.label}')`, {
        line,
        field: 'label',
      });
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new ParseError(file, `must be in [0, 1] (got '${values.probability}')`, {
        line,
        field: 'probability',
      });
    }
    return {
      recordId: values.recordId,
      patientId: values.patientId,
      part: values.part,
      label,
      probability,
      line,
    };
  });
}
