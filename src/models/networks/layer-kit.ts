/**
 * Building blocks shared by the network builders: seeded initialisers, common layers,
 * the output head and input-shape checks. Every trainable weight gets its own seed drawn
 * from one base seed in build order, so that the same seed and options give identical
 * weights.
 */
import { ParameterError } from '../../util/errors.js';
import { tfl } from '../runtime.js';

/** A symbolic tensor inside a functional tfjs-layers model. */
export type Symbolic = tfl.SymbolicTensor;

/** Hands out one seed per initialiser, in build order, from a base seed. */
export class SeedSequence {
  private next: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0) {
      throw new ParameterError('seed', 'a non-negative integer', seed);
    }
    this.next = seed * 1000;
  }

  /** The next seed of the sequence. */
  take(): number {
    this.next += 1;
    return this.next;
  }

  /** He-normal (ReLU networks; He et al. 2015). */
  heNormal(): ReturnType<typeof tfl.initializers.heNormal> {
    return tfl.initializers.heNormal({ seed: this.take() });
  }

  /** Glorot-uniform (tfjs-layers' default for dense and convolution kernels). */
  glorotUniform(): ReturnType<typeof tfl.initializers.glorotUniform> {
    return tfl.initializers.glorotUniform({ seed: this.take() });
  }
}

/**
 * The classification head: one sigmoid unit for a binary task (train with binary
 * cross-entropy), or `outputUnits` softmax units for a multi-class task (categorical
 * cross-entropy).
 */
export function outputHead(
  features: Symbolic,
  outputUnits: number,
  seeds: SeedSequence,
): Symbolic {
  const binary = outputUnits === 1;
  return tfl.layers
    .dense({
      units: outputUnits,
      activation: binary ? 'sigmoid' : 'softmax',
      kernelInitializer: seeds.glorotUniform(),
      name: binary ? 'mi_probability' : 'class_probabilities',
    })
    .apply(features) as Symbolic;
}

/** Checks a 1-D network's input shape: [samples, leads]. */
export function checkInput1d(
  name: string,
  inputShape: readonly number[],
  minSamples: number,
): void {
  if (inputShape.length !== 2 || !inputShape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new ParameterError(
      'inputShape',
      `[samples, leads] with positive integers for '${name}'`,
      `[${inputShape.join(', ')}]`,
      'a 1-D network reads one window of several leads, e.g. [1000, 12]',
    );
  }
  if (inputShape[0] < minSamples) {
    throw new ParameterError(
      'inputShape[0] (samples)',
      `at least ${minSamples} for '${name}'`,
      inputShape[0],
      'use a longer window or a higher sampling rate',
    );
  }
}

/** Checks a 2-D network's input shape: [leads, samples, 1]. */
export function checkInput2d(
  name: string,
  inputShape: readonly number[],
  minSamples: number,
): void {
  if (inputShape.length !== 3 || !inputShape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new ParameterError(
      'inputShape',
      `[leads, samples, channels] with positive integers for '${name}'`,
      `[${inputShape.join(', ')}]`,
      'a 2-D network reads a window as an image, e.g. [12, 1000, 1]',
    );
  }
  if (inputShape[1] < minSamples) {
    throw new ParameterError(
      'inputShape[1] (samples)',
      `at least ${minSamples} for '${name}'`,
      inputShape[1],
      'use a longer window or a higher sampling rate',
    );
  }
}

/** Checks a positive integer option. */
export function checkCount(parameter: string, value: number, max = 4096): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ParameterError(parameter, `an integer from 1 to ${max}`, value);
  }
}

/**
 * A 2-D convolution with 'same' padding, no bias and a He-normal kernel (it feeds a
 * batch normalisation and a ReLU or swish).
 * @param kernelSize side of the square kernel, in pixels
 * @param strides step on both axes, in pixels
 */
export function conv2dSame(
  x: Symbolic,
  filters: number,
  kernelSize: number,
  strides: number,
  seeds: SeedSequence,
): Symbolic {
  return tfl.layers
    .conv2d({
      filters,
      kernelSize,
      strides,
      padding: 'same',
      useBias: false,
      kernelInitializer: seeds.heNormal(),
    })
    .apply(x) as Symbolic;
}

/** ReLU as its own layer. */
export function relu(x: Symbolic): Symbolic {
  return tfl.layers.activation({ activation: 'relu' }).apply(x) as Symbolic;
}
