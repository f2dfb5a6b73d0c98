/**
 * `DepthwiseConv2dNativeBackpropFilter` for the wasm backend, which ships without it:
 * the gradient of a depthwise convolution (EfficientNet's MBConv) with respect to its
 * filter.
 */
import { NotImplementedError } from '../../util/errors.js';
import { tf } from '../runtime.js';
import { stackTapGradients } from './conv-gradient.js';
import {
  disposeAll,
  padSpatial,
  reshape,
  runKernel,
  tapView,
  type KernelBackendLike,
} from './kernel-utils.js';

interface Attrs {
  strides: number | [number, number];
  dilations: number | [number, number];
  pad: 'valid' | 'same' | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * Computes dW[kh, kw, c, 0] = sum over batch and output positions of
 * x_padded[b, oh * strideRows + kh, ow * strideCols + kw, c] * dy[b, oh, ow, c].
 *
 * @remarks
 * One element-wise product and sum per filter tap.
 *
 * Limitations: channel multiplier 1 only (the one depthwise convolutions in cardiokit's
 * networks use) and dilation 1; others throw `NotImplementedError`.
 */
export function depthwiseConv2dBackpropFilter(args: {
  inputs: { x: tf.TensorInfo; dy: tf.TensorInfo };
  backend: KernelBackendLike;
  attrs: Attrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  const [filterRows, filterCols, channels, multiplier] = attrs.filterShape;
  if (multiplier !== 1) {
    throw new NotImplementedError(
      `depthwise convolution gradient with channel multiplier ${multiplier} on wasm`,
    );
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    true,
  );
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1) {
    throw new NotImplementedError('dilated depthwise convolution gradient on wasm');
  }

  const { padded, owned } = padSpatial(backend, x, info.padInfo);
  const out = {
    rows: info.outHeight,
    cols: info.outWidth,
    strideRows: info.strideHeight,
    strideCols: info.strideWidth,
  };

  // One row of per-channel sums for each tap, in [KH, KW] order.
  const rows: tf.TensorInfo[] = [];
  for (let row = 0; row < filterRows; row++) {
    for (let col = 0; col < filterCols; col++) {
      const view = tapView(backend, padded, { row, col }, out);
      const product = runKernel('Multiply', backend, { a: view, b: dy });
      const sums = runKernel(
        'Sum',
        backend,
        { x: product },
        { axis: [0, 1, 2], keepDims: true },
      );
      rows.push(reshape(backend, sums, [1, channels]));
      disposeAll(backend, [view, product, sums]);
    }
  }

  if (owned) disposeAll(backend, [padded]);
  return stackTapGradients(backend, rows, attrs.filterShape);
}

/** Kernel registration for the wasm backend. */
export const depthwiseConv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
  backendName: 'wasm',
  kernelFunc: depthwiseConv2dBackpropFilter as unknown as tf.KernelFunc,
};
