/**
 * Test helpers: run the same tfjs computation on the wasm backend (with cardiokit's
 * kernels) and on the pure-JS cpu backend, and return plain arrays to compare.
 */
import { initBackend, type BackendName } from '../backend.js';
import { tf } from '../runtime.js';

/** Seeded uniform values in [low, high), reproducible across runs (mulberry32). */
export function seededValues(
  count: number,
  seed: number,
  low = -1,
  high = 1,
): Float32Array {
  let state = seed >>> 0;
  const values = new Float32Array(count);
  for (let index = 0; index < count; index++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    values[index] = low + (high - low) * unit;
  }
  return values;
}

/** An input given as shape and values, so that each backend builds its own tensor. */
export interface InputSpec {
  shape: number[];
  values: Float32Array;
}

/**
 * Runs `f` on tensors made from `inputs` on `backend` and returns the gradients of
 * sum(f(...)) * weights with respect to each input, as Float32Arrays. The fixed
 * weights make every output element matter with a different sign and size.
 */
export async function gradientsOn(
  backend: BackendName,
  inputs: InputSpec[],
  f: (...tensors: tf.Tensor[]) => tf.Tensor,
): Promise<{ value: Float32Array; gradients: Float32Array[] }> {
  await initBackend({ backend });
  const tensors = inputs.map((input) => tf.tensor(input.values, input.shape));
  const forward = f(...tensors);
  const weights = tf.tensor(seededValues(forward.size, 99), forward.shape);
  const value = forward.dataSync().slice() as Float32Array;
  forward.dispose();
  const gradient = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), weights)));
  const results = gradient(tensors);
  const gradients = results.map((result) => result.dataSync().slice() as Float32Array);
  tf.dispose([...tensors, ...results, weights]);
  return { value, gradients };
}
