import { describe, it } from 'vitest';
import { expectAllClose } from '../../util/test-helpers/expect-close.js';
import { gradientsOn, seededValues } from '../test-helpers/backends.js';
import { tf } from '../runtime.js';

// Float32 sums over at most a few hundred products.
const TOLERANCE = { rtol: 1e-4, atol: 1e-5 };

interface Case {
  name: string;
  xShape: [number, number, number, number];
  kernel: [number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
}

// The depthwise convolutions of EfficientNet's MBConv blocks: 3x3 and 5x5, stride 1 or 2.
const CASES: Case[] = [
  {
    name: '3x3 same stride 1',
    xShape: [2, 5, 11, 3],
    kernel: [3, 3],
    strides: [1, 1],
    pad: 'same',
  },
  {
    name: '3x3 same stride 2',
    xShape: [2, 6, 11, 4],
    kernel: [3, 3],
    strides: [2, 2],
    pad: 'same',
  },
  {
    name: '5x5 same stride 2',
    xShape: [1, 7, 12, 2],
    kernel: [5, 5],
    strides: [2, 2],
    pad: 'same',
  },
  {
    name: '1x5 valid stride 1 (1-D)',
    xShape: [2, 1, 14, 3],
    kernel: [1, 5],
    strides: [1, 1],
    pad: 'valid',
  },
];

function size(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

describe('depthwise convolution gradients on wasm', () => {
  for (const c of CASES) {
    it(`match the cpu backend: ${c.name}`, async () => {
      const filterShape = [c.kernel[0], c.kernel[1], c.xShape[3], 1];
      const inputs = [
        { shape: c.xShape, values: seededValues(size(c.xShape), 3) },
        { shape: filterShape, values: seededValues(size(filterShape), 4) },
      ];
      const conv = (x: tf.Tensor, w: tf.Tensor) =>
        tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad);
      const wasm = await gradientsOn('wasm', inputs, conv);
      const cpu = await gradientsOn('cpu', inputs, conv);
      expectAllClose(wasm.value, cpu.value, TOLERANCE);
      expectAllClose(wasm.gradients[0], cpu.gradients[0], TOLERANCE);
      expectAllClose(wasm.gradients[1], cpu.gradients[1], TOLERANCE);
    });
  }
});
