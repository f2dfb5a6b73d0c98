/**
 * `DepthwiseConv2dNativeBackpropInput` for the wasm backend, which ships without it: the
 * gradient of a depthwise convolution with respect to its input, computed as a forward
 * depthwise convolution.
 */
import { NotImplementedError } from '../../util/errors.js';
import { tf } from '../runtime.js';
import { spreadForInputGradient } from './conv-gradient.js';
import { disposeAll, runKernel, type KernelBackendLike } from './kernel-utils.js';

interface Attrs {
  strides: number | [number, number];
  dilations: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/**
 * Computes dx as the valid, stride-1 depthwise convolution of the spread gradient with
 * the filter rotated by 180 degrees (the same derivation as `Conv2DBackpropInput`, one
 * channel at a time).
 *
 * @remarks
 * Limitations: channel multiplier 1 and dilation 1 only; others throw
 * `NotImplementedError`.
 */
export function depthwiseConv2dBackpropInput(args: {
  inputs: { dy: tf.TensorInfo; filter: tf.TensorInfo };
  backend: KernelBackendLike;
  attrs: Attrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs;
  const filterShape = filter.shape as [number, number, number, number];
  if (filterShape[3] !== 1) {
    throw new NotImplementedError(
      `depthwise convolution gradient with channel multiplier ${filterShape[3]} on wasm`,
    );
  }
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    filterShape,
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1) {
    throw new NotImplementedError('dilated depthwise convolution gradient on wasm');
  }

  const spread = spreadForInputGradient(
    backend,
    dy,
    info,
    'depthwise convolution gradient',
  );
  const flipped = runKernel('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const dx = runKernel(
    'DepthwiseConv2dNative',
    backend,
    { x: spread, filter: flipped },
    { strides: [1, 1], pad: 'valid', dilations: [1, 1], dataFormat: 'NHWC' },
  );
  disposeAll(backend, [spread, flipped]);
  return dx;
}

/** Kernel registration for the wasm backend. */
export const depthwiseConv2dBackpropInputConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropInput,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dBackpropInput as unknown as tf.KernelFunc,
};
