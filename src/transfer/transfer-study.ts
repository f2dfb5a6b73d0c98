import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { aggregateProbabilities } from '../data/aggregate.js';
import { KACHUEE_DEFAULTS } from '../ecg/kachuee-beats.js';
import {
  hasStratFolds,
  splitByStratFold,
  splitStratifiedPatients,
  type Split,
} from '../data/splits.js';
import {
  loadCatalogue,
  selectMiVersusNormal,
  type LabelledEntry,
} from '../datasets/index.js';
import { buildModel, initBackend, loadModel, type LayersModel } from '../models/index.js';
import {
  summariseMetrics,
  type Estimate,
  type MetricSummary,
} from '../train/bootstrap.js';
import { youdenThreshold } from '../train/metrics.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { FileError, ParameterError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { buildRecordBeatSet, type RecordBeatSet } from './mi-beats.js';
import { pairedAucDifference } from './paired-auc.js';
import {
  predictProbabilities,
  trainClassifier,
  type ClassifierEpochLog,
  type LabelledInputs,
} from './train-classifier.js';
import { attachBinaryHead } from './transfer-model.js';

/**
 * How the MI network starts: `scratch` (random weights, every layer trained), `frozen`
 * (the pretrained convolutional part kept fixed, a new head trained) or `fine-tuned`
 * (the pretrained convolutional part and a new head, every layer trained).
 */
export type TransferVariant = 'scratch' | 'frozen' | 'fine-tuned';

/** All variants, in the order a study runs them. */
export const TRANSFER_VARIANTS: readonly TransferVariant[] = [
  'scratch',
  'frozen',
  'fine-tuned',
];

/** Options of {@link runTransferStudy}. */
export interface TransferStudyOptions {
  /** PTB-XL or ptbdb folder (MI vs normal). */
  dataDir: string;
  /** A run folder of the AAMI task (holding `model/`) or a model folder. */
  init: string;
  outDir: string;
  variants: readonly TransferVariant[];
  /** One training per variant and seed; every variant sees the same seeds and split. */
  seeds: readonly number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Lead the beats are cut from. */
  lead: string;
  /** Seed of the patient split when the data set has no `strat_fold`. */
  splitSeed: number;
  /** Bootstrap resamples of the test AUC interval (by patient). */
  bootstrapIterations: number;
  /** Keeps only the labelled records it returns true for (quick runs, tests). */
  recordFilter?: (entry: LabelledEntry) => boolean;
  logger: Logger;
  onEpoch?: (variant: TransferVariant, seed: number, log: ClassifierEpochLog) => void;
  shouldStop?: () => boolean;
}

/** Defaults of {@link runTransferStudy}. */
export const TRANSFER_STUDY_DEFAULTS: Omit<
  TransferStudyOptions,
  'dataDir' | 'init' | 'outDir'
> = {
  variants: TRANSFER_VARIANTS,
  seeds: [1],
  epochs: 10,
  batchSize: 64,
  learningRate: 1e-3,
  lead: 'II',
  splitSeed: 0,
  bootstrapIterations: 1000,
  logger: silentLogger,
};

/** One variant trained with one seed, scored on the test records. */
export interface TransferRunResult {
  variant: TransferVariant;
  seed: number;
  /** Record-level metrics (mean of beat probabilities), 95% intervals by patient. */
  test: MetricSummary;
  /** Threshold chosen on the validation records (Youden's J). */
  threshold: number;
  bestEpoch: number;
  history: ClassifierEpochLog[];
  trainMs: number;
  /** Probability per test record (mean over its beats), in `testRecordIds` order. */
  testScores: number[];
}

/** A pretrained variant against scratch, trained with the same seed. */
export interface TransferComparison {
  variant: TransferVariant;
  seed: number;
  /** AUC(variant) - AUC(scratch) on the test records, paired bootstrap by patient. */
  aucDifference: Estimate;
}

/** What {@link runTransferStudy} returns and writes to `metrics.json`. */
export interface TransferStudyResult {
  split: Split['scheme'];
  trainBeats: number;
  validationBeats: number;
  testBeats: number;
  testRecords: number;
  testPositives: number;
  /** Test records, in the order of each run's `testScores`. */
  testRecordIds: string[];
  testLabels: number[];
  runs: TransferRunResult[];
  /** Every pretrained variant against scratch, seed by seed (when scratch was run). */
  comparisons: TransferComparison[];
  /** Mean test AUC of each variant over the seeds. */
  meanAuc: Partial<Record<TransferVariant, number>>;
}

/**
 * Compares a network trained from scratch with the same network whose convolutional
 * part comes from the AAMI beat classifier, frozen or fine-tuned, on MI vs normal beats.
 * @param options data folder, pretrained run or model, variants, seeds; see
 * {@link TRANSFER_STUDY_DEFAULTS}
 * @returns record-level test metrics of every variant and seed, with bootstrap intervals
 * @throws FileError when `init` holds no model; DatasetError from the data selection
 * @remarks Split by patient: PTB-XL `strat_fold` 1-8 train, 9 validation, 10 test when
 * the folds exist, else a stratified patient split seeded by `splitSeed`. Every variant
 * uses the same split, seeds, epochs, batch size, learning rate and balanced class
 * weights; the epoch with the lowest validation loss is kept. A record's probability
 * is the mean over its beats; the threshold maximises Youden's J on validation records.
 * Each pretrained variant is compared with scratch of the same seed by the paired
 * bootstrap (by patient) of the AUC difference on the same test records; that interval
 * covers the test set's variation, not the training seed's (run several seeds for that).
 * The scratch network is `kachuee-2018` with one sigmoid unit: the same layers as the
 * transferred network (convolutional part, two dense ReLU layers of 32, sigmoid).
 * Limitations: beats come from R peaks found by the detector (no annotations), one lead.
 * @see Kachuee M, Fazeli S, Sarrafzadeh M. ECG heartbeat classification: a deep
 * transferable representation. IEEE ICHI 2018. https://doi.org/10.1109/ICHI.2018.00092
 */
export async function runTransferStudy(
  options: Partial<TransferStudyOptions> &
    Pick<TransferStudyOptions, 'dataDir' | 'init' | 'outDir'>,
): Promise<TransferStudyResult> {
  const settings = { ...TRANSFER_STUDY_DEFAULTS, ...options };
  const { logger } = settings;
  const modelDir = resolveModelDir(settings.init);
  await initBackend({ logger });
  await checkBeatModel(modelDir);

  // MI vs normal records, split by patient, cut into beats.
  const catalogue = await loadCatalogue(settings.dataDir, undefined, logger);
  const entries = selectMiVersusNormal(catalogue).entries.filter(
    (entry) => settings.recordFilter?.(entry) ?? true,
  );
  const split = hasStratFolds(entries)
    ? splitByStratFold(entries)
    : splitStratifiedPatients(entries, { seed: settings.splitSeed });
  const set = await buildRecordBeatSet(entries, { lead: settings.lead, logger });
  const train = beatsOf(set, split.train.recordIds);
  const validation = beatsOf(set, split.validation.recordIds);
  const test = beatsOf(set, split.test.recordIds);
  const testRecords = recordsOf(set, split.test.recordIds);
  logger.info(
    `${catalogue.database} ${split.scheme}: ${train.labels.length} training, ` +
      `${validation.labels.length} validation, ${test.labels.length} test beats ` +
      `(${testRecords.length} test records, ${testRecords.filter((r) => r.label).length} MI)`,
  );

  const runs: TransferRunResult[] = [];
  for (const seed of settings.seeds) {
    for (const variant of settings.variants) {
      const model = await startingModel(variant, modelDir, seed);
      const startMs = performance.now();
      const training = await trainClassifier(model, train, {
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        learningRate: settings.learningRate,
        seed,
        classWeighting: 'balanced',
        validation,
        logger,
        onEpoch: (log) => settings.onEpoch?.(variant, seed, log),
        shouldStop: settings.shouldStop,
      });
      const trainMs = performance.now() - startMs;

      // Record-level scores: threshold on validation, metrics on test.
      const validationScores = recordScores(model, set, split.validation.recordIds);
      const threshold = youdenThreshold(validationScores.labels, validationScores.scores);
      const testScores = recordScores(model, set, split.test.recordIds);
      const metrics = summariseMetrics(testScores.labels, testScores.scores, {
        threshold,
        groups: testScores.patients,
        iterations: settings.bootstrapIterations,
        seed,
      });
      logger.info(
        `${variant} seed ${seed}: test AUC ${metrics.auc.value.toFixed(3)} ` +
          `[${metrics.auc.ciLow.toFixed(3)}, ${metrics.auc.ciHigh.toFixed(3)}]`,
      );
      runs.push({
        variant,
        seed,
        test: metrics,
        threshold,
        bestEpoch: training.bestEpoch,
        history: training.history,
        trainMs,
        testScores: testScores.scores,
      });
      model.dispose();
    }
  }

  const testOrder = recordsOf(set, split.test.recordIds);
  const result: TransferStudyResult = {
    split: split.scheme,
    trainBeats: train.labels.length,
    validationBeats: validation.labels.length,
    testBeats: test.labels.length,
    testRecords: testRecords.length,
    testPositives: testRecords.filter((record) => record.label === 1).length,
    testRecordIds: testOrder.map((record) => record.recordId),
    testLabels: testOrder.map((record) => record.label),
    runs,
    comparisons: compareWithScratch(runs, testOrder, settings.bootstrapIterations),
    meanAuc: meanAucByVariant(runs),
  };
  for (const comparison of result.comparisons) {
    const d = comparison.aucDifference;
    logger.info(
      `${comparison.variant} - scratch, seed ${comparison.seed}: AUC difference ` +
        `${d.value.toFixed(3)} [${d.ciLow.toFixed(3)}, ${d.ciHigh.toFixed(3)}]`,
    );
  }
  const config = {
    dataDir: settings.dataDir,
    init: settings.init,
    outDir: settings.outDir,
    variants: settings.variants,
    seeds: settings.seeds,
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    learningRate: settings.learningRate,
    lead: settings.lead,
    splitSeed: settings.splitSeed,
    bootstrapIterations: settings.bootstrapIterations,
  };
  const write = (name: string, value: unknown) =>
    writeFileAtomic(join(settings.outDir, name), `${JSON.stringify(value, null, 2)}\n`);
  await write('config.json', {
    task: 'mi-transfer',
    model: 'kachuee-2018',
    ...config,
    modelDir,
  });
  await write('split.json', split);
  await write('metrics.json', result);
  return result;
}

/** The model folder inside a run folder, or the folder itself when it holds a model. */
export function resolveModelDir(init: string): string {
  if (existsSync(join(init, 'model.json'))) return init;
  if (existsSync(join(init, 'model', 'model.json'))) return join(init, 'model');
  throw new FileError(
    init,
    'holds neither model.json nor model/model.json: pass a run folder of ' +
      '`cardiokit train --task aami` or a saved model folder',
  );
}

/**
 * Refuses, before any data is read, a model that does not take single beats (187 x 1),
 * such as the model of an MI run on 10 s windows.
 */
async function checkBeatModel(modelDir: string): Promise<void> {
  const model = await loadModel(modelDir);
  const shape = model.inputs[0].shape;
  model.dispose();
  if (shape.length !== 3 || shape[1] !== BEAT_SAMPLES || shape[2] !== 1) {
    throw new ParameterError(
      '--init',
      `a model whose input is one beat of ${BEAT_SAMPLES} x 1 samples (an aami run)`,
      `${modelDir}: input ${shape.slice(1).join(' x ')}`,
    );
  }
}

/** Samples of a Kachuee beat (187), the input of every network of the study. */
const BEAT_SAMPLES = KACHUEE_DEFAULTS.beatSamples;

async function startingModel(
  variant: TransferVariant,
  modelDir: string,
  seed: number,
): Promise<LayersModel> {
  if (variant === 'scratch') {
    return buildModel('kachuee-2018', {
      inputShape: [BEAT_SAMPLES, 1],
      outputUnits: 1,
      seed,
    });
  }
  if (variant !== 'frozen' && variant !== 'fine-tuned') {
    throw new ParameterError('variant', TRANSFER_VARIANTS.join(', '), variant);
  }
  const pretrained = await loadModel(modelDir);
  return attachBinaryHead(pretrained, {
    freeze: variant === 'frozen' ? 'conv' : 'none',
    seed,
  });
}

/** Each pretrained run against the scratch run of the same seed, paired by record. */
export function compareWithScratch(
  runs: readonly TransferRunResult[],
  testRecords: readonly { label: number; patientId: string }[],
  iterations: number,
): TransferComparison[] {
  const labels = testRecords.map((record) => record.label);
  const patients = testRecords.map((record) => record.patientId);
  return runs.flatMap((run) => {
    const scratch = runs.find((r) => r.variant === 'scratch' && r.seed === run.seed);
    if (run.variant === 'scratch' || scratch === undefined) return [];
    const aucDifference = pairedAucDifference(
      labels,
      run.testScores,
      scratch.testScores,
      {
        groups: patients,
        iterations,
        seed: run.seed,
      },
    );
    return [{ variant: run.variant, seed: run.seed, aucDifference }];
  });
}

/** Mean test AUC of each variant over its seeds. */
export function meanAucByVariant(
  runs: readonly TransferRunResult[],
): Partial<Record<TransferVariant, number>> {
  const mean: Partial<Record<TransferVariant, number>> = {};
  for (const variant of TRANSFER_VARIANTS) {
    const values = runs.filter((r) => r.variant === variant).map((r) => r.test.auc.value);
    if (values.length > 0)
      mean[variant] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return mean;
}

function recordsOf(set: RecordBeatSet, recordIds: readonly string[]) {
  const wanted = new Set(recordIds);
  return set.records.filter((record) => wanted.has(record.recordId));
}

/** The beats of the given records as binary training inputs. */
function beatsOf(set: RecordBeatSet, recordIds: readonly string[]): LabelledInputs {
  const wanted = new Set(recordIds);
  const rows: number[] = [];
  set.beatRecord.forEach((recordIndex, row) => {
    if (wanted.has(set.records[recordIndex].recordId)) rows.push(row);
  });
  const size = set.beatLengthSamples;
  const inputs = new Float32Array(rows.length * size);
  rows.forEach((row, i) =>
    inputs.set(set.beats.subarray(row * size, (row + 1) * size), i * size),
  );
  return {
    inputs,
    lengthSamples: size,
    channels: 1,
    labels: Int32Array.from(rows, (row) => set.records[set.beatRecord[row]].label),
    classCount: 2,
  };
}

/** Mean beat probability per record, with the record's label and patient. */
function recordScores(
  model: LayersModel,
  set: RecordBeatSet,
  recordIds: readonly string[],
) {
  const data = beatsOf(set, recordIds);
  const probabilities = predictProbabilities(model, data.inputs, data.lengthSamples, 1);
  const wanted = new Set(recordIds);
  const beatRecordIds: string[] = [];
  set.beatRecord.forEach((recordIndex) => {
    const id = set.records[recordIndex].recordId;
    if (wanted.has(id)) beatRecordIds.push(id);
  });
  const byRecord = aggregateProbabilities(beatRecordIds, probabilities, 'mean');
  const records = recordsOf(set, recordIds);
  return {
    labels: records.map((record) => record.label),
    scores: records.map((record) => byRecord.get(record.recordId) ?? Number.NaN),
    patients: records.map((record) => record.patientId),
  };
}
