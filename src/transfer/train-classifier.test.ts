import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../data/random.js';
import { initBackend } from '../models/backend.js';
import { tfl, type LayersModel } from '../models/runtime.js';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import {
  computeClassWeights,
  predictProbabilities,
  trainClassifier,
  type LabelledInputs,
} from './train-classifier.js';
import { attachBinaryHead, convolutionalWeights } from './transfer-model.js';

const LENGTH = 32;

// Three classes of noisy shapes: a bump early, a bump late, a dip in the middle.
function syntheticInputs(count: number, seed: number): LabelledInputs {
  const random = createRandom(seed);
  const inputs = new Float32Array(count * LENGTH);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % 3;
    const centre = [8, 24, 16][label];
    const sign = label === 2 ? -1 : 1;
    for (let t = 0; t < LENGTH; t++) {
      const bump = sign * Math.exp(-((t - centre) ** 2) / 8);
      inputs[i * LENGTH + t] = bump + 0.3 * (random() - 0.5);
    }
    labels[i] = label;
  }
  return { inputs, lengthSamples: LENGTH, channels: 1, labels, classCount: 3 };
}

function tinyConvNet(units: number, seed: number): LayersModel {
  const input = tfl.input({ shape: [LENGTH, 1] });
  const init = (offset: number) =>
    tfl.initializers.glorotUniform({ seed: seed + offset });
  const conv = tfl.layers
    .conv1d({ filters: 4, kernelSize: 5, activation: 'relu', kernelInitializer: init(0) })
    .apply(input);
  const pooled = tfl.layers.maxPooling1d({ poolSize: 2 }).apply(conv);
  const flat = tfl.layers.flatten().apply(pooled);
  const out = tfl.layers
    .dense({
      units,
      activation: units === 1 ? 'sigmoid' : 'softmax',
      kernelInitializer: init(1),
    })
    .apply(flat) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: out });
}

describe('trainClassifier', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('lowers the softmax cross-entropy over 3 epochs (seed 1, 300 inputs)', async () => {
    const data = syntheticInputs(300, 1);
    const result = await trainClassifier(tinyConvNet(3, 1), data, {
      epochs: 3,
      batchSize: 32,
      learningRate: 0.01,
      seed: 1,
    });
    expect(result.history).toHaveLength(3);
    expect(result.history[2].trainLoss).toBeLessThan(result.history[0].trainLoss);
  });

  it('keeps the epoch with the lowest validation loss', async () => {
    const model = tinyConvNet(3, 2);
    const result = await trainClassifier(model, syntheticInputs(150, 2), {
      epochs: 3,
      batchSize: 32,
      learningRate: 0.01,
      seed: 2,
      validation: syntheticInputs(60, 3),
    });
    const losses = result.history.map((log) => log.valLoss ?? Infinity);
    expect(result.bestEpoch).toBe(losses.indexOf(Math.min(...losses)) + 1);
  });

  it('rejects a model whose output units do not match the classes', async () => {
    await expect(
      trainClassifier(tinyConvNet(4, 1), syntheticInputs(30, 1)),
    ).rejects.toThrow(/output units/);
  });
});

describe('attachBinaryHead', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('leaves the convolutional weights unchanged when frozen, and trains the head', async () => {
    const base = tinyConvNet(3, 5);
    const before = convolutionalWeights(base);
    const binary = attachBinaryHead(base, { freeze: 'conv', seed: 5 });
    expect(binary.outputs[0].shape).toEqual([null, 1]);
    // Only the new head's kernel and bias pairs are trainable.
    expect(
      binary.trainableWeights.map((w) => w.name).every((n) => n.startsWith('transfer_')),
    ).toBe(true);

    const data = syntheticInputs(120, 6);
    const binaryData = {
      ...data,
      labels: data.labels.map((l) => (l === 0 ? 1 : 0)),
      classCount: 2,
    };
    const result = await trainClassifier(binary, binaryData, {
      epochs: 2,
      batchSize: 32,
      learningRate: 0.01,
      seed: 5,
    });
    expect(result.history[1].trainLoss).toBeLessThan(result.history[0].trainLoss);
    const after = convolutionalWeights(binary);
    before.forEach((weight, i) =>
      expectAllClose(after[i].dataSync(), weight.dataSync(), { rtol: 0 }),
    );
  });

  it('fine-tunes every layer when nothing is frozen', () => {
    const binary = attachBinaryHead(tinyConvNet(3, 7), { freeze: 'none', seed: 7 });
    // conv kernel+bias, two new hidden kernel+bias pairs, new output kernel+bias.
    expect(binary.trainableWeights).toHaveLength(8);
  });
});

describe('computeClassWeights', () => {
  it('gives n / (K n_c) capped at the maximum, and 0 to an empty class', () => {
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 2]);
    expectAllClose(computeClassWeights(labels, 4, 'balanced', 2), [9 / 24, 9 / 8, 2, 0], {
      rtol: 1e-15,
    });
    expect(computeClassWeights(labels, 4, 'none', 2)).toEqual([1, 1, 1, 1]);
  });
});

describe('predictProbabilities', () => {
  it('returns one row of class probabilities per input, each summing to 1', async () => {
    await initBackend();
    const data = syntheticInputs(10, 9);
    const probabilities = predictProbabilities(
      tinyConvNet(3, 9),
      data.inputs,
      LENGTH,
      1,
      4,
    );
    expect(probabilities).toHaveLength(30);
    const sums = Array.from(
      { length: 10 },
      (_, r) =>
        probabilities[3 * r] + probabilities[3 * r + 1] + probabilities[3 * r + 2],
    );
    expectAllClose(sums, new Array(10).fill(1), { atol: 1e-5 });
  });
});
