import { ParameterError } from '../../util/errors.js';
import { tfl, type LayersModel } from '../runtime.js';
import {
  checkCount,
  checkInput1d,
  outputHead,
  relu,
  SeedSequence,
  type Symbolic,
} from './layer-kit.js';
import { convBn } from './resnet1d-wang-2017.js';

/** Options of {@link buildFcn1dWang2017}. */
export interface Fcn1dWang2017Options {
  /** [samples, leads]. */
  inputShape: readonly number[];
  /** 1 for a sigmoid (binary) output, n >= 2 for an n-way softmax. */
  outputUnits: number;
  /** Seed of every initialiser. */
  seed: number;
  /** Filters of the three convolutions; the paper used [128, 256, 128]. */
  filters?: readonly [number, number, number];
}

/** Defaults of {@link buildFcn1dWang2017}: the paper's sizes. */
export const FCN1D_WANG_2017_DEFAULTS = { filters: [128, 256, 128] as const };

/** Kernel sizes of the three convolutions, from the paper. */
const KERNEL_SIZES = [8, 5, 3] as const;

/**
 * Builds the fully convolutional network of Wang et al. (2017): three convolution -
 * batch norm - ReLU layers (kernels 8, 5, 3), global average pooling, output.
 *
 * @param options input shape, output units, seed and filter counts.
 * @returns an uncompiled functional model: [batch, samples, leads] to [batch, outputUnits].
 * @throws {@link ParameterError} for sizes out of range or a malformed input shape.
 *
 * @see Wang Z, Yan W, Oates T. Time series classification from scratch with deep neural
 *   networks: a strong baseline. IJCNN 2017. https://arxiv.org/abs/1611.06455
 */
export function buildFcn1dWang2017(options: Fcn1dWang2017Options): LayersModel {
  const { filters } = { ...FCN1D_WANG_2017_DEFAULTS, ...options };
  if (filters.length !== 3) {
    throw new ParameterError('filters', 'three filter counts', `[${filters.join(', ')}]`);
  }
  for (const count of filters) checkCount('filters', count);
  checkInput1d('fcn1d-wang-2017', options.inputShape, 1);
  const seeds = new SeedSequence(options.seed);

  const input = tfl.input({ shape: [...options.inputShape] });
  let x: Symbolic = input;
  for (let layer = 0; layer < 3; layer++)
    x = relu(convBn(x, filters[layer], KERNEL_SIZES[layer], seeds));
  const features = tfl.layers.globalAveragePooling1d().apply(x) as Symbolic;
  const output = outputHead(features, options.outputUnits, seeds);
  return tfl.model({ inputs: input, outputs: output, name: 'fcn1d_wang_2017' });
}
