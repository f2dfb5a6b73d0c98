import { tfl, type LayersModel } from '../runtime.js';
import {
  checkCount,
  checkInput1d,
  outputHead,
  relu,
  SeedSequence,
  type Symbolic,
} from './layer-kit.js';

/** Options of {@link buildResnet1dWang2017}. */
export interface Resnet1dWang2017Options {
  /** [samples, leads], e.g. [250, 12] for 2.5 s of 12 leads at 100 Hz. */
  inputShape: readonly number[];
  /** 1 for a sigmoid (binary) output, n >= 2 for an n-way softmax. */
  outputUnits: number;
  /** Seed of every initialiser. */
  seed: number;
  /** Residual blocks (3). */
  blocks?: number;
  /** Filters of the stem and of every block (64; the PTB-XL benchmark used 128). */
  filters?: number;
  /** Kernel size of the stem convolution (7). */
  stemKernelSize?: number;
  /** Kernel sizes of the two convolutions of each block ([5, 3]). */
  blockKernelSizes?: readonly [number, number];
  /** Dropout rate before the output layer (0.25); 0 turns it off. */
  dropoutRate?: number;
}

/** Defaults of {@link buildResnet1dWang2017}: the small variant for 12-lead windows. */
export const RESNET1D_WANG_2017_DEFAULTS = {
  blocks: 3,
  filters: 64,
  stemKernelSize: 7,
  blockKernelSizes: [5, 3] as const,
  dropoutRate: 0.25,
};

/**
 * Builds a 1-D residual network in the style of Wang et al. (2017), as adapted by the
 * PTB-XL benchmark (`resnet1d_wang`); cardiokit's default network for 12-lead windows.
 *
 * @param options input shape, output units, seed, width and depth.
 * @returns an uncompiled functional model: [batch, samples, leads] to [batch, outputUnits].
 * @throws {@link ParameterError} for sizes out of range or a malformed input shape.
 *
 * @remarks
 * Stem: convolution (kernel 7) - batch norm - ReLU. Each block: convolution (kernel 5) -
 * batch norm - ReLU - convolution (kernel 3) - batch norm, plus the block input, then
 * ReLU; no downsampling. Head: global average and global max pooling concatenated (the
 * benchmark's concat-pooling head), dropout, output. The 3-block 64-channel default
 * reached out-of-fold AUC 0.87 to 0.905 on the embedded PTB-XL sample in PyTorch.
 *
 * @see Wang Z, Yan W, Oates T. Time series classification from scratch with deep neural
 *   networks: a strong baseline. IJCNN 2017. https://arxiv.org/abs/1611.06455
 * @see Strodthoff N, Wagner P, Schaeffter T, Samek W. Deep learning for ECG analysis:
 *   benchmarks and insights from PTB-XL. IEEE JBHI 2021. https://arxiv.org/abs/2004.13701
 */
export function buildResnet1dWang2017(options: Resnet1dWang2017Options): LayersModel {
  const settings = { ...RESNET1D_WANG_2017_DEFAULTS, ...options };
  const { blocks, filters, stemKernelSize, blockKernelSizes, dropoutRate } = settings;
  checkCount('blocks', blocks, 64);
  checkCount('filters', filters);
  checkCount('stemKernelSize', stemKernelSize, 255);
  for (const size of blockKernelSizes) checkCount('blockKernelSizes', size, 255);
  checkInput1d('resnet1d-wang-2017', options.inputShape, 1);
  const seeds = new SeedSequence(options.seed);

  const input = tfl.input({ shape: [...options.inputShape] });
  let x = relu(convBn(input, filters, stemKernelSize, seeds));
  for (let block = 0; block < blocks; block++) {
    // Basic residual block: conv-BN-ReLU-conv-BN, add the block input, ReLU.
    const inner = convBn(
      relu(convBn(x, filters, blockKernelSizes[0], seeds)),
      filters,
      blockKernelSizes[1],
      seeds,
    );
    x = relu(tfl.layers.add().apply([inner, x]) as Symbolic);
  }

  const average = tfl.layers.globalAveragePooling1d().apply(x) as Symbolic;
  const maximum = tfl.layers.globalMaxPooling1d().apply(x) as Symbolic;
  let features = tfl.layers.concatenate().apply([average, maximum]) as Symbolic;
  if (dropoutRate > 0) {
    features = tfl.layers
      .dropout({ rate: dropoutRate, seed: seeds.take() })
      .apply(features) as Symbolic;
  }
  const output = outputHead(features, options.outputUnits, seeds);
  return tfl.model({ inputs: input, outputs: output, name: 'resnet1d_wang_2017' });
}

/** Convolution ('same', no bias) followed by batch normalisation. */
export function convBn(
  x: Symbolic,
  filters: number,
  kernelSize: number,
  seeds: SeedSequence,
): Symbolic {
  const conv = tfl.layers
    .conv1d({
      filters,
      kernelSize,
      padding: 'same',
      useBias: false,
      kernelInitializer: seeds.heNormal(),
    })
    .apply(x) as Symbolic;
  return tfl.layers.batchNormalization({ momentum: 0.9 }).apply(conv) as Symbolic;
}
