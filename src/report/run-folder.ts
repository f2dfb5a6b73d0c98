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
 * file is not valid JSON, `predictions.csv` has a bad row, or `metrics.json` lacks a
 * field the report prints (see {@link METRIC_FIELDS})
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
    metrics: checkMetrics(
      join(runDir, 'metrics.json'),
      await readJson(runDir, 'metrics.json'),
    ),
    predictions: await readPredictions(join(runDir, 'predictions.csv')),
  };
}

/** Fields of each metric block of metrics.json that the report prints. */
export const METRIC_FIELDS = [
  'n',
  'positives',
  'auc',
  'averagePrecision',
  'accuracy',
  'sensitivity',
  'specificity',
  'f1',
] as const;

/**
 * Checks that metrics.json holds a record-level block of the test set (or of the
 * out-of-fold predictions of a cross-validated run) and that every block present has the
 * fields of {@link METRIC_FIELDS}; an absent file stays `undefined`.
 */
function checkMetrics(file: string, raw: unknown): RunMetrics | undefined {
  if (raw === undefined) return undefined;
  const at = (value: unknown, key: string): unknown =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)[key]
      : undefined;
  const missing: string[] = [];
  if (at(at(raw, 'test'), 'record') === undefined && at(raw, 'outOfFold') === undefined)
    missing.push('test.record');
  for (const set of ['test', 'validation', 'outOfFold']) {
    for (const level of ['record', 'window', 'patient']) {
      const block = at(at(raw, set), level);
      if (block === undefined) continue;
      for (const field of METRIC_FIELDS)
        if (at(block, field) === undefined) missing.push(`${set}.${level}.${field}`);
    }
  }
  if (missing.length > 0) {
    throw new ParseError(
      file,
      `${missing.join(', ')} missing: a finished run writes test.record (outOfFold.record ` +
        `with --cv) with ${METRIC_FIELDS.join(', ')}; rerun the training, or delete ` +
        'metrics.json to report the run without metrics',
    );
  }
  return raw as RunMetrics;
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
