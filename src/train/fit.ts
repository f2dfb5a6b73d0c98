/**
 * The training loop: sigmoid output with binary cross-entropy, Adam, optional class
 * weights, a cosine learning-rate schedule, early stopping and best-checkpoint restore.
 */
import {
  evaluationBatches,
  trainingBatches,
  type PipelineItem,
  type RecordStore,
} from '../data/batches.js';
import { aggregateProbabilities, type Aggregation } from '../data/aggregate.js';
import type { LeadStatistics } from '../data/preprocess.js';
import { createRandom, deriveSeed } from '../data/random.js';
import { tf, type LayersModel, type Tensor } from '../models/runtime.js';
import { confusionAt, rocAuc, thresholdMetrics } from './metrics.js';

/** One line of history.json. */
export interface EpochSummary {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  valLoss: number;
  valAuc: number;
  valAccuracy: number;
  learningRate: number;
  epochMs: number;
}

/** Which validation quantity picks the best epoch. */
export type Monitor = 'valLoss' | 'valAuc';

export interface FitOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Weight of each class in the loss: [negative, positive]; [1, 1] for none. */
  classWeights: [number, number];
  /** 'cosine' decays to 5% of `learningRate` over the epochs; 'constant' keeps it. */
  schedule: 'cosine' | 'constant';
  /** Epochs without improvement of `monitor` before stopping; 0 never stops early. */
  patience: number;
  monitor: Monitor;
  cropsPerRecord: number;
  windowSamples: number;
  strideSamples: number;
  aggregation: Aggregation;
  seed: number;
  /** Called after each epoch (the command line prints one line). */
  onEpoch?: (record: EpochSummary) => void;
  /** Polled after every batch; returning true stops after the current batch. */
  shouldStop?: () => boolean;
}

export const FIT_DEFAULTS = {
  epochs: 40,
  batchSize: 32,
  learningRate: 1e-3,
  classWeights: [1, 1] as [number, number],
  schedule: 'cosine' as const,
  patience: 10,
  monitor: 'valLoss' as Monitor,
  cropsPerRecord: 4,
  aggregation: 'mean' as Aggregation,
};

export interface FitResult {
  history: EpochSummary[];
  bestEpoch: number;
  /** True when `shouldStop` ended training before the planned epochs. */
  interrupted: boolean;
  stoppedEarly: boolean;
}

/** Window-level and record-level probabilities of a model on some items. */
export interface Predictions {
  windowRecordIds: string[];
  windowProbabilities: Float32Array;
  windowLabels: Float32Array;
  /** One per item, in item order. */
  recordProbabilities: number[];
}

const EPSILON = 1e-7;

/** Per-sample binary cross-entropy on probabilities, clipped to [eps, 1 - eps]. */
function binaryCrossEntropy(probabilities: Tensor, labels: Tensor): Tensor {
  const p = tf.clipByValue(probabilities, EPSILON, 1 - EPSILON);
  const positive = tf.mul(labels, tf.log(p));
  const negative = tf.mul(tf.sub(1, labels), tf.log(tf.sub(1, p)));
  return tf.neg(tf.add(positive, negative));
}

/** The learning rate of an epoch (0-based) under the schedule. */
export function learningRateAt(
  options: Pick<FitOptions, 'learningRate' | 'schedule' | 'epochs'>,
  epoch: number,
): number {
  if (options.schedule === 'constant' || options.epochs <= 1) return options.learningRate;
  const floor = 0.05 * options.learningRate;
  const progress = epoch / (options.epochs - 1);
  return (
    floor + (options.learningRate - floor) * 0.5 * (1 + Math.cos(Math.PI * progress))
  );
}

/**
 * Predicts every sliding window of the items and aggregates them per record.
 * @remarks Runs in inference mode (batch normalisation uses its moving statistics).
 */
export async function predictItems(
  model: LayersModel,
  store: RecordStore,
  items: readonly PipelineItem[],
  shape: {
    windowSamples: number;
    strideSamples: number;
    batchSize: number;
    stats: LeadStatistics;
    aggregation: Aggregation;
  },
): Promise<Predictions> {
  const leadCount = shape.stats.mean.length;
  const probabilities: number[] = [];
  const labels: number[] = [];
  const windowRecordIds: string[] = [];
  for await (const batch of evaluationBatches(store, items, shape)) {
    const values = tf.tidy(() => {
      const x = tf.tensor3d(batch.inputs, [batch.size, shape.windowSamples, leadCount]);
      return tf.reshape(model.predict(x) as Tensor, [batch.size]);
    });
    const data = await values.data();
    values.dispose();
    for (let index = 0; index < batch.size; index++) {
      probabilities.push(data[index]);
      labels.push(batch.labels[index]);
      windowRecordIds.push(items[batch.itemIndices[index]].recordId);
    }
  }
  const byRecord = aggregateProbabilities(
    windowRecordIds,
    probabilities,
    shape.aggregation,
  );
  return {
    windowRecordIds,
    windowProbabilities: Float32Array.from(probabilities),
    windowLabels: Float32Array.from(labels),
    recordProbabilities: items.map((item) => byRecord.get(item.recordId) as number),
  };
}

/** Mean binary cross-entropy of window probabilities (unweighted). */
function meanLoss(labels: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < labels.length; index++) {
    const p = Math.min(Math.max(probabilities[index], EPSILON), 1 - EPSILON);
    sum -= labels[index] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}

/**
 * Trains a compiled-free tfjs model on random crops and validates on sliding windows.
 * @param model a network with a single sigmoid output unit, input [windowSamples, leads]
 * @returns the per-epoch history; the model holds the weights of the best epoch
 * @remarks
 * Loss: mean over the batch of w_y * BCE(p, y) with w = `classWeights`. Each epoch
 * draws `cropsPerRecord` random crops per training record in a seeded order, then
 * predicts every sliding window of the validation records (window-mean per record).
 * `valLoss` is the window-level BCE; `valAuc` and `valAccuracy` (threshold 0.5) are
 * record level. The best epoch is the one with the lowest `valLoss` by default: with
 * few validation positives (PTB-XL fold 9 holds 7 MI records of the sample) the AUC
 * moves in steps of 1/(P N) and picks epochs by chance; `monitor: 'valAuc'` is there
 * for larger validation sets. Training stops after `patience` epochs without
 * improvement, and the best epoch's weights are restored.
 *
 * Limitations: dropout and weight initialisers draw from tfjs's global generator; the
 * network builder seeds its initialisers, but two runs with the same seed match
 * exactly only on the same backend.
 */
export async function fitModel(
  model: LayersModel,
  store: RecordStore,
  data: {
    train: readonly PipelineItem[];
    validation: readonly PipelineItem[];
    stats: LeadStatistics;
  },
  options: FitOptions,
): Promise<FitResult> {
  const leadCount = data.stats.mean.length;
  const optimizer = tf.train.adam(options.learningRate);
  const random = createRandom(deriveSeed(options.seed, 'training crops'));
  const history: EpochSummary[] = [];
  let best: { epoch: number; score: number; weights: Tensor[] } | undefined;
  let interrupted = false;
  let stoppedEarly = false;

  for (let epoch = 0; epoch < options.epochs && !interrupted; epoch++) {
    const started = performance.now();
    const learningRate = learningRateAt(options, epoch);
    (optimizer as unknown as { learningRate: number }).learningRate = learningRate;

    // One pass over random crops of the training records.
    let lossSum = 0;
    let correct = 0;
    let seen = 0;
    const batches = trainingBatches(store, data.train, {
      windowSamples: options.windowSamples,
      batchSize: options.batchSize,
      stats: data.stats,
      cropsPerRecord: options.cropsPerRecord,
      random,
    });
    for await (const batch of batches) {
      const [lossValue, hits] = tf.tidy(() => {
        const x = tf.tensor3d(batch.inputs, [
          batch.size,
          options.windowSamples,
          leadCount,
        ]);
        const y = tf.tensor1d(batch.labels);
        const weights = tf.add(
          tf.mul(y, options.classWeights[1] - options.classWeights[0]),
          options.classWeights[0],
        );
        let agree: Tensor | undefined;
        const loss = optimizer.minimize(() => {
          const output = model.apply(x, { training: true }) as Tensor;
          const probabilities = tf.reshape(output, [batch.size]);
          const predicted = tf.cast(tf.greaterEqual(probabilities, 0.5), 'float32');
          agree = tf.keep(tf.sum(tf.cast(tf.equal(predicted, y), 'float32')));
          return tf.mean(
            tf.mul(weights, binaryCrossEntropy(probabilities, y)),
          ) as tf.Scalar;
        }, true) as tf.Scalar;
        const hits = (agree as Tensor).dataSync()[0];
        (agree as Tensor).dispose();
        return [loss.dataSync()[0], hits];
      });
      lossSum += lossValue * batch.size;
      correct += hits;
      seen += batch.size;
      // Let signal handlers (Ctrl-C) run: batches otherwise chain through microtasks only.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.shouldStop?.()) {
        interrupted = true;
        break;
      }
    }
    if (interrupted && seen < data.train.length * options.cropsPerRecord) break;

    // Validation on sliding windows, record-level AUC.
    const predictions = await predictItems(model, store, data.validation, {
      ...options,
      stats: data.stats,
    });
    const recordLabels = data.validation.map((item) => item.label);
    const valAuc = rocAuc(recordLabels, predictions.recordProbabilities);
    const record: EpochSummary = {
      epoch: epoch + 1,
      trainLoss: lossSum / seen,
      trainAccuracy: correct / seen,
      valLoss: meanLoss(predictions.windowLabels, predictions.windowProbabilities),
      valAuc,
      valAccuracy: thresholdMetrics(
        confusionAt(recordLabels, predictions.recordProbabilities, 0.5),
      ).accuracy,
      learningRate,
      epochMs: Math.round(performance.now() - started),
    };
    history.push(record);
    options.onEpoch?.(record);

    // Keep the best epoch's weights; stop after `patience` epochs without progress.
    const score = options.monitor === 'valAuc' ? -record.valAuc : record.valLoss;
    if (
      best === undefined ||
      score < best.score ||
      (Number.isNaN(best.score) && !Number.isNaN(score))
    ) {
      best?.weights.forEach((tensor) => tensor.dispose());
      best = {
        epoch: epoch + 1,
        score,
        weights: model.getWeights().map((w) => w.clone()),
      };
    } else if (options.patience > 0 && epoch + 1 - best.epoch >= options.patience) {
      stoppedEarly = true;
      break;
    }
  }

  if (best) {
    model.setWeights(best.weights);
    best.weights.forEach((tensor) => tensor.dispose());
  }
  optimizer.dispose();
  return { history, bestEpoch: best?.epoch ?? 0, interrupted, stoppedEarly };
}
