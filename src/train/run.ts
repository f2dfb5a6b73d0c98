/**
 * One training run end to end: load the task, split by patient, preprocess, train,
 * choose the threshold on validation, evaluate on test, write the run folder.
 */

import type { LabelledEntry } from '../datasets/index.js';
import { RecordStore, type PipelineItem } from '../data/batches.js';
import { leadStatistics, type LeadStatistics } from '../data/preprocess.js';
import {
  crossValidationFolds,
  hasStratFolds,
  splitByStratFold,
  splitStratifiedPatients,
  type Fold,
  type Split,
} from '../data/splits.js';
import { deriveSeed } from '../data/random.js';
import { secondsToSamples } from '../data/windows.js';
import { buildModel, initBackend, type LayersModel } from '../models/index.js';
import { DatasetError, InterruptedError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { summariseMetrics } from './bootstrap.js';
import type { TrainConfig } from './config.js';
import { loadTaskEntries, type DatasetSummary } from './dataset.js';
import { evaluateLevels, recordCurves } from './evaluation.js';
import { fitModel, predictItems, type EpochSummary, type Predictions } from './fit.js';
import { youdenThreshold, YOUDEN_RULE } from './metrics.js';
import { writeRunFolder, type PredictionCsvRow, type MetricsFile } from './run-folder.js';

/** Callbacks of a run: progress per epoch, and a stop request (Ctrl-C). */
export interface RunHooks {
  logger?: Logger;
  onEpoch?: (record: EpochSummary & { fold?: number }) => void;
  shouldStop?: () => boolean;
}

/** What a run returns besides its folder. */
export interface RunResult {
  runDir: string;
  metrics: MetricsFile;
  interrupted: boolean;
}

/** Everything one model's training and evaluation produced. */
interface PartResult {
  model: LayersModel;
  stats: LeadStatistics;
  history: EpochSummary[];
  threshold: number;
  validationItems: PipelineItem[];
  validation: Predictions;
  testItems: PipelineItem[];
  test: Predictions;
  interrupted: boolean;
}

/** Sample counts the pipeline uses, from the seconds of the configuration. */
export function windowShape(config: TrainConfig): {
  windowSamples: number;
  strideSamples: number;
} {
  const rate = config.preprocessing.targetRateHz;
  return {
    windowSamples: secondsToSamples(config.windowSec, rate),
    strideSamples: Math.max(1, secondsToSamples(config.strideSec, rate)),
  };
}

function itemsOf(
  recordIds: readonly string[],
  byId: Map<string, LabelledEntry>,
): PipelineItem[] {
  return recordIds.map((id) => {
    const { recordId, recordPath, patientId, label } = byId.get(id) as LabelledEntry;
    return { recordId, recordPath, patientId, label };
  });
}

async function trainPart(
  config: TrainConfig,
  store: RecordStore,
  split: Split,
  byId: Map<string, LabelledEntry>,
  hooks: RunHooks & { fold?: number },
): Promise<PartResult> {
  const logger = hooks.logger ?? silentLogger;
  const train = itemsOf(split.train.recordIds, byId);
  const validationItems = itemsOf(split.validation.recordIds, byId);
  const testItems = itemsOf(split.test.recordIds, byId);
  const { windowSamples, strideSamples } = windowShape(config);

  // Training, the threshold and the metrics each need records of their own.
  for (const [part, items] of [
    ['training', train],
    ['validation', validationItems],
    ['test', testItems],
  ] as const) {
    if (items.length === 0) {
      throw new DatasetError(
        `the ${part} part of split ${split.scheme} has no record ` +
          `(${train.length} train, ${validationItems.length} validation, ` +
          `${testItems.length} test): use more records (--max-records)`,
      );
    }
  }

  // Standardisation statistics come from the training records only.
  const trainLeads: Float32Array[][] = [];
  for (const item of train) trainLeads.push(await store.get(item));
  const stats = leadStatistics(trainLeads);

  const seed =
    hooks.fold === undefined
      ? config.seed
      : deriveSeed(config.seed, `fold ${hooks.fold}`);
  const model = buildModel(config.model.name, {
    ...config.model.options,
    inputShape: [windowSamples, config.preprocessing.leads.length],
    outputUnits: 1,
    seed,
  });
  logger.debug(`model ${config.model.name}: ${model.countParams()} parameters`);
  const fit = await fitModel(
    model,
    store,
    { train, validation: validationItems, stats },
    {
      epochs: config.epochs,
      batchSize: config.batchSize,
      learningRate: config.learningRate,
      classWeights: config.classWeights,
      schedule: config.schedule,
      patience: config.patience,
      monitor: config.monitor,
      cropsPerRecord: config.cropsPerRecord,
      windowSamples,
      strideSamples,
      aggregation: config.aggregation,
      seed,
      onEpoch: (record) =>
        hooks.onEpoch?.({ ...record, ...(hooks.fold ? { fold: hooks.fold } : {}) }),
      shouldStop: hooks.shouldStop,
    },
  );
  if (fit.history.length === 0) {
    throw new InterruptedError(
      'interrupted before the first epoch ended: nothing was written',
    );
  }

  // Threshold on validation records, then predictions on the test records.
  const shape = {
    windowSamples,
    strideSamples,
    batchSize: 64,
    stats,
    aggregation: config.aggregation,
  };
  const validation = await predictItems(model, store, validationItems, shape);
  const threshold = youdenThreshold(
    validationItems.map((item) => item.label),
    validation.recordProbabilities,
  );
  const test = await predictItems(model, store, testItems, shape);
  return {
    model,
    stats,
    history: fit.history,
    threshold,
    validationItems,
    validation,
    testItems,
    test,
    interrupted: fit.interrupted,
  };
}

function predictionRows(
  items: PipelineItem[],
  predictions: Predictions,
  part: string,
): PredictionCsvRow[] {
  return items.map((item, index) => ({
    recordId: item.recordId,
    patientId: item.patientId,
    part,
    label: item.label,
    probability: predictions.recordProbabilities[index],
  }));
}

/** Joins the predictions of several folds into one set over all their items. */
function concatPredictions(parts: Predictions[]): Predictions {
  return {
    windowRecordIds: parts.flatMap((p) => p.windowRecordIds),
    windowProbabilities: Float32Array.from(
      parts.flatMap((p) => Array.from(p.windowProbabilities)),
    ),
    windowLabels: Float32Array.from(parts.flatMap((p) => Array.from(p.windowLabels))),
    recordProbabilities: parts.flatMap((p) => p.recordProbabilities),
  };
}

/**
 * Trains and evaluates an MI detector and writes its run folder.
 * @param config the resolved configuration (see {@link TrainConfig})
 * @param runDir the folder to create
 * @returns the folder and the metrics written to metrics.json
 * @throws DatasetError for a data set that cannot serve the task; InterruptedError when
 * stopped before the first epoch ended
 * @remarks
 * Split: PTB-XL's strat_fold (1-8 / 9 / 10) when every record has one, else a seeded
 * class-stratified patient split (80/10/10); `split.scheme: 'cv'` trains one model per
 * fold and reports out-of-fold results. The threshold is chosen on the validation
 * records by Youden's J; the test metrics use it. Intervals resample patients.
 * A stop request ends training after the current batch; the run is then evaluated with
 * its best epoch so far and written completely, with `interrupted: true` in
 * metrics.json. Every file is written atomically, and nothing is written before the
 * evaluation is complete.
 * @example
 * const { metrics } = await runTraining({ ...config, epochs: 1 }, 'runs/quick');
 * metrics.test.record.auc.value;
 */
export async function runTraining(
  config: TrainConfig,
  runDir: string,
  hooks: RunHooks = {},
): Promise<RunResult> {
  const started = performance.now();
  const logger = hooks.logger ?? silentLogger;
  await initBackend({ logger });
  const { entries, dataset } = await loadTaskEntries(config.dataset, config.dataDir, {
    maxRecords: config.maxRecords,
    seed: config.seed,
    logger,
  });
  const byId = new Map(entries.map((entry) => [entry.recordId, entry]));
  if (config.classWeighting === 'balanced') {
    // Weights n / (2 n_class): each class contributes half of the loss.
    const positives = entries.filter((entry) => entry.label === 1).length;
    const n = entries.length;
    config = {
      ...config,
      classWeights: [n / (2 * (n - positives)), n / (2 * positives)],
    };
  }
  const store = new RecordStore(config.preprocessing);
  const bootstrap = {
    iterations: config.bootstrapIterations,
    seed: deriveSeed(config.seed, 'bootstrap'),
  };

  if (config.split.scheme === 'cv') {
    return runCrossValidation(
      config,
      runDir,
      { entries, dataset, byId, store, bootstrap, started },
      hooks,
    );
  }

  const useStratFold =
    config.split.scheme === 'strat_fold' ||
    (config.split.scheme === 'auto' && hasStratFolds(entries));
  const split = useStratFold
    ? splitByStratFold(entries)
    : splitStratifiedPatients(entries, { seed: deriveSeed(config.seed, 'split') });
  logger.info(
    `split ${split.scheme}: ${split.train.recordIds.length} train, ` +
      `${split.validation.recordIds.length} validation, ${split.test.recordIds.length} test records`,
  );
  const part = await trainPart(config, store, split, byId, hooks);
  const testLevels = evaluateLevels(part.testItems, part.test, part.threshold, bootstrap);
  const validationRecord = summariseMetrics(
    part.validationItems.map((item) => item.label),
    part.validation.recordProbabilities,
    {
      threshold: part.threshold,
      groups: part.validationItems.map((item) => item.patientId),
      ...bootstrap,
    },
  );
  const metrics: MetricsFile = {
    test: testLevels,
    validation: { record: validationRecord },
    threshold: { value: part.threshold, chosenOn: 'validation', rule: YOUDEN_RULE },
    seed: config.seed,
    wallSeconds: (performance.now() - started) / 1000,
    interrupted: part.interrupted,
  };
  await writeRunFolder(runDir, {
    config,
    dataset,
    split: {
      scheme: split.scheme,
      train: split.train,
      validation: split.validation,
      test: split.test,
    },
    history: part.history,
    metrics,
    predictions: [
      ...predictionRows(part.validationItems, part.validation, 'validation'),
      ...predictionRows(part.testItems, part.test, 'test'),
    ],
    curves: recordCurves(
      part.testItems.map((item) => item.label),
      part.test.recordProbabilities,
    ),
    model: { model: part.model, stats: part.stats },
  });
  part.model.dispose();
  return { runDir, metrics, interrupted: part.interrupted };
}

async function runCrossValidation(
  config: TrainConfig,
  runDir: string,
  context: {
    entries: LabelledEntry[];
    dataset: DatasetSummary;
    byId: Map<string, LabelledEntry>;
    store: RecordStore;
    bootstrap: { iterations: number; seed: number };
    started: number;
  },
  hooks: RunHooks,
): Promise<RunResult> {
  const logger = hooks.logger ?? silentLogger;
  const folds: Fold[] = crossValidationFolds(context.entries, config.split.folds ?? 10, {
    seed: deriveSeed(config.seed, 'split'),
  });
  const parts: PartResult[] = [];
  for (const fold of folds) {
    logger.info(
      `fold ${fold.fold}/${folds.length}: ${fold.test.recordIds.length} test records`,
    );
    const part = await trainPart(config, context.store, fold, context.byId, {
      ...hooks,
      fold: fold.fold,
    });
    parts.push(part);
    part.model.dispose();
    if (part.interrupted) break;
  }
  const interrupted =
    parts.length < folds.length || parts.some((part) => part.interrupted);

  // Out-of-fold: every record scored by the model that never saw its patient.
  const testItems = parts.flatMap((part) => part.testItems);
  const test = concatPredictions(parts.map((part) => part.test));
  const thresholds = parts.flatMap((part) => part.testItems.map(() => part.threshold));
  const outOfFold = evaluateLevels(testItems, test, thresholds, context.bootstrap);
  const validationItems = parts.flatMap((part) => part.validationItems);
  const validation = concatPredictions(parts.map((part) => part.validation));
  const metrics: MetricsFile = {
    test: outOfFold,
    validation: {
      record: summariseMetrics(
        validationItems.map((item) => item.label),
        validation.recordProbabilities,
        {
          threshold: parts.flatMap((part) =>
            part.validationItems.map(() => part.threshold),
          ),
          groups: validationItems.map((item) => item.patientId),
          ...context.bootstrap,
        },
      ),
    },
    outOfFold: { record: outOfFold.record },
    threshold: {
      value: parts.map((part) => part.threshold),
      chosenOn: 'validation',
      rule: `${YOUDEN_RULE}; one threshold per fold, on that fold's validation patients`,
    },
    seed: config.seed,
    wallSeconds: (performance.now() - context.started) / 1000,
    interrupted,
  };
  await writeRunFolder(runDir, {
    config,
    dataset: context.dataset,
    split: {
      scheme: 'cv',
      folds: folds.map((fold) => ({
        fold: fold.fold,
        foldScheme: fold.scheme,
        testPatientIds: fold.test.patientIds,
        testRecordIds: fold.test.recordIds,
        validationPatientIds: fold.validation.patientIds,
      })),
    },
    history: { folds: parts.map((part) => part.history) },
    metrics,
    predictions: parts.flatMap((part, index) =>
      predictionRows(part.testItems, part.test, String(folds[index].fold)),
    ),
    curves: recordCurves(
      testItems.map((item) => item.label),
      test.recordProbabilities,
    ),
    model: undefined,
  });
  return { runDir, metrics, interrupted };
}
