import { tf, tfl, type LayersModel } from '../models/runtime.js';
import { ParameterError } from '../util/errors.js';

/** Which layers of the reused network stay fixed: the convolutional part, or none. */
export type FreezeMode = 'conv' | 'none';

/** Options of {@link attachBinaryHead}. */
export interface BinaryHeadOptions {
  /** Units of each new hidden fully connected layer (ReLU); Kachuee et al. 2018 use 32. */
  hiddenUnits: number;
  /** New hidden layers before the output; Kachuee et al. 2018 use 2. */
  hiddenLayers: number;
  /** `'conv'` keeps the convolutional part fixed; `'none'` fine-tunes every layer. */
  freeze: FreezeMode;
  /** Seed of the new layers' Glorot-uniform initialisers. */
  seed: number;
}

/** Defaults of {@link attachBinaryHead}. */
export const BINARY_HEAD_DEFAULTS: BinaryHeadOptions = {
  hiddenUnits: 32,
  hiddenLayers: 2,
  freeze: 'none',
  seed: 0,
};

/** Layer classes that end a network's convolutional part. */
const FEATURE_LAYER_CLASSES = new Set([
  'Flatten',
  'GlobalAveragePooling1D',
  'GlobalMaxPooling1D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
]);

/**
 * Keeps a network's convolutional part (every layer up to its last flatten or global
 * pooling layer) and puts a new head on it: a dense ReLU layer and a one-unit sigmoid.
 * @param base a trained (or freshly initialised) tfjs layers model; its layers are
 * shared with the result, so pass a copy you no longer need
 * @param options hidden units, freezing and seed; see {@link BINARY_HEAD_DEFAULTS}
 * @returns a model from the same input to the probability of the positive class
 * @throws ParameterError when the model has no flatten or global pooling layer
 * @remarks With `freeze: 'conv'` the layers of the convolutional part get
 * `trainable = false`, so only the new layers learn. The old head is discarded, and with
 * it any second input (such as RR features) that joined after the convolutional part.
 * @see Kachuee M, Fazeli S, Sarrafzadeh M. ECG heartbeat classification: a deep
 * transferable representation. IEEE ICHI 2018. https://doi.org/10.1109/ICHI.2018.00092
 */
export function attachBinaryHead(
  base: LayersModel,
  options: Partial<BinaryHeadOptions> = {},
): LayersModel {
  const { hiddenUnits, hiddenLayers, freeze, seed } = {
    ...BINARY_HEAD_DEFAULTS,
    ...options,
  };
  const featureIndex = findFeatureLayerIndex(base);

  // Freeze (or release) the reused convolutional part.
  base.layers.forEach((layer, index) => {
    layer.trainable = index > featureIndex || freeze === 'none';
  });

  // New head on the features: dense ReLU layers, then one sigmoid unit.
  let features = base.layers[featureIndex].output as tfl.SymbolicTensor;
  for (let layer = 0; layer < hiddenLayers; layer++) {
    features = tfl.layers
      .dense({
        units: hiddenUnits,
        activation: 'relu',
        kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + layer }),
        name: `transfer_hidden_${layer + 1}`,
      })
      .apply(features) as tfl.SymbolicTensor;
  }
  const output = tfl.layers
    .dense({
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + hiddenLayers }),
      name: 'transfer_output',
    })
    .apply(features) as tfl.SymbolicTensor;
  // The features depend on the signal input alone: a second input (RR features) joins
  // after them, in the discarded head.
  return tfl.model({
    inputs: base.inputs[0],
    outputs: output,
    name: `${base.name}_binary`,
  });
}

/**
 * Index of the last flatten or global pooling layer: the end of the convolutional part.
 * @throws ParameterError when there is none
 */
export function findFeatureLayerIndex(model: LayersModel): number {
  for (let index = model.layers.length - 1; index >= 0; index--) {
    if (FEATURE_LAYER_CLASSES.has(model.layers[index].getClassName())) return index;
  }
  throw new ParameterError(
    `model '${model.name}'`,
    'a network with a Flatten or global pooling layer after its convolutions',
    model.layers.map((layer) => layer.getClassName()).join(' > '),
  );
}

/** Copies of the weights of the layers up to the feature layer, for tests and checks. */
export function convolutionalWeights(model: LayersModel): tf.Tensor[] {
  const featureIndex = findFeatureLayerIndex(model);
  return model.layers
    .slice(0, featureIndex + 1)
    .flatMap((layer) => layer.getWeights().map((weight) => weight.clone()));
}
