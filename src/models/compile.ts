import { ParameterError } from '../util/errors.js';
import { tf, type LayersModel } from './runtime.js';

/** Options of {@link compileModel}. */
export interface CompileModelOptions {
  /** Adam's learning rate (default 1e-3), > 0. */
  learningRate?: number;
}

/** Defaults of {@link compileModel}. */
export const COMPILE_MODEL_DEFAULTS: Required<CompileModelOptions> = {
  learningRate: 1e-3,
};

/**
 * Compiles a model for training with Adam and the loss its output calls for: binary
 * cross-entropy for one sigmoid unit, categorical cross-entropy for a softmax.
 *
 * @param model a model from {@link buildModel} (or loaded by {@link loadModel}).
 * @param options `learningRate` of Adam.
 * @returns the loss name chosen: `'binaryCrossentropy'` or `'categoricalCrossentropy'`.
 * @throws {@link ParameterError} for a learning rate that is not a positive number.
 */
export function compileModel(
  model: LayersModel,
  options: CompileModelOptions = {},
): 'binaryCrossentropy' | 'categoricalCrossentropy' {
  const { learningRate } = { ...COMPILE_MODEL_DEFAULTS, ...options };
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new ParameterError('learningRate', 'a positive number', learningRate);
  }
  const outputShape = model.outputs[0].shape;
  const units = outputShape[outputShape.length - 1];
  const loss = units === 1 ? 'binaryCrossentropy' : 'categoricalCrossentropy';
  model.compile({ optimizer: tf.train.adam(learningRate), loss });
  return loss;
}
