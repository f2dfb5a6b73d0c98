import { tfl, type LayersModel } from '../runtime.js';
import {
  checkCount,
  checkInput1d,
  outputHead,
  SeedSequence,
  type Symbolic,
} from './layer-kit.js';

/** Options of {@link buildKachuee2018}. */
export interface Kachuee2018Options {
  /** [samples, leads]; the paper used one beat of 187 samples at 125 Hz: [187, 1]. */
  inputShape: readonly number[];
  /** 1 for a sigmoid (binary) output, n >= 2 for an n-way softmax. */
  outputUnits: number;
  /** Seed of every initialiser. */
  seed: number;
  /** Residual blocks; the paper used 5. */
  blocks?: number;
  /** Filters of every convolution; the paper used 32. */
  filters?: number;
  /** Units of each of the two dense layers; the paper used 32. */
  denseUnits?: number;
  /**
   * Per-beat features (for example 4 RR-interval features) fed through a second input
   * named `beat_features` and joined to the flattened convolutional features before the
   * dense layers; 0 (the paper's network) for none.
   */
  extraFeatures?: number;
}

/** Defaults of {@link buildKachuee2018}, the paper's values. */
export const KACHUEE_2018_DEFAULTS = {
  blocks: 5,
  filters: 32,
  denseUnits: 32,
  extraFeatures: 0,
} as const;

const KERNEL_SIZE = 5;
const POOL_SIZE = 5;
const POOL_STRIDE = 2;

/**
 * Builds the residual 1-D network of Kachuee et al. (2018) for single heartbeats.
 *
 * @param options input shape, output units, seed and the paper's sizes.
 * @returns an uncompiled functional model: [batch, samples, leads] to [batch, outputUnits].
 * @throws {@link ParameterError} for sizes out of range, or an input too short for the
 *   poolings: at least 125 samples with 5 blocks ({@link minSamplesKachuee}).
 *
 * @remarks
 * A convolution (32 filters, kernel 5) is followed by 5 residual blocks, each
 * conv-ReLU-conv, addition of the block input, ReLU, and max-pooling of size 5 and stride
 * 2 ('valid', as in the paper: 187 samples shrink to 92, 44, 20, 8, 2); then two dense
 * ReLU layers of 32 units and the output. No batch normalisation, as in the paper.
 * With `extraFeatures` the model takes two inputs, `[beats, features]`: the features
 * join the flattened convolutional output (this is not in the paper).
 *
 * @see Kachuee M, Fazeli S, Sarrafzadeh M. ECG heartbeat classification: a deep
 *   transferable representation. IEEE ICHI 2018. https://arxiv.org/abs/1805.00794
 */
export function buildKachuee2018(options: Kachuee2018Options): LayersModel {
  const { blocks, filters, denseUnits, extraFeatures } = {
    ...KACHUEE_2018_DEFAULTS,
    ...options,
  };
  checkCount('blocks', blocks, 12);
  checkCount('filters', filters);
  checkCount('denseUnits', denseUnits);
  checkInput1d('kachuee-2018', options.inputShape, minSamplesKachuee(blocks));
  const seeds = new SeedSequence(options.seed);

  const input = tfl.input({ shape: [...options.inputShape] });
  let x = conv(input, filters, seeds, 'linear');
  for (let block = 0; block < blocks; block++) {
    // Residual block: conv-ReLU-conv, add the block input, ReLU, pool.
    const inner = conv(conv(x, filters, seeds, 'relu'), filters, seeds, 'linear');
    const sum = tfl.layers.add().apply([inner, x]) as Symbolic;
    const activated = tfl.layers
      .activation({ activation: 'relu' })
      .apply(sum) as Symbolic;
    x = tfl.layers
      .maxPooling1d({ poolSize: POOL_SIZE, strides: POOL_STRIDE, padding: 'valid' })
      .apply(activated) as Symbolic;
  }

  let features = tfl.layers.flatten().apply(x) as Symbolic;
  const inputs = [input];
  if (extraFeatures > 0) {
    checkCount('extraFeatures', extraFeatures);
    const extra = tfl.input({ shape: [extraFeatures], name: 'beat_features' });
    inputs.push(extra);
    features = tfl.layers.concatenate().apply([features, extra]) as Symbolic;
  }
  for (let layer = 0; layer < 2; layer++) {
    features = tfl.layers
      .dense({
        units: denseUnits,
        activation: 'relu',
        kernelInitializer: seeds.glorotUniform(),
      })
      .apply(features) as Symbolic;
  }
  const output = outputHead(features, options.outputUnits, seeds);
  return tfl.model({
    inputs: inputs.length === 1 ? input : inputs,
    outputs: output,
    name: 'kachuee_2018',
  });
}

/** The shortest input that leaves at least one sample after `blocks` poolings. */
export function minSamplesKachuee(blocks: number): number {
  let samples = 1;
  for (let block = 0; block < blocks; block++)
    samples = (samples - 1) * POOL_STRIDE + POOL_SIZE;
  return samples;
}

function conv(
  x: Symbolic,
  filters: number,
  seeds: SeedSequence,
  activation: 'relu' | 'linear',
): Symbolic {
  return tfl.layers
    .conv1d({
      filters,
      kernelSize: KERNEL_SIZE,
      padding: 'same',
      activation,
      kernelInitializer: seeds.glorotUniform(),
    })
    .apply(x) as Symbolic;
}
