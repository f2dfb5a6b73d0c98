/**
 * The ML runtime cardiokit uses: TensorFlow.js core and layers 4.22. Only `src/models`
 * imports these packages; the rest of cardiokit reaches them through this module, so
 * that one place decides the versions, the backend and the training kernels.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export { tf, tfl };

/** A tfjs layers model, as built by {@link buildModel} and read by {@link loadModel}. */
export type LayersModel = tfl.LayersModel;

/** A tfjs tensor. */
export type Tensor = tf.Tensor;
