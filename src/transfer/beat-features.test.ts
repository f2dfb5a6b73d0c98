import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../data/random.js';
import { initBackend } from '../models/backend.js';
import { buildKachuee2018 } from '../models/networks/kachuee-2018.js';
import { argmaxRows } from './multiclass-metrics.js';
import {
  featuresOf,
  predictProbabilities,
  trainClassifier,
  type LabelledInputs,
} from './train-classifier.js';
import { attachBinaryHead } from './transfer-model.js';

const LENGTH = 32;

// Signals of pure noise; the class (0 or 1) shows only in the first of two features,
// as a premature beat shows in its short pre-RR interval.
function featureOnlyInputs(count: number, seed: number): LabelledInputs {
  const random = createRandom(seed);
  const inputs = Float32Array.from({ length: count * LENGTH }, () => random());
  const labels = Int32Array.from({ length: count }, (_, i) => i % 2);
  const features = new Float32Array(count * 2);
  labels.forEach((label, i) => {
    features[2 * i] = label === 1 ? 0.4 + 0.1 * random() : 0.9 + 0.1 * random();
    features[2 * i + 1] = random();
  });
  return {
    inputs,
    lengthSamples: LENGTH,
    channels: 1,
    labels,
    classCount: 2,
    features,
    featureCount: 2,
  };
}

const smallNet = (extraFeatures: number) =>
  buildKachuee2018({
    inputShape: [LENGTH, 1],
    outputUnits: 2,
    seed: 4,
    blocks: 1,
    filters: 4,
    denseUnits: 8,
    extraFeatures,
  });

describe('a network with a second input of per-beat features', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('learns a class that only the features carry (seed 4, 256 inputs)', async () => {
    const model = smallNet(2);
    expect(model.inputs.map((input) => input.shape)).toEqual([
      [null, LENGTH, 1],
      [null, 2],
    ]);
    const data = featureOnlyInputs(256, 4);
    await trainClassifier(model, data, {
      epochs: 15,
      batchSize: 32,
      learningRate: 0.01,
      seed: 4,
    });
    const test = featureOnlyInputs(100, 5);
    const probabilities = predictProbabilities(
      model,
      test.inputs,
      LENGTH,
      1,
      64,
      featuresOf(test),
    );
    const predicted = argmaxRows(probabilities, 2);
    const correct = predicted.filter((p, i) => p === test.labels[i]).length;
    // Noise alone gives about 50%; the features separate the classes completely.
    expect(correct).toBeGreaterThanOrEqual(90);
  });

  it('names the features when they are missing or of the wrong width', async () => {
    const data = featureOnlyInputs(20, 6);
    const signalsOnly = { ...data, features: undefined, featureCount: undefined };
    await expect(trainClassifier(smallNet(2), signalsOnly)).rejects.toThrow(
      /features.*second input/,
    );
    await expect(trainClassifier(smallNet(3), data)).rejects.toThrow(
      /features.*3 per input/,
    );
    await expect(trainClassifier(smallNet(0), data)).rejects.toThrow(/one input/);
  });

  it('keeps only the signal input when a new head replaces the old one', () => {
    const binary = attachBinaryHead(smallNet(2), { freeze: 'conv', seed: 1 });
    expect(binary.inputs).toHaveLength(1);
    const data = featureOnlyInputs(4, 7);
    expect(predictProbabilities(binary, data.inputs, LENGTH, 1)).toHaveLength(4);
  });
});
