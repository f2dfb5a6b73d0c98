import { tfl, type LayersModel } from '../runtime.js';
import {
  checkCount,
  checkInput2d,
  outputHead,
  SeedSequence,
  type Symbolic,
} from './layer-kit.js';

/** Options of {@link buildVgg3Block}. */
export interface Vgg3BlockOptions {
  /** [leads, samples, 1]: a window as a one-channel image, e.g. [10, 1000, 1]. */
  inputShape: readonly number[];
  /** 1 for a sigmoid (binary) output, n >= 2 for an n-way softmax. */
  outputUnits: number;
  /** Seed of every initialiser. */
  seed: number;
  /** Filters of the first block; the second and third double them (32, 64, 128). */
  baseFilters?: number;
  /** 3x3 convolutions per block (2). */
  convsPerBlock?: number;
  /** Units of the dense layer before the output (128). */
  denseUnits?: number;
}

/** Defaults of {@link buildVgg3Block}. */
export const VGG_3BLOCK_DEFAULTS = { baseFilters: 32, convsPerBlock: 2, denseUnits: 128 };

const BLOCKS = 3;

/**
 * Builds a three-block VGG-style network (after Simonyan and Zisserman 2015), the
 * study's small 2-D baseline, for ECG windows laid out as images of leads x samples.
 *
 * @param options input shape, output units, seed and sizes.
 * @returns an uncompiled functional model: [batch, leads, samples, 1] to
 *   [batch, outputUnits].
 * @throws {@link ParameterError} for sizes out of range or a malformed input shape.
 *
 * @remarks
 * Three blocks of `convsPerBlock` 3x3 convolutions ('same', ReLU) and a 2x2
 * max-pooling (1x2 once the leads axis is down to one row), with 32, 64 and 128 filters;
 * then flatten, a dense ReLU layer of 128 units, and the output.
 *
 * Limitations: slow on a CPU, about 2.3 times slower to train than `resnet1d-wang-2017`
 * on the same 12 x 1000 window (3.6 samples per CPU-second at batch 8); on 10 x 1000
 * inputs with batch 32 it needs about 3 GB of wasm memory (the limit is 4 GB): see the
 * README's benchmarks.
 *
 * @see Simonyan K, Zisserman A. Very deep convolutional networks for large-scale image
 *   recognition. ICLR 2015. https://arxiv.org/abs/1409.1556
 */
export function buildVgg3Block(options: Vgg3BlockOptions): LayersModel {
  const { baseFilters, convsPerBlock, denseUnits } = {
    ...VGG_3BLOCK_DEFAULTS,
    ...options,
  };
  checkCount('baseFilters', baseFilters, 512);
  checkCount('convsPerBlock', convsPerBlock, 8);
  checkCount('denseUnits', denseUnits);
  checkInput2d('vgg-3block', options.inputShape, 8);
  const seeds = new SeedSequence(options.seed);

  const input = tfl.input({ shape: [...options.inputShape] });
  let x: Symbolic = input;
  let rows = options.inputShape[0];
  for (let block = 0; block < BLOCKS; block++) {
    const filters = baseFilters * 2 ** block;
    for (let layer = 0; layer < convsPerBlock; layer++) {
      x = tfl.layers
        .conv2d({
          filters,
          kernelSize: 3,
          padding: 'same',
          activation: 'relu',
          kernelInitializer: seeds.heNormal(),
        })
        .apply(x) as Symbolic;
    }
    // Pool the leads axis only while more than one row is left.
    const poolRows = rows >= 2 ? 2 : 1;
    rows = Math.floor(rows / poolRows);
    x = tfl.layers
      .maxPooling2d({ poolSize: [poolRows, 2], strides: [poolRows, 2] })
      .apply(x) as Symbolic;
  }

  const flat = tfl.layers.flatten().apply(x) as Symbolic;
  const features = tfl.layers
    .dense({ units: denseUnits, activation: 'relu', kernelInitializer: seeds.heNormal() })
    .apply(flat) as Symbolic;
  const output = outputHead(features, options.outputUnits, seeds);
  return tfl.model({ inputs: input, outputs: output, name: 'vgg_3block' });
}
