import { ParameterError } from '../util/errors.js';
import { buildEfficientNetB7Truncated } from './networks/efficientnet-b7-truncated.js';
import { buildFcn1dWang2017 } from './networks/fcn1d-wang-2017.js';
import { buildKachuee2018 } from './networks/kachuee-2018.js';
import { buildResnet1dWang2017 } from './networks/resnet1d-wang-2017.js';
import { buildResnet50Truncated } from './networks/resnet50-truncated.js';
import { buildVgg3Block } from './networks/vgg-3block.js';
import type { LayersModel } from './runtime.js';

/** Names of cardiokit's networks, in author-year form. */
export const MODEL_NAMES = [
  'resnet1d-wang-2017',
  'kachuee-2018',
  'fcn1d-wang-2017',
  'resnet50-truncated',
  'efficientnet-b7-truncated',
  'vgg-3block',
] as const;

/** One of {@link MODEL_NAMES}. */
export type ModelName = (typeof MODEL_NAMES)[number];

/** The network cardiokit trains when none is named. */
export const DEFAULT_MODEL: ModelName = 'resnet1d-wang-2017';

/** Options every builder takes; builder-specific options pass through unchanged. */
export interface BuildModelOptions {
  /** 1-D networks: [samples, leads]. 2-D networks: [leads, samples, 1]. */
  inputShape: readonly number[];
  /** 1 (default): one sigmoid unit, binary cross-entropy. n >= 2: n softmax units. */
  outputUnits?: number;
  /** Seed of every initialiser (default 0): the same seed gives identical weights. */
  seed?: number;
  /** Builder-specific options, e.g. `filters`, `blocks` (see each builder). */
  [option: string]: unknown;
}

/** What `--help` and the registry say about a network. */
export interface ModelInfo {
  name: ModelName;
  /** '1d': input [samples, leads]; '2d': input [leads, samples, 1]. */
  inputKind: '1d' | '2d';
  /** One line for `--help`. */
  description: string;
}

interface Entry extends ModelInfo {
  build: (options: {
    inputShape: readonly number[];
    outputUnits: number;
    seed: number;
  }) => LayersModel;
}

const REGISTRY: Record<ModelName, Entry> = {
  'resnet1d-wang-2017': {
    name: 'resnet1d-wang-2017',
    inputKind: '1d',
    description:
      '1-D ResNet (Wang 2017, PTB-XL benchmark style), 3 blocks x 64 filters; the default',
    build: buildResnet1dWang2017,
  },
  'kachuee-2018': {
    name: 'kachuee-2018',
    inputKind: '1d',
    description:
      'Kachuee 2018 residual 1-D CNN for single beats: 5 blocks, 32 filters, input 187x1',
    build: buildKachuee2018,
  },
  'fcn1d-wang-2017': {
    name: 'fcn1d-wang-2017',
    inputKind: '1d',
    description:
      'fully convolutional 1-D network (Wang 2017): 3 conv-BN-ReLU layers, global pooling',
    build: buildFcn1dWang2017,
  },
  'resnet50-truncated': {
    name: 'resnet50-truncated',
    inputKind: '2d',
    description: 'ResNet-50 cut after stage 2 (2-D, leads x samples x 1); slow on CPU',
    build: buildResnet50Truncated,
  },
  'efficientnet-b7-truncated': {
    name: 'efficientnet-b7-truncated',
    inputKind: '2d',
    description:
      'EfficientNet-B7-style MBConv network cut after stage 2 (2-D); slow on CPU',
    build: buildEfficientNetB7Truncated,
  },
  'vgg-3block': {
    name: 'vgg-3block',
    inputKind: '2d',
    description: "the study's 3-block VGG (2-D, 32/64/128 filters); slow on CPU",
    build: buildVgg3Block,
  },
};

/**
 * Lists the networks {@link buildModel} knows, with a one-line description each.
 * @returns one entry per name of {@link MODEL_NAMES}, in that order.
 */
export function listModels(): ModelInfo[] {
  return MODEL_NAMES.map((name) => {
    const { inputKind, description } = REGISTRY[name];
    return { name, inputKind, description };
  });
}

/** True when `name` is one of {@link MODEL_NAMES}. */
export function isModelName(name: string): name is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(name);
}

/**
 * Builds a network by name, with seeded initial weights.
 *
 * @param name one of {@link MODEL_NAMES}.
 * @param options input shape, output units (default 1: sigmoid), seed (default 0), and
 *   builder-specific options.
 * @returns an uncompiled tfjs layers model; compile it with {@link compileModel}.
 * @throws {@link ParameterError} for an unknown name, an input shape of the wrong rank
 *   or size, or builder options out of range.
 *
 * @remarks
 * No pretrained weights exist offline: every network starts from seeded random weights.
 *
 * @example
 * ```ts
 * await initBackend();
 * const model = buildModel('resnet1d-wang-2017', { inputShape: [250, 12], seed: 1 });
 * compileModel(model);
 * ```
 */
export function buildModel(name: string, options: BuildModelOptions): LayersModel {
  if (!isModelName(name)) {
    throw new ParameterError('model', `one of ${MODEL_NAMES.join(', ')}`, name);
  }
  const outputUnits = options.outputUnits ?? 1;
  if (!Number.isInteger(outputUnits) || outputUnits < 1) {
    throw new ParameterError(
      'outputUnits',
      'an integer >= 1 (1: sigmoid for binary tasks, n >= 2: softmax over n classes)',
      outputUnits,
    );
  }
  const seed = options.seed ?? 0;
  return REGISTRY[name].build({ ...options, outputUnits, seed });
}
