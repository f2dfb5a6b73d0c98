import { tfl, type LayersModel } from '../runtime.js';
import {
  checkCount,
  checkInput2d,
  conv2dSame,
  outputHead,
  relu,
  SeedSequence,
  type Symbolic,
} from './layer-kit.js';

/** Options of {@link buildResnet50Truncated}. */
export interface Resnet50TruncatedOptions {
  /** [leads, samples, 1]: a window as a one-channel image, e.g. [12, 1000, 1]. */
  inputShape: readonly number[];
  /** 1 for a sigmoid (binary) output, n >= 2 for an n-way softmax. */
  outputUnits: number;
  /** Seed of every initialiser. */
  seed: number;
  /** How many of ResNet-50's four stages to keep (2: conv2_x and conv3_x). */
  stages?: number;
  /** Filters of the stem and of the first stage's bottlenecks (64 in ResNet-50). */
  baseFilters?: number;
}

/** Defaults of {@link buildResnet50Truncated}. */
export const RESNET50_TRUNCATED_DEFAULTS = { stages: 2, baseFilters: 64 };

/** ResNet-50's stages: bottleneck blocks per stage and the stride of its first block. */
const STAGES = [
  { blocks: 3, stride: 1, widthFactor: 1 },
  { blocks: 4, stride: 2, widthFactor: 2 },
  { blocks: 6, stride: 2, widthFactor: 4 },
  { blocks: 3, stride: 2, widthFactor: 8 },
] as const;

/**
 * Builds ResNet-50 (He et al. 2016) cut after its first stages, for ECG windows laid out
 * as images of leads x samples.
 *
 * @param options input shape, output units, seed, stages kept and base width.
 * @returns an uncompiled functional model: [batch, leads, samples, 1] to
 *   [batch, outputUnits].
 * @throws {@link ParameterError} for sizes out of range or a malformed input shape.
 *
 * @remarks
 * Stem: 7x7 convolution, stride 2 - batch norm - ReLU - 3x3 max-pooling, stride 2. Then
 * the first `stages` stages of ResNet-50 (3, 4, 6, 3 bottleneck blocks: 1x1 - 3x3 - 1x1
 * convolutions, widths f, f, 4f, with a projection shortcut on each stage's first block,
 * stride on its first 1x1 convolution as in Keras), global average pooling, output.
 *
 * Limitations: no pretrained (ImageNet) weights exist offline, so the network starts
 * from seeded random weights. It is slow on a CPU, about 4 times slower to train than
 * `resnet1d-wang-2017` on the same window: see the README's benchmarks.
 *
 * @see He K, Zhang X, Ren S, Sun J. Deep residual learning for image recognition. CVPR
 *   2016. https://arxiv.org/abs/1512.03385
 */
export function buildResnet50Truncated(options: Resnet50TruncatedOptions): LayersModel {
  const { stages, baseFilters } = { ...RESNET50_TRUNCATED_DEFAULTS, ...options };
  checkCount('stages', stages, STAGES.length);
  checkCount('baseFilters', baseFilters, 512);
  checkInput2d('resnet50-truncated', options.inputShape, 4);
  const seeds = new SeedSequence(options.seed);

  // Stem: 7x7/2 convolution, batch norm, ReLU, 3x3/2 max-pooling.
  const input = tfl.input({ shape: [...options.inputShape] });
  let x = relu(convBn(input, baseFilters, 7, 2, seeds));
  x = tfl.layers
    .maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' })
    .apply(x) as Symbolic;

  for (const stage of STAGES.slice(0, stages)) {
    const filters = baseFilters * stage.widthFactor;
    for (let block = 0; block < stage.blocks; block++) {
      x = bottleneck(x, filters, block === 0 ? stage.stride : 1, block === 0, seeds);
    }
  }

  const features = tfl.layers.globalAveragePooling2d({}).apply(x) as Symbolic;
  const output = outputHead(features, options.outputUnits, seeds);
  return tfl.model({ inputs: input, outputs: output, name: 'resnet50_truncated' });
}

// Bottleneck block: 1x1 (stride) - 3x3 - 1x1 (4x width), shortcut, ReLU.
function bottleneck(
  x: Symbolic,
  filters: number,
  stride: number,
  project: boolean,
  seeds: SeedSequence,
): Symbolic {
  let y = relu(convBn(x, filters, 1, stride, seeds));
  y = relu(convBn(y, filters, 3, 1, seeds));
  y = convBn(y, 4 * filters, 1, 1, seeds);
  const shortcut = project ? convBn(x, 4 * filters, 1, stride, seeds) : x;
  return relu(tfl.layers.add().apply([y, shortcut]) as Symbolic);
}

function convBn(
  x: Symbolic,
  filters: number,
  kernelSize: number,
  strides: number,
  seeds: SeedSequence,
): Symbolic {
  const conv = conv2dSame(x, filters, kernelSize, strides, seeds);
  return tfl.layers.batchNormalization({ momentum: 0.9 }).apply(conv) as Symbolic;
}
