import { ParameterError } from '../../util/errors.js';
import { tfl, type LayersModel } from '../runtime.js';
import {
  checkCount,
  checkInput2d,
  conv2dSame,
  outputHead,
  SeedSequence,
  type Symbolic,
} from './layer-kit.js';

/** Options of {@link buildEfficientNetB7Truncated}. */
export interface EfficientNetB7TruncatedOptions {
  /** [leads, samples, 1]: a window as a one-channel image, e.g. [12, 1000, 1]. */
  inputShape: readonly number[];
  /** 1 for a sigmoid (binary) output, n >= 2 for an n-way softmax. */
  outputUnits: number;
  /** Seed of every initialiser. */
  seed: number;
  /** How many of EfficientNet's seven stages to keep (2). */
  stages?: number;
  /** Width coefficient (2.0 for B7). */
  widthMultiplier?: number;
  /** Depth coefficient (3.1 for B7). */
  depthMultiplier?: number;
}

/** Defaults of {@link buildEfficientNetB7Truncated}: B7's coefficients, two stages. */
export const EFFICIENTNET_B7_TRUNCATED_DEFAULTS = {
  stages: 2,
  widthMultiplier: 2.0,
  depthMultiplier: 3.1,
};

/** EfficientNet-B0's stages (Tan and Le 2019, table 1), scaled by the coefficients. */
const B0_STAGES = [
  { expandRatio: 1, kernelSize: 3, stride: 1, filters: 16, repeats: 1 },
  { expandRatio: 6, kernelSize: 3, stride: 2, filters: 24, repeats: 2 },
  { expandRatio: 6, kernelSize: 5, stride: 2, filters: 40, repeats: 2 },
  { expandRatio: 6, kernelSize: 3, stride: 2, filters: 80, repeats: 3 },
  { expandRatio: 6, kernelSize: 5, stride: 1, filters: 112, repeats: 3 },
  { expandRatio: 6, kernelSize: 5, stride: 2, filters: 192, repeats: 4 },
  { expandRatio: 6, kernelSize: 3, stride: 1, filters: 320, repeats: 1 },
] as const;
const STEM_FILTERS = 32;
const SE_RATIO = 0.25;

/**
 * Builds an EfficientNet-B7-style network (Tan and Le 2019) cut after its first stages,
 * for ECG windows laid out as images of leads x samples.
 *
 * @param options input shape, output units, seed, stages kept and the scaling
 *   coefficients.
 * @returns an uncompiled functional model: [batch, leads, samples, 1] to
 *   [batch, outputUnits].
 * @throws {@link ParameterError} for sizes out of range or a malformed input shape.
 *
 * @remarks
 * Stem: 3x3 convolution, stride 2 - batch norm - swish. Then MBConv blocks: 1x1
 * expansion - batch norm - swish, depthwise k x k - batch norm - swish, squeeze-and-
 * excitation (ratio 0.25), 1x1 projection - batch norm, plus the block input when shapes
 * allow. Filters are B0's times the width coefficient rounded to a multiple of 8, and
 * repeats B0's times the depth coefficient rounded up: with B7's 2.0 and 3.1 the first
 * two stages are 4 blocks of 32 filters and 7 blocks of 48. Global average pooling and
 * the output close the network.
 *
 * Limitations: no pretrained (ImageNet) weights exist offline; no stochastic depth
 * (drop-connect); slow on a CPU, about 10 times slower to train than
 * `resnet1d-wang-2017` on the same window; and memory-hungry: training on 12 x 1000
 * windows at batch 8 fills 3.8 GB of the 4 GB wasm heap (inference alone about 0.1 GB),
 * so use batches of 8 or less, or shorter windows (see the README's benchmarks).
 *
 * @see Tan M, Le QV. EfficientNet: rethinking model scaling for convolutional neural
 *   networks. ICML 2019. https://arxiv.org/abs/1905.11946
 */
export function buildEfficientNetB7Truncated(
  options: EfficientNetB7TruncatedOptions,
): LayersModel {
  const settings = { ...EFFICIENTNET_B7_TRUNCATED_DEFAULTS, ...options };
  const { stages, widthMultiplier, depthMultiplier } = settings;
  checkCount('stages', stages, B0_STAGES.length);
  checkScale('widthMultiplier', widthMultiplier);
  checkScale('depthMultiplier', depthMultiplier);
  checkInput2d('efficientnet-b7-truncated', options.inputShape, 2);
  const seeds = new SeedSequence(options.seed);
  const width = (filters: number) => roundFilters(filters, widthMultiplier);

  // Stem: 3x3/2 convolution, batch norm, swish.
  const input = tfl.input({ shape: [...options.inputShape] });
  let x = swish(batchNorm(conv2dSame(input, width(STEM_FILTERS), 3, 2, seeds)));
  let channels = width(STEM_FILTERS);

  for (const stage of B0_STAGES.slice(0, stages)) {
    const repeats = Math.ceil(stage.repeats * depthMultiplier);
    const outChannels = width(stage.filters);
    for (let block = 0; block < repeats; block++) {
      const stride = block === 0 ? stage.stride : 1;
      x = mbConv(
        x,
        channels,
        outChannels,
        stage.expandRatio,
        stage.kernelSize,
        stride,
        seeds,
      );
      channels = outChannels;
    }
  }

  const features = tfl.layers.globalAveragePooling2d({}).apply(x) as Symbolic;
  const output = outputHead(features, options.outputUnits, seeds);
  return tfl.model({ inputs: input, outputs: output, name: 'efficientnet_b7_truncated' });
}

/** Filters scaled by the width coefficient, rounded to a multiple of 8 (never down by 10%). */
export function roundFilters(filters: number, widthMultiplier: number): number {
  const scaled = filters * widthMultiplier;
  let rounded = Math.max(8, Math.floor((scaled + 4) / 8) * 8);
  if (rounded < 0.9 * scaled) rounded += 8;
  return rounded;
}

// MBConv: expand, depthwise, squeeze-and-excitation, project, residual.
function mbConv(
  x: Symbolic,
  inChannels: number,
  outChannels: number,
  expandRatio: number,
  kernelSize: number,
  stride: number,
  seeds: SeedSequence,
): Symbolic {
  const expanded = inChannels * expandRatio;
  let y = x;
  if (expandRatio !== 1) y = swish(batchNorm(conv2dSame(y, expanded, 1, 1, seeds)));
  y = tfl.layers
    .depthwiseConv2d({
      kernelSize,
      strides: stride,
      padding: 'same',
      depthMultiplier: 1,
      useBias: false,
      depthwiseInitializer: seeds.heNormal(),
    })
    .apply(y) as Symbolic;
  y = swish(batchNorm(y));
  y = squeezeExcite(y, expanded, Math.max(1, Math.floor(inChannels * SE_RATIO)), seeds);
  y = batchNorm(conv2dSame(y, outChannels, 1, 1, seeds));
  if (stride === 1 && inChannels === outChannels) {
    y = tfl.layers.add().apply([y, x]) as Symbolic;
  }
  return y;
}

// Squeeze-and-excitation: channel weights from a two-layer bottleneck on pooled features.
function squeezeExcite(
  x: Symbolic,
  channels: number,
  reduced: number,
  seeds: SeedSequence,
): Symbolic {
  const pooled = tfl.layers.globalAveragePooling2d({}).apply(x) as Symbolic;
  const squeezed = tfl.layers
    .dense({ units: reduced, activation: 'swish', kernelInitializer: seeds.heNormal() })
    .apply(pooled) as Symbolic;
  const weights = tfl.layers
    .dense({
      units: channels,
      activation: 'sigmoid',
      kernelInitializer: seeds.glorotUniform(),
    })
    .apply(squeezed) as Symbolic;
  const broadcast = tfl.layers
    .reshape({ targetShape: [1, 1, channels] })
    .apply(weights) as Symbolic;
  return tfl.layers.multiply().apply([x, broadcast]) as Symbolic;
}

function batchNorm(x: Symbolic): Symbolic {
  return tfl.layers.batchNormalization({ momentum: 0.99 }).apply(x) as Symbolic;
}

function swish(x: Symbolic): Symbolic {
  return tfl.layers.activation({ activation: 'swish' }).apply(x) as Symbolic;
}

function checkScale(parameter: string, value: number): void {
  if (!(value > 0 && value <= 8))
    throw new ParameterError(parameter, 'a number in (0, 8]', value);
}
