import { describe, expect, it } from 'vitest';
import { expectAllClose } from '../../util/test-helpers/expect-close.js';
import { gradientsOn, seededValues } from '../test-helpers/backends.js';
import { tf } from '../runtime.js';

// Pooling gradients copy or average dy: only float32 rounding separates the backends.
const TOLERANCE = { rtol: 1e-6, atol: 1e-7 };

interface Case {
  name: string;
  shape: [number, number, number, number];
  filter: [number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
  /** Values drawn from [low, high): all <= 0 exercises the case the shipped kernel gets wrong. */
  low: number;
  high: number;
}

const CASES: Case[] = [
  {
    name: '1-D pool 5 stride 2 same, all values <= 0',
    shape: [2, 1, 23, 3],
    filter: [1, 5],
    strides: [1, 2],
    pad: 'same',
    low: -2,
    high: 0,
  },
  {
    name: '1-D pool 5 stride 2 same, mixed signs',
    shape: [2, 1, 23, 3],
    filter: [1, 5],
    strides: [1, 2],
    pad: 'same',
    low: -1,
    high: 1,
  },
  {
    name: '1-D pool 2 stride 2 valid, all values <= 0',
    shape: [3, 1, 16, 2],
    filter: [1, 2],
    strides: [1, 2],
    pad: 'valid',
    low: -1,
    high: 0,
  },
  {
    name: '2-D pool 3x3 stride 2 same (ResNet stem)',
    shape: [1, 7, 9, 2],
    filter: [3, 3],
    strides: [2, 2],
    pad: 'same',
    low: -1,
    high: 0.5,
  },
  {
    name: '2-D pool 2x2 stride 2 valid (VGG)',
    shape: [2, 4, 10, 3],
    filter: [2, 2],
    strides: [2, 2],
    pad: 'valid',
    low: -1,
    high: 1,
  },
];

function size(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

describe('MaxPoolGrad on wasm', () => {
  for (const c of CASES) {
    it(`matches the cpu backend: ${c.name}`, async () => {
      const inputs = [
        { shape: c.shape, values: seededValues(size(c.shape), 5, c.low, c.high) },
      ];
      const pool = (x: tf.Tensor) =>
        tf.maxPool(x as tf.Tensor4D, c.filter, c.strides, c.pad);
      const wasm = await gradientsOn('wasm', inputs, pool);
      const cpu = await gradientsOn('cpu', inputs, pool);
      expectAllClose(wasm.value, cpu.value, TOLERANCE);
      expectAllClose(wasm.gradients[0], cpu.gradients[0], TOLERANCE);
    });
  }

  it('sends the gradient of a window of equal values (ReLU zeros) to its first element only', async () => {
    const inputs = [{ shape: [1, 1, 4, 1], values: new Float32Array([0, 0, 0, 0]) }];
    const pool = (x: tf.Tensor) => tf.maxPool(x as tf.Tensor4D, [1, 2], [1, 2], 'valid');
    const wasm = await gradientsOn('wasm', inputs, pool);
    const cpu = await gradientsOn('cpu', inputs, pool);
    expect(Array.from(cpu.gradients[0]).map((g) => g !== 0)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expectAllClose(wasm.gradients[0], cpu.gradients[0], TOLERANCE);
  });
});

describe('AvgPoolGrad on wasm (the shipped kernel)', () => {
  for (const c of CASES) {
    it(`matches the cpu backend: ${c.name}`, async () => {
      const inputs = [
        { shape: c.shape, values: seededValues(size(c.shape), 6, c.low, c.high) },
      ];
      const pool = (x: tf.Tensor) =>
        tf.avgPool(x as tf.Tensor4D, c.filter, c.strides, c.pad);
      const wasm = await gradientsOn('wasm', inputs, pool);
      const cpu = await gradientsOn('cpu', inputs, pool);
      expectAllClose(wasm.value, cpu.value, TOLERANCE);
      expectAllClose(wasm.gradients[0], cpu.gradients[0], TOLERANCE);
    });
  }
});
