/**
 * `Conv2DBackpropInput` for the wasm backend, whose own kernel is slow: the gradient of
 * a 2-D convolution with respect to its input, computed as a forward convolution.
 */
import { NotImplementedError } from '../../util/errors.js';
import { tf } from '../runtime.js';
import { spreadForInputGradient } from './conv-gradient.js';
import { disposeAll, runKernel, type KernelBackendLike } from './kernel-utils.js';

interface Attrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/**
 * Computes dx as the valid, stride-1 convolution of the spread gradient with the filter
 * rotated by 180 degrees and its channel axes swapped.
 *
 * @remarks
 * With forward y[o] = sum_k x[o * s + k - p] W[k] (per spatial axis, stride s, leading pad
 * p, filter size K), dx[i] = sum_k z[i + p - k] W[k], where z holds dy[o] at o * s and zeros
 * between. Reversing k turns this into a plain correlation of z, padded by K - 1 - p in
 * front, with W flipped: the wasm backend's fast forward `Conv2D` then does the work.
 *
 * Limitations: NHWC only, and a leading pad of at most K - 1 (always true for 'same' and
 * 'valid'); other cases throw `NotImplementedError`.
 */
export function conv2dBackpropInput(args: {
  inputs: { dy: tf.TensorInfo; filter: tf.TensorInfo };
  backend: KernelBackendLike;
  attrs: Attrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs;
  if (attrs.dataFormat === 'NCHW') {
    throw new NotImplementedError('Conv2DBackpropInput with dataFormat NCHW on wasm');
  }
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );

  // Spread dy onto the input grid and pad it so that a valid convolution returns H x W.
  const spread = spreadForInputGradient(backend, dy, info, 'Conv2DBackpropInput');

  // Rotate the filter by 180 degrees and swap in/out channels: [KH, KW, outC, inC].
  const flipped = runKernel('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const swapped = runKernel('Transpose', backend, { x: flipped }, { perm: [0, 1, 3, 2] });

  const dx = runKernel(
    'Conv2D',
    backend,
    { x: spread, filter: swapped },
    { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] },
  );
  disposeAll(backend, [spread, flipped, swapped]);
  return dx;
}

/** Kernel registration for the wasm backend. */
export const conv2dBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput as unknown as tf.KernelFunc,
};
