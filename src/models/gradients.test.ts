import { describe, it } from 'vitest';
import { expectAllClose } from '../util/test-helpers/expect-close.js';
import { initBackend, type BackendName } from './backend.js';
import { buildModel, MODEL_NAMES } from './registry.js';
import { tf, type LayersModel } from './runtime.js';
import { seededValues } from './test-helpers/backends.js';
import { SMALL_MODELS } from './test-helpers/small-models.js';

// Whole-model float32 gradients through batch norm and up to ~20 layers: wasm (with
// cardiokit's kernels) and the pure-JS cpu backend agree to a few 1e-6 in practice.
const TOLERANCE = { rtol: 1e-3, atol: 2e-5 };
const BATCH = 4;

async function lossGradients(backend: BackendName, model: LayersModel, x: Float32Array) {
  await initBackend({ backend });
  const inputShape = [BATCH, ...(model.inputs[0].shape.slice(1) as number[])];
  const xs = tf.tensor(x, inputShape);
  const labels = tf.tensor2d([0, 1, 1, 0], [BATCH, 1]);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(() => {
    const predictions = model.apply(xs, { training: true }) as tf.Tensor;
    return tf.losses.logLoss(labels, predictions);
  }, variables);
  const result = {
    loss: value.dataSync()[0],
    gradients: variables.map((v) => grads[v.name].dataSync().slice() as Float32Array),
  };
  tf.dispose([xs, labels, value, ...Object.values(grads)]);
  return result;
}

describe('whole-model gradients on wasm', () => {
  for (const name of MODEL_NAMES) {
    it(`match the cpu backend for a small ${name}`, async () => {
      await initBackend();
      const options = SMALL_MODELS[name];
      const model = buildModel(name, { ...options, seed: 8 });
      const size = BATCH * options.inputShape.reduce((a, b) => a * b, 1);
      const x = seededValues(size, 21, -2, 2);
      const wasm = await lossGradients('wasm', model, x);
      const cpu = await lossGradients('cpu', model, x);
      await initBackend();
      expectAllClose([wasm.loss], [cpu.loss], TOLERANCE);
      wasm.gradients.forEach((gradient, index) => {
        try {
          expectAllClose(gradient, cpu.gradients[index], TOLERANCE);
        } catch (error) {
          throw new Error(
            `${model.trainableWeights[index].name}: ${(error as Error).message}`,
          );
        }
      });
    });
  }
});
