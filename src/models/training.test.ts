import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { compileModel } from './compile.js';
import { buildModel, MODEL_NAMES } from './registry.js';
import { tf } from './runtime.js';
import { seededValues } from './test-helpers/backends.js';
import { SMALL_MODELS } from './test-helpers/small-models.js';

describe('buildModel', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('gives identical weights for the same seed and different ones for another seed', () => {
    const options = { inputShape: [48, 2], filters: 8 };
    const weightsOf = (seed: number) =>
      buildModel('resnet1d-wang-2017', { ...options, seed })
        .getWeights()
        .map((w) => Array.from(w.dataSync()));
    const first = weightsOf(5);
    expect(weightsOf(5)).toEqual(first);
    expect(weightsOf(6)).not.toEqual(first);
  });

  it('rejects an unknown name and a 1-D input shape of the wrong rank, naming the fix', () => {
    expect(() => buildModel('resnet-9000', { inputShape: [10, 1] })).toThrow(
      /must be one of/,
    );
    expect(() => buildModel('kachuee-2018', { inputShape: [187] })).toThrow(
      /\[samples, leads\]/,
    );
    expect(() => buildModel('kachuee-2018', { inputShape: [100, 1] })).toThrow(
      /at least 125/,
    );
  });

  it('ends in one sigmoid unit by default and in n softmax units when asked', () => {
    for (const name of MODEL_NAMES) {
      const binary = buildModel(name, { ...SMALL_MODELS[name], seed: 0 });
      const last = binary.layers[binary.layers.length - 1].getConfig();
      expect([name, last.activation, last.units]).toEqual([name, 'sigmoid', 1]);
    }
    const multi = buildModel('fcn1d-wang-2017', {
      inputShape: [64, 1],
      outputUnits: 5,
      seed: 0,
    });
    const last = multi.layers[multi.layers.length - 1].getConfig();
    expect([last.activation, last.units]).toEqual(['softmax', 5]);
  });
});

describe('training on wasm', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('lowers the loss of kachuee-2018 in 15 Adam steps on a fixed seed (separable toy task)', async () => {
    // Class 1 windows carry a positive bump in their middle; class 0 windows do not.
    const count = 32;
    const samples = 187;
    const noise = seededValues(count * samples, 11, -0.5, 0.5);
    const labels = new Float32Array(count).map((_, i) => i % 2);
    for (let i = 0; i < count; i++) {
      if (labels[i] === 1) for (let s = 80; s < 110; s++) noise[i * samples + s] += 1.5;
    }
    const x = tf.tensor3d(noise, [count, samples, 1]);
    const y = tf.tensor2d(labels, [count, 1]);
    const model = buildModel('kachuee-2018', {
      inputShape: [samples, 1],
      seed: 4,
      filters: 8,
    });
    compileModel(model, { learningRate: 3e-3 });
    const lossBefore = (model.evaluate(x, y) as tf.Scalar).dataSync()[0];
    const history = await model.fit(x, y, {
      epochs: 15,
      batchSize: count,
      shuffle: false,
      verbose: 0,
    });
    const lossAfter = (model.evaluate(x, y) as tf.Scalar).dataSync()[0];
    const losses = history.history.loss as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(lossAfter).toBeLessThan(0.5 * lossBefore);
    tf.dispose([x, y]);
  });
});
