import { describe, it } from 'vitest';
import { expectAllClose } from '../../util/test-helpers/expect-close.js';
import { gradientsOn, seededValues } from '../test-helpers/backends.js';
import { tf } from '../runtime.js';

// Float32 sums over a few hundred products: wasm and cpu agree to a few 1e-6.
const TOLERANCE = { rtol: 1e-4, atol: 1e-5 };

interface Case {
  name: string;
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
}

const CASES: Case[] = [
  {
    name: '1-D kernel 5, same, stride 1',
    xShape: [2, 1, 17, 3],
    filterShape: [1, 5, 3, 4],
    strides: [1, 1],
    pad: 'same',
  },
  {
    name: '1-D kernel 7, same, stride 2',
    xShape: [2, 1, 20, 3],
    filterShape: [1, 7, 3, 5],
    strides: [1, 2],
    pad: 'same',
  },
  {
    name: '1-D kernel 3, valid, stride 3',
    xShape: [3, 1, 16, 2],
    filterShape: [1, 3, 2, 3],
    strides: [1, 3],
    pad: 'valid',
  },
  {
    name: '2-D 3x3, same, stride 1',
    xShape: [2, 5, 9, 2],
    filterShape: [3, 3, 2, 4],
    strides: [1, 1],
    pad: 'same',
  },
  {
    name: '2-D 7x7, same, stride 2 (ResNet stem)',
    xShape: [1, 8, 13, 1],
    filterShape: [7, 7, 1, 3],
    strides: [2, 2],
    pad: 'same',
  },
  {
    name: '2-D 1x1, valid, stride 2 (projection shortcut)',
    xShape: [2, 6, 7, 3],
    filterShape: [1, 1, 3, 4],
    strides: [2, 2],
    pad: 'valid',
  },
  {
    name: '2-D 3x3, valid, stride 2',
    xShape: [1, 9, 10, 2],
    filterShape: [3, 3, 2, 2],
    strides: [2, 2],
    pad: 'valid',
  },
];

function size(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

describe('Conv2DBackpropFilter and Conv2DBackpropInput on wasm', () => {
  for (const c of CASES) {
    it(`match the cpu backend: ${c.name}`, async () => {
      const inputs = [
        { shape: c.xShape, values: seededValues(size(c.xShape), 1) },
        { shape: c.filterShape, values: seededValues(size(c.filterShape), 2) },
      ];
      const conv = (x: tf.Tensor, w: tf.Tensor) =>
        tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad);
      const wasm = await gradientsOn('wasm', inputs, conv);
      const cpu = await gradientsOn('cpu', inputs, conv);
      expectAllClose(wasm.value, cpu.value, TOLERANCE);
      expectAllClose(wasm.gradients[0], cpu.gradients[0], TOLERANCE);
      expectAllClose(wasm.gradients[1], cpu.gradients[1], TOLERANCE);
    });
  }
});
