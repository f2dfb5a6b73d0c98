/**
 * The run folder: one file per artefact, each written atomically. Layout:
 * config.json, dataset.json, split.json, history.json, metrics.json, predictions.csv,
 * curves.json, model/ (model.json, weights.bin, preprocessing.json).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LeadStatistics, PreprocessingConfig } from '../data/preprocess.js';
import type { SplitPart } from '../data/splits.js';
import { saveModel, type LayersModel } from '../models/index.js';
import { FileError, ParseError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { MetricSummary } from './bootstrap.js';
import type { TrainConfig } from './config.js';
import type { DatasetSummary } from './dataset.js';
import type { Curves, LevelMetrics } from './evaluation.js';
import type { EpochSummary } from './fit.js';

/** The content of metrics.json. */
export interface MetricsFile {
  test: LevelMetrics;
  validation: { record: MetricSummary };
  outOfFold?: { record: MetricSummary };
  threshold: { value: number | number[]; chosenOn: 'validation'; rule: string };
  seed: number;
  wallSeconds: number;
  /** True when Ctrl-C ended training early; the model is the best epoch so far. */
  interrupted: boolean;
}

/** One row of predictions.csv. */
export interface PredictionCsvRow {
  recordId: string;
  patientId: string;
  part: string;
  label: number;
  probability: number;
}

/** The content of model/preprocessing.json: what `predict` needs to rebuild inputs. */
export interface PreprocessingFile {
  preprocessing: PreprocessingConfig;
  windowSec: number;
  strideSec: number;
  windowSamples: number;
  strideSamples: number;
  aggregation: string;
  standardisation: LeadStatistics;
  threshold: number;
}

export type SplitFile =
  | { scheme: string; train: SplitPart; validation: SplitPart; test: SplitPart }
  | { scheme: 'cv'; folds: unknown[] };

export interface RunContent {
  config: TrainConfig;
  dataset: DatasetSummary;
  split: SplitFile;
  history: EpochSummary[] | { folds: EpochSummary[][] };
  metrics: MetricsFile;
  predictions: PredictionCsvRow[];
  curves: Curves;
  model: { model: LayersModel; stats: LeadStatistics } | undefined;
}

/** JSON with NaN and Infinity written as null (JSON has no NaN). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** predictions.csv text: header `recordId,patientId,part,label,probability`. */
export function predictionsCsv(rows: readonly PredictionCsvRow[]): string {
  const quote = (text: string) =>
    /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  const lines = rows.map((row) =>
    [
      quote(row.recordId),
      quote(row.patientId),
      quote(row.part),
      row.label,
      row.probability,
    ].join(','),
  );
  return `recordId,patientId,part,label,probability\n${lines.join('\n')}\n`;
}

/**
 * Writes every file of a run folder.
 * @remarks The model goes first and metrics.json last, so that a folder with a
 * metrics.json is complete.
 */
export async function writeRunFolder(runDir: string, content: RunContent): Promise<void> {
  if (content.model) {
    const modelDir = join(runDir, 'model');
    await saveModel(content.model.model, modelDir);
    const { windowSec, strideSec, preprocessing, aggregation } = content.config;
    const rate = preprocessing.targetRateHz;
    const file: PreprocessingFile = {
      preprocessing,
      windowSec,
      strideSec,
      windowSamples: Math.round(windowSec * rate),
      strideSamples: Math.max(1, Math.round(strideSec * rate)),
      aggregation,
      standardisation: content.model.stats,
      threshold: content.metrics.threshold.value as number,
    };
    await writeFileAtomic(join(modelDir, 'preprocessing.json'), toJson(file));
  }
  await writeFileAtomic(join(runDir, 'config.json'), toJson(content.config));
  await writeFileAtomic(join(runDir, 'dataset.json'), toJson(content.dataset));
  await writeFileAtomic(join(runDir, 'split.json'), toJson(content.split));
  await writeFileAtomic(join(runDir, 'history.json'), toJson(content.history));
  await writeFileAtomic(
    join(runDir, 'predictions.csv'),
    predictionsCsv(content.predictions),
  );
  await writeFileAtomic(join(runDir, 'curves.json'), toJson(content.curves));
  await writeFileAtomic(join(runDir, 'metrics.json'), toJson(content.metrics));
}

/** Reads a JSON file of a run folder, naming the file on failure. */
export async function readRunJson<T>(runDir: string, name: string): Promise<T> {
  const path = join(runDir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new FileError(
      path,
      `missing: is ${runDir} a folder written by 'cardiokit train'?`,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ParseError(path, `not valid JSON (${(error as Error).message})`);
  }
}
