import { createRandom, deriveSeed, shuffled } from '../data/random.js';
import { tf, type LayersModel } from '../models/runtime.js';
import { InterruptedError, ParameterError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';

/** Fixed-length inputs with one integer class label each, held in memory. */
export interface LabelledInputs {
  /** Row-major `count x lengthSamples x channels` values. */
  inputs: Float32Array;
  lengthSamples: number;
  channels: number;
  /** Class index per input: 0 to `classCount - 1`; for a sigmoid output, 0 or 1. */
  labels: Int32Array;
  classCount: number;
  /**
   * Row-major `count x featureCount` per-input features for a model with a second input
   * (for example RR intervals); absent for a one-input model.
   */
  features?: Float32Array;
  featureCount?: number;
}

/**
 * How rare classes are weighted in the loss. `'balanced'`: class `c` gets weight
 * `n / (K n_c)` (n inputs, K classes, n_c inputs of class c), capped at
 * `maxClassWeight`; `'none'`: every input weighs 1.
 */
export type ClassWeighting = 'balanced' | 'none';

/** One line of the training log. */
export interface ClassifierEpochLog {
  epoch: number;
  /** Mean class-weighted training loss over the epoch's batches. */
  trainLoss: number;
  /** Loss on the validation inputs (weighted with the training class weights). */
  valLoss: number | undefined;
  epochMs: number;
  samplesPerSec: number;
}

/** Options of {@link trainClassifier}. */
export interface ClassifierTrainingOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  classWeighting: ClassWeighting;
  maxClassWeight: number;
  /** Inputs drawn (without replacement, anew each epoch) per epoch; all when undefined. */
  samplesPerEpoch: number | undefined;
  /** Inputs whose loss picks the best epoch; without them the last epoch is kept. */
  validation: LabelledInputs | undefined;
  logger: Logger;
  onEpoch?: (log: ClassifierEpochLog) => void;
  /** Checked after each batch; true stops training with an InterruptedError. */
  shouldStop?: () => boolean;
}

/** Defaults of {@link trainClassifier}. */
export const CLASSIFIER_TRAINING_DEFAULTS: ClassifierTrainingOptions = {
  epochs: 10,
  batchSize: 128,
  learningRate: 1e-3,
  seed: 0,
  classWeighting: 'balanced',
  maxClassWeight: 20,
  samplesPerEpoch: undefined,
  validation: undefined,
  logger: silentLogger,
};

/** Wall-clock time between progress lines within an epoch. */
const PROGRESS_INTERVAL_MS = 30_000;

/** What {@link trainClassifier} returns. */
export interface ClassifierTrainingResult {
  history: ClassifierEpochLog[];
  /** 1-based epoch whose weights the model holds at the end. */
  bestEpoch: number;
  classWeights: number[];
}

/**
 * Trains a classifier with Adam on inputs held in memory: softmax output with
 * categorical cross-entropy, or a one-unit sigmoid output with binary cross-entropy.
 * @param model a tfjs layers model whose output has `classCount` units (softmax) or one
 * unit (sigmoid, `classCount` 2); layers with `trainable = false` stay fixed
 * @param data training inputs and labels
 * @param options see {@link CLASSIFIER_TRAINING_DEFAULTS}
 * @returns the per-epoch log, the epoch kept and the class weights used
 * @throws ParameterError when shapes disagree; InterruptedError when `shouldStop` says so
 * @remarks The loss of a batch is the class-weighted mean of the per-input
 * cross-entropies (probabilities clipped to [1e-7, 1 - 1e-7]). Batches are shuffled with
 * a generator seeded by `seed`; weight initialisation is the model builder's. With
 * `validation`, the weights of the epoch with the lowest validation loss are restored;
 * that loss weighs each input with its class's training weight, so that with balanced
 * weights the rare classes count in the choice as much as they do in training.
 */
export async function trainClassifier(
  model: LayersModel,
  data: LabelledInputs,
  options: Partial<ClassifierTrainingOptions> = {},
): Promise<ClassifierTrainingResult> {
  const settings = { ...CLASSIFIER_TRAINING_DEFAULTS, ...options };
  const outputUnits = checkShapes(model, data);
  const classWeights = computeClassWeights(
    data.labels,
    data.classCount,
    settings.classWeighting,
    settings.maxClassWeight,
  );

  const optimizer = tf.train.adam(settings.learningRate);
  const variables = model.trainableWeights.map((weight) => weight.read() as tf.Variable);
  const random = createRandom(deriveSeed(settings.seed, 'batches'));
  const allIndices = [...data.labels.keys()];
  const history: ClassifierEpochLog[] = [];
  let best = { epoch: 0, valLoss: Infinity, weights: [] as tf.Tensor[] };

  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    const startMs = performance.now();
    const order = shuffled(allIndices, random).slice(0, settings.samplesPerEpoch);

    // One optimiser step per batch on the class-weighted cross-entropy.
    let lossSum = 0;
    let batches = 0;
    let lastProgressMs = performance.now();
    for (let from = 0; from < order.length; from += settings.batchSize) {
      const batch = order.slice(from, from + settings.batchSize);
      const loss = tf.tidy(() => {
        const xs = gatherInputs(data, batch);
        const ys = tf.tensor1d(
          batch.map((i) => data.labels[i]),
          'int32',
        );
        const ws = tf.tensor1d(batch.map((i) => classWeights[data.labels[i]]));
        const cost = optimizer.minimize(
          () =>
            weightedCrossEntropy(
              model.apply(xs, { training: true }) as tf.Tensor,
              ys,
              ws,
              outputUnits,
            ),
          true,
          variables,
        );
        return cost as tf.Scalar;
      });
      lossSum += (await loss.data())[0];
      loss.dispose();
      batches += 1;
      if (performance.now() - lastProgressMs > PROGRESS_INTERVAL_MS) {
        lastProgressMs = performance.now();
        settings.logger.info(
          `epoch ${epoch}: ${Math.min(from + settings.batchSize, order.length)}/` +
            `${order.length} inputs, trainLoss=${(lossSum / batches).toFixed(4)}`,
        );
      }
      if (settings.shouldStop?.())
        throw new InterruptedError(`training stopped in epoch ${epoch}`);
    }

    // Validation loss (with the training class weights) picks the epoch kept.
    const valLoss = settings.validation
      ? evaluateLoss(model, settings.validation, outputUnits, classWeights)
      : undefined;
    const epochMs = performance.now() - startMs;
    const log: ClassifierEpochLog = {
      epoch,
      trainLoss: lossSum / Math.max(batches, 1),
      valLoss,
      epochMs,
      samplesPerSec: (order.length / epochMs) * 1000,
    };
    history.push(log);
    settings.onEpoch?.(log);
    settings.logger.info(formatEpoch(log));
    if (valLoss !== undefined && valLoss < best.valLoss) {
      best.weights.forEach((w) => w.dispose());
      best = { epoch, valLoss, weights: model.getWeights().map((w) => w.clone()) };
    }
  }

  optimizer.dispose();
  if (best.epoch > 0) {
    model.setWeights(best.weights);
    best.weights.forEach((w) => w.dispose());
  }
  return {
    history,
    bestEpoch: best.epoch > 0 ? best.epoch : settings.epochs,
    classWeights,
  };
}

/**
 * Runs the model on inputs in batches.
 * @param features per-input features for a model with a second input
 * @returns row-major `count x outputUnits` probabilities
 */
export function predictProbabilities(
  model: LayersModel,
  inputs: Float32Array,
  lengthSamples: number,
  channels: number,
  batchSize = 512,
  features?: { values: Float32Array; count: number },
): Float32Array {
  const count = inputs.length / (lengthSamples * channels);
  const units = outputUnitsOf(model);
  const result = new Float32Array(count * units);
  for (let from = 0; from < count; from += batchSize) {
    const to = Math.min(count, from + batchSize);
    const values = tf.tidy(() => {
      const slice = inputs.subarray(
        from * lengthSamples * channels,
        to * lengthSamples * channels,
      );
      const xs = tf.tensor3d(slice, [to - from, lengthSamples, channels]);
      if (features === undefined) return (model.predict(xs) as tf.Tensor).dataSync();
      const width = features.count;
      const fs = tf.tensor2d(features.values.subarray(from * width, to * width), [
        to - from,
        width,
      ]);
      return (model.predict([xs, fs]) as tf.Tensor).dataSync();
    });
    result.set(values, from * units);
  }
  return result;
}

/**
 * Class weights for the loss: `n / (K n_c)` capped at `maxClassWeight`, or all 1.
 * A class without inputs gets weight 0 (it never appears in a batch).
 */
export function computeClassWeights(
  labels: Int32Array,
  classCount: number,
  weighting: ClassWeighting,
  maxClassWeight: number,
): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (const label of labels) counts[label] += 1;
  if (weighting === 'none') return counts.map(() => 1);
  return counts.map((count) =>
    count === 0 ? 0 : Math.min(maxClassWeight, labels.length / (classCount * count)),
  );
}

function weightedCrossEntropy(
  probabilities: tf.Tensor,
  labels: tf.Tensor1D,
  weights: tf.Tensor1D,
  outputUnits: number,
): tf.Scalar {
  const epsilon = 1e-7;
  const clipped = tf.clipByValue(probabilities, epsilon, 1 - epsilon);
  let perInput: tf.Tensor;
  if (outputUnits === 1) {
    const y = tf.reshape(tf.cast(labels, 'float32'), [-1, 1]);
    const logP = tf.log(clipped);
    const log1mP = tf.log(tf.sub(1, clipped));
    const logLikelihood = tf.add(tf.mul(y, logP), tf.mul(tf.sub(1, y), log1mP));
    perInput = tf.reshape(tf.neg(logLikelihood), [-1]);
  } else {
    const oneHot = tf.oneHot(labels, outputUnits);
    perInput = tf.neg(tf.sum(tf.mul(oneHot, tf.log(clipped)), 1));
  }
  return tf.div(tf.sum(tf.mul(perInput, weights)), tf.sum(weights)) as tf.Scalar;
}

function evaluateLoss(
  model: LayersModel,
  data: LabelledInputs,
  outputUnits: number,
  classWeights: readonly number[],
): number {
  const probabilities = predictProbabilities(
    model,
    data.inputs,
    data.lengthSamples,
    data.channels,
    512,
    featuresOf(data),
  );
  const loss = tf.tidy(() => {
    const p = tf.tensor2d(probabilities, [data.labels.length, outputUnits]);
    const weights = tf.tensor1d(Array.from(data.labels, (label) => classWeights[label]));
    return weightedCrossEntropy(
      p,
      tf.tensor1d(data.labels, 'int32'),
      weights,
      outputUnits,
    );
  });
  const value = loss.dataSync()[0];
  loss.dispose();
  return value;
}

/** The batch's inputs: the signals, and the features when the data carry some. */
function gatherInputs(data: LabelledInputs, batch: number[]): tf.Tensor | tf.Tensor[] {
  const size = data.lengthSamples * data.channels;
  const values = gatherRows(data.inputs, size, batch);
  const xs = tf.tensor3d(values, [batch.length, data.lengthSamples, data.channels]);
  if (data.features === undefined) return xs;
  const width = data.featureCount ?? 0;
  const features = gatherRows(data.features, width, batch);
  return [xs, tf.tensor2d(features, [batch.length, width])];
}

/**
 * Copies rows of a row-major table into a new table, in the order given.
 * @param table row-major values, `width` per row
 * @param width values per row
 * @param rows 0-based row indices
 * @returns row-major `rows.length x width` values
 */
export function gatherRows(
  table: Float32Array,
  width: number,
  rows: ArrayLike<number>,
): Float32Array {
  const result = new Float32Array(rows.length * width);
  for (let row = 0; row < rows.length; row++) {
    const index = rows[row];
    result.set(table.subarray(index * width, (index + 1) * width), row * width);
  }
  return result;
}

/** The features of `data` in the form {@link predictProbabilities} takes. */
export function featuresOf(
  data: LabelledInputs,
): { values: Float32Array; count: number } | undefined {
  return data.features === undefined
    ? undefined
    : { values: data.features, count: data.featureCount ?? 0 };
}

function outputUnitsOf(model: LayersModel): number {
  const shape = model.outputs[0].shape;
  return shape[shape.length - 1] ?? 1;
}

function checkShapes(model: LayersModel, data: LabelledInputs): number {
  const units = outputUnitsOf(model);
  const expectedUnits = data.classCount === 2 && units === 1 ? 1 : data.classCount;
  if (units !== expectedUnits) {
    throw new ParameterError(
      'model output units',
      `${data.classCount} (softmax) or 1 (sigmoid, 2 classes)`,
      units,
    );
  }
  const wantsFeatures = model.inputs.length > 1;
  if (wantsFeatures !== (data.features !== undefined)) {
    throw new ParameterError(
      'features',
      wantsFeatures
        ? `per-input features for the model's second input '${model.inputs[1].name}'`
        : 'none: the model has one input',
      data.features === undefined ? 'none' : `${data.featureCount} per input`,
    );
  }
  if (data.features !== undefined) {
    const width = model.inputs[1].shape[1];
    if (
      data.featureCount !== width ||
      data.features.length !== data.labels.length * width
    ) {
      throw new ParameterError(
        'features',
        `${width} per input (${data.labels.length * (width ?? 0)} values)`,
        `${data.featureCount} per input (${data.features.length} values)`,
      );
    }
  }
  const perInput = data.lengthSamples * data.channels;
  if (data.inputs.length !== data.labels.length * perInput) {
    throw new ParameterError(
      'inputs.length',
      `labels.length x ${data.lengthSamples} x ${data.channels} = ${data.labels.length * perInput}`,
      data.inputs.length,
    );
  }
  return units;
}

function formatEpoch(log: ClassifierEpochLog): string {
  const val = log.valLoss === undefined ? '' : ` valLoss=${log.valLoss.toFixed(4)}`;
  return (
    `epoch ${log.epoch} trainLoss=${log.trainLoss.toFixed(4)}${val} ` +
    `epochMs=${Math.round(log.epochMs)} samplesPerSec=${Math.round(log.samplesPerSec)}`
  );
}
