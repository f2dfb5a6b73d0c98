import { join } from 'node:path';
import { buildModel, initBackend, saveModel } from '../models/index.js';
import { DatasetError, ParameterError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { writeAamiReport } from './aami-report.js';
import { buildMitdbBeatSet, type MitdbBeatSet } from './mitdb-beats.js';
import {
  argmaxRows,
  computeMulticlassMetrics,
  type MulticlassMetrics,
} from './multiclass-metrics.js';
import { deriveSeed } from '../data/random.js';
import {
  holdOutByClass,
  splitDeChazal,
  splitRandomBeats,
  type BeatSplit,
} from './record-split.js';
import {
  featuresOf,
  gatherRows,
  predictProbabilities,
  trainClassifier,
  type ClassifierEpochLog,
  type ClassWeighting,
  type LabelledInputs,
} from './train-classifier.js';

/** How beats are split: by record (de Chazal 2004), or at random (for comparison only). */
export type AamiSplitName = BeatSplit['name'];

/** Options of {@link trainAami}. */
export interface AamiTrainingOptions {
  /** The mitdb folder. */
  dataDir: string;
  /** Run folder to write: config, split, history, metrics, model. */
  outDir: string;
  split: AamiSplitName;
  /** Share of beats in the test part of the random split. */
  testFraction: number;
  /**
   * Share of each class of the training beats held out to choose the epoch kept (lowest
   * validation loss); 0 keeps the last epoch.
   */
  validationFraction: number;
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Training beats drawn per epoch (anew each epoch); all of them when undefined. */
  samplesPerEpoch: number | undefined;
  classWeighting: ClassWeighting;
  maxClassWeight: number;
  /**
   * Feed the four RR-interval features of each beat (see {@link RR_FEATURE_NAMES}) to the
   * network through a second input, as most inter-patient studies do; false for the
   * paper's network, which sees the beat alone.
   */
  rrFeatures: boolean;
  logger: Logger;
  /** A beat set already built (for example by a benchmark); read from `dataDir` if absent. */
  beatSet?: MitdbBeatSet;
  onEpoch?: (log: ClassifierEpochLog) => void;
  shouldStop?: () => boolean;
}

/** Defaults of {@link trainAami}. */
export const AAMI_TRAINING_DEFAULTS: Omit<AamiTrainingOptions, 'dataDir' | 'outDir'> = {
  split: 'de-chazal-2004',
  testFraction: 0.2,
  validationFraction: 0.1,
  seed: 0,
  epochs: 10,
  batchSize: 128,
  learningRate: 1e-3,
  samplesPerEpoch: undefined,
  classWeighting: 'balanced',
  maxClassWeight: 20,
  rrFeatures: false,
  logger: silentLogger,
};

/** What {@link trainAami} returns (and writes to `metrics.json`). */
export interface AamiRunResult {
  split: AamiSplitName;
  trainBeats: number;
  testBeats: number;
  trainRecords: string[];
  testRecords: string[];
  test: MulticlassMetrics;
  /** Beats held out of the training part to choose the epoch. */
  validationBeats: number;
  /** 1-based epoch whose weights were kept and tested. */
  bestEpoch: number;
  history: ClassifierEpochLog[];
  buildBeatsMs: number;
  trainMs: number;
}

/**
 * Trains the Kachuee et al. 2018 network on MIT-BIH beats in the five AAMI classes and
 * evaluates it on the held-out part, writing a run folder.
 * Writes config, split, history, metrics, `report.html` (per-class table, confusion
 * matrix, loss per epoch) and the model.
 * @param options data folder, run folder, split and training settings; see
 * {@link AAMI_TRAINING_DEFAULTS}
 * @returns per-class sensitivity, PPV, F1 and the confusion matrix on the test beats
 * @throws ParameterError for a split name it does not know
 * @remarks The `de-chazal-2004` split trains on DS1 and tests on DS2 (no record on both
 * sides). The epoch kept is the one with the lowest loss on `validationFraction` of the
 * training beats of each class, held out at random: no test beat takes part in the
 * choice, but held-out DS1 beats come from training patients, so the choice cannot see
 * over-fitting to those patients. The `random-beats`
 * split reproduces the setting of Kachuee et al. 2018 (beats of one record on both
 * sides) and is for comparison only: it overstates accuracy on new patients. Loss is
 * class-weighted (`balanced`, capped at `maxClassWeight`).
 * With `rrFeatures` the network also sees four RR-interval features per beat (not in
 * the paper); without them it sees the beat alone, which leaves supraventricular beats
 * (S), told apart mostly by their timing, poorly recognised on new patients.
 * @example
 * const result = await trainAami({ dataDir: '../shared/data/mitdb', outDir: 'runs/aami' });
 * result.test.accuracy;
 */
export async function trainAami(
  options: Partial<AamiTrainingOptions> & Pick<AamiTrainingOptions, 'dataDir' | 'outDir'>,
): Promise<AamiRunResult> {
  const settings = { ...AAMI_TRAINING_DEFAULTS, ...options };
  const { logger } = settings;
  await initBackend({ logger });

  // The beat set: every annotated beat of the 44 non-paced records.
  const startMs = performance.now();
  const set = settings.beatSet ?? (await buildMitdbBeatSet(settings.dataDir, { logger }));
  const buildBeatsMs = performance.now() - startMs;
  logger.info(`mitdb: ${set.labels.length} beats from ${set.records.length} records`);

  // Split by record (DS1/DS2) or, for comparison only, at random.
  const split = splitBeats(set, settings.split, settings.testFraction, settings.seed);
  const held = holdOutByClass(
    split.trainIndex,
    set.labels,
    settings.validationFraction,
    deriveSeed(settings.seed, 'validation beats'),
  );
  const rr = settings.rrFeatures;
  const train = selectBeats(set, held.keep, rr);
  const validation =
    held.holdOut.length > 0 ? selectBeats(set, held.holdOut, rr) : undefined;
  const test = selectBeats(set, split.testIndex, rr);
  logger.info(
    `split ${split.name}: ${train.labels.length} training and ${held.holdOut.length} ` +
      `validation beats (${split.trainRecords.length} records), ` +
      `${test.labels.length} test beats (${split.testRecords.length} records)`,
  );

  // Train the network with a five-way softmax.
  const model = buildModel('kachuee-2018', {
    inputShape: [set.beatLengthSamples, 1],
    outputUnits: set.classNames.length,
    seed: settings.seed,
    extraFeatures: rr ? set.rrFeatureNames.length : 0,
  });
  const trainStartMs = performance.now();
  const training = await trainClassifier(model, train, {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    learningRate: settings.learningRate,
    seed: settings.seed,
    classWeighting: settings.classWeighting,
    maxClassWeight: settings.maxClassWeight,
    samplesPerEpoch: settings.samplesPerEpoch,
    validation,
    logger,
    onEpoch: settings.onEpoch,
    shouldStop: settings.shouldStop,
  });
  const trainMs = performance.now() - trainStartMs;

  // Evaluate on the held-out beats.
  const probabilities = predictProbabilities(
    model,
    test.inputs,
    set.beatLengthSamples,
    1,
    512,
    featuresOf(test),
  );
  const predicted = argmaxRows(probabilities, set.classNames.length);
  const metrics = computeMulticlassMetrics(test.labels, predicted, set.classNames);

  const result: AamiRunResult = {
    split: split.name,
    trainBeats: train.labels.length,
    testBeats: test.labels.length,
    trainRecords: split.trainRecords,
    testRecords: split.testRecords,
    test: metrics,
    validationBeats: held.holdOut.length,
    bestEpoch: training.bestEpoch,
    history: training.history,
    buildBeatsMs,
    trainMs,
  };
  await writeRunFolder(settings, result, training.classWeights);
  await saveModel(model, join(settings.outDir, 'model'));
  model.dispose();
  return result;
}

/** Splits the beat set by name. */
export function splitBeats(
  set: MitdbBeatSet,
  name: AamiSplitName,
  testFraction: number,
  seed: number,
): BeatSplit {
  if (name === 'de-chazal-2004') return splitDeChazal(set.recordIds);
  if (name === 'random-beats') return splitRandomBeats(set.recordIds, testFraction, seed);
  throw new ParameterError('split', "'de-chazal-2004' or 'random-beats'", name);
}

/**
 * The beats at `indices`, as training inputs.
 * @param withRr also carry each beat's RR features, for a model with a second input
 * @throws DatasetError when a chosen beat has an undefined RR feature (a one-beat record)
 */
export function selectBeats(
  set: MitdbBeatSet,
  indices: Int32Array,
  withRr = false,
): LabelledInputs {
  return {
    inputs: gatherRows(set.beats, set.beatLengthSamples, indices),
    lengthSamples: set.beatLengthSamples,
    channels: 1,
    labels: Int32Array.from(indices, (index) => set.labels[index]),
    classCount: set.classNames.length,
    ...(withRr ? rrRows(set, indices) : {}),
  };
}

function rrRows(
  set: MitdbBeatSet,
  indices: Int32Array,
): { features: Float32Array; featureCount: number } {
  const width = set.rrFeatureNames.length;
  const features = gatherRows(set.rrFeatures, width, indices);
  const bad = features.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) {
    throw new DatasetError(
      `mitdb record ${set.recordIds[indices[Math.floor(bad / width)]]}: RR features ` +
        'undefined (a record needs at least two beats to measure RR intervals)',
    );
  }
  return { features, featureCount: width };
}

async function writeRunFolder(
  settings: AamiTrainingOptions,
  result: AamiRunResult,
  classWeights: number[],
): Promise<void> {
  const config = {
    dataDir: settings.dataDir,
    outDir: settings.outDir,
    split: settings.split,
    testFraction: settings.testFraction,
    validationFraction: settings.validationFraction,
    seed: settings.seed,
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    learningRate: settings.learningRate,
    samplesPerEpoch: settings.samplesPerEpoch,
    classWeighting: settings.classWeighting,
    maxClassWeight: settings.maxClassWeight,
    rrFeatures: settings.rrFeatures,
  };
  const write = (name: string, value: unknown) =>
    writeFileAtomic(join(settings.outDir, name), `${JSON.stringify(value, null, 2)}\n`);
  const written = {
    task: 'aami',
    dataset: 'mitdb',
    model: 'kachuee-2018',
    ...config,
    classWeights,
    comparisonOnly: result.split === 'random-beats',
  };
  await write('config.json', written);
  await write('split.json', {
    name: result.split,
    trainRecords: result.trainRecords,
    testRecords: result.testRecords,
    trainBeats: result.trainBeats,
    validationBeats: result.validationBeats,
    testBeats: result.testBeats,
  });
  await write('history.json', result.history);
  await write('metrics.json', {
    split: result.split,
    comparisonOnly: result.split === 'random-beats',
    bestEpoch: result.bestEpoch,
    test: result.test,
    buildBeatsMs: result.buildBeatsMs,
    trainMs: result.trainMs,
  });
  await writeAamiReport(settings.outDir, {
    ...result,
    comparisonOnly: result.split === 'random-beats',
    config: written,
  });
}
