import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { tf } from '../runtime.js';
import { seededValues } from '../test-helpers/backends.js';

async function tileOn(
  backend: 'wasm' | 'cpu',
  values: Float32Array | Int32Array | Uint8Array,
  shape: number[],
  dtype: 'float32' | 'int32' | 'bool',
  reps: number[],
): Promise<number[]> {
  await initBackend({ backend });
  const x = tf.tensor(values, shape, dtype);
  const tiled = tf.tile(x, reps);
  const result = Array.from(tiled.dataSync());
  tf.dispose([x, tiled]);
  return result;
}

const CASES: { shape: number[]; reps: number[] }[] = [
  { shape: [1, 1, 1, 5], reps: [3, 1, 4, 1] }, // batch norm's per-channel vector
  { shape: [2, 3], reps: [2, 3] },
  { shape: [2, 1, 3], reps: [1, 4, 2] },
  { shape: [4], reps: [1] },
];

describe('Tile on wasm', () => {
  for (const c of CASES) {
    it(`matches the cpu backend exactly: shape [${c.shape}] reps [${c.reps}]`, async () => {
      const count = c.shape.reduce((a, b) => a * b, 1);
      const floats = seededValues(count, 13);
      expect(await tileOn('wasm', floats, c.shape, 'float32', c.reps)).toEqual(
        await tileOn('cpu', floats, c.shape, 'float32', c.reps),
      );
      const ints = Int32Array.from(floats, (v) => Math.round(v * 100));
      expect(await tileOn('wasm', ints, c.shape, 'int32', c.reps)).toEqual(
        await tileOn('cpu', ints, c.shape, 'int32', c.reps),
      );
      const bools = Uint8Array.from(floats, (v) => (v > 0 ? 1 : 0));
      expect(await tileOn('wasm', bools, c.shape, 'bool', c.reps)).toEqual(
        await tileOn('cpu', bools, c.shape, 'bool', c.reps),
      );
    });
  }
});
