/**
 * Using a finished run folder again: recomputing its metrics from its model and data
 * (`cardiokit evaluate`), and predicting MI for new records (`cardiokit predict`).
 */
import { join, resolve } from 'node:path';
import { RecordStore, type PipelineItem } from '../data/batches.js';
import { preprocessSignals, readLeads } from '../data/preprocess.js';
import { deriveSeed } from '../data/random.js';
import { initBackend, loadModel, type LayersModel } from '../models/index.js';
import { NotImplementedError, SignalLengthError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import type { MetricSummary } from './bootstrap.js';
import type { TrainConfig } from './config.js';
import { loadTaskEntries } from './dataset.js';
import { evaluateLevels, type LevelMetrics } from './evaluation.js';
import { predictItems } from './fit.js';
import { summariseMetrics } from './bootstrap.js';
import {
  readRunJson,
  type PreprocessingFile,
  type MetricsFile,
  type SplitFile,
} from './run-folder.js';

/** A saved model with what it needs to rebuild its inputs. */
export interface SavedModel {
  model: LayersModel;
  preprocessing: PreprocessingFile;
}

/** Loads `model/` of a run folder. */
export async function loadSavedModel(runDir: string): Promise<SavedModel> {
  await initBackend();
  const preprocessing = await readRunJson<PreprocessingFile>(
    runDir,
    'model/preprocessing.json',
  );
  const model = await loadModel(join(runDir, 'model'));
  return { model, preprocessing };
}

/** One metric that differs between metrics.json and the recomputation. */
export interface Mismatch {
  path: string;
  stored: number | null;
  recomputed: number;
}

export interface EvaluationResult {
  recomputed: { test: LevelMetrics; validation: { record: MetricSummary } };
  mismatches: Mismatch[];
  /** Largest absolute difference over every compared number. */
  maxAbsDifference: number;
}

/** Walks two metric trees and lists the numbers that differ by more than `atol`. */
function compareTrees(
  stored: unknown,
  recomputed: unknown,
  path: string,
  atol: number,
  out: { mismatches: Mismatch[]; max: number },
): void {
  if (typeof recomputed === 'number') {
    const storedValue = typeof stored === 'number' ? stored : null;
    const bothMissing = storedValue === null && !Number.isFinite(recomputed);
    if (bothMissing) return;
    const difference =
      storedValue === null ? Infinity : Math.abs(storedValue - recomputed);
    out.max = Math.max(out.max, difference);
    if (!(difference <= atol))
      out.mismatches.push({ path, stored: storedValue, recomputed });
    return;
  }
  if (recomputed && typeof recomputed === 'object') {
    for (const [key, value] of Object.entries(recomputed)) {
      const next =
        stored && typeof stored === 'object'
          ? (stored as Record<string, unknown>)[key]
          : undefined;
      compareTrees(next, value, path ? `${path}.${key}` : key, atol, out);
    }
  }
}

/**
 * Recomputes the test and validation metrics of a run from its saved model and its
 * data, and compares them with metrics.json.
 * @param options.atol largest accepted absolute difference (default 1e-6: the same
 * float32 inference on the same backend gives the same probabilities)
 * @throws NotImplementedError for cross-validation runs (they keep no model per fold)
 * @remarks The records are found again from config.json (dataset, folder, record cap,
 * seed) and split.json; the threshold and the bootstrap seed are those of the run.
 */
export async function evaluateRun(
  runDir: string,
  options: { logger?: Logger; atol?: number } = {},
): Promise<EvaluationResult> {
  const logger = options.logger ?? silentLogger;
  const config = await readRunJson<TrainConfig>(runDir, 'config.json');
  const split = await readRunJson<SplitFile>(runDir, 'split.json');
  const stored = await readRunJson<MetricsFile>(runDir, 'metrics.json');
  if (!('train' in split)) {
    throw new NotImplementedError(
      'evaluate for cross-validation runs',
      'they keep out-of-fold predictions in predictions.csv but no model per fold',
    );
  }
  const saved = await loadSavedModel(runDir);
  const { entries } = await loadTaskEntries(config.dataset, config.dataDir, {
    maxRecords: config.maxRecords,
    seed: config.seed,
    logger,
  });
  const byId = new Map(entries.map((entry) => [entry.recordId, entry]));
  const itemsOf = (ids: string[]): PipelineItem[] =>
    ids.map((id) => {
      const entry = byId.get(id);
      if (!entry)
        throw new NotImplementedError(
          `evaluate when record ${id} of split.json is no longer in ${config.dataDir}`,
        );
      return {
        recordId: entry.recordId,
        recordPath: entry.recordPath,
        patientId: entry.patientId,
        label: entry.label,
      };
    });
  const testItems = itemsOf(split.test.recordIds);
  const validationItems = itemsOf(split.validation.recordIds);

  const p = saved.preprocessing;
  const store = new RecordStore(p.preprocessing);
  const shape = {
    windowSamples: p.windowSamples,
    strideSamples: p.strideSamples,
    batchSize: 64,
    stats: p.standardisation,
    aggregation: config.aggregation,
  };
  const test = await predictItems(saved.model, store, testItems, shape);
  const validation = await predictItems(saved.model, store, validationItems, shape);
  const bootstrap = {
    iterations: config.bootstrapIterations,
    seed: deriveSeed(config.seed, 'bootstrap'),
  };
  const recomputed = {
    test: evaluateLevels(testItems, test, p.threshold, bootstrap),
    validation: {
      record: summariseMetrics(
        validationItems.map((item) => item.label),
        validation.recordProbabilities,
        {
          threshold: p.threshold,
          groups: validationItems.map((item) => item.patientId),
          ...bootstrap,
        },
      ),
    },
  };
  saved.model.dispose();

  const out = { mismatches: [] as Mismatch[], max: 0 };
  compareTrees(stored, recomputed, '', options.atol ?? 1e-6, out);
  return { recomputed, mismatches: out.mismatches, maxAbsDifference: out.max };
}

/** MI probability of one record. */
export interface RecordPrediction {
  record: string;
  probability: number;
  /** True when probability >= the run's threshold. */
  mi: boolean;
  threshold: number;
  windows: number;
  sourceRateHz: number;
}

/**
 * Predicts MI probability for records at any sampling rate with a saved run's model.
 * @param recordPaths WFDB record paths, with or without `.hea`
 * @returns one prediction per record, in order
 * @remarks Each record goes through the run's preprocessing (leads by name, filter,
 * resampling to the run's rate, the training split's standardisation), then sliding
 * windows whose probabilities are aggregated as in training.
 * @example
 * const [p] = await predictRecords('runs/my-run', ['data/ptbxl/records100/00000/00008_lr']);
 * p.probability; // MI probability in [0, 1]
 */
export async function predictRecords(
  runDir: string,
  recordPaths: readonly string[],
): Promise<RecordPrediction[]> {
  const saved = await loadSavedModel(runDir);
  const p = saved.preprocessing;
  const items: PipelineItem[] = recordPaths.map((path) => {
    const recordPath = resolve(path.replace(/\.hea$/, ''));
    return { recordId: recordPath, recordPath, patientId: recordPath, label: 0 };
  });
  const rates = new Map<string, number>();
  const store = new RecordStore(p.preprocessing, { cache: false }, async (item) => {
    const record = await readLeads(
      item.recordPath,
      p.preprocessing.leads,
      item.recordPath,
      `the model needs leads ${p.preprocessing.leads.join(', ')}`,
    );
    rates.set(item.recordId, record.samplingRateHz);
    const leads = preprocessSignals(record, p.preprocessing, item.recordPath);

    // A record shorter than one window of the model cannot be scored.
    if (leads[0].length < p.windowSamples) {
      const windowSec = p.windowSamples / p.preprocessing.targetRateHz;
      throw new SignalLengthError(
        `record ${item.recordPath}: the model's ${windowSec} s window ` +
          `(${p.windowSamples} samples at ${p.preprocessing.targetRateHz} Hz)`,
        p.windowSamples - 1,
        leads[0].length,
        `give records of at least ${windowSec} s`,
      );
    }
    return leads;
  });
  const predictions = await predictItems(saved.model, store, items, {
    windowSamples: p.windowSamples,
    strideSamples: p.strideSamples,
    batchSize: 64,
    stats: p.standardisation,
    aggregation: p.aggregation === 'max' ? 'max' : 'mean',
  });
  saved.model.dispose();
  return items.map((item, index) => ({
    record: recordPaths[index],
    probability: predictions.recordProbabilities[index],
    mi: predictions.recordProbabilities[index] >= p.threshold,
    threshold: p.threshold,
    windows: predictions.windowRecordIds.filter((id) => id === item.recordId).length,
    sourceRateHz: rates.get(item.recordId) as number,
  }));
}
