/**
 * `Conv2DBackpropFilter` for the wasm backend, which ships without it: the gradient of a
 * 2-D convolution with respect to its filter.
 */
import { NotImplementedError } from '../../util/errors.js';
import { tf } from '../runtime.js';
import { stackTapGradients } from './conv-gradient.js';
import {
  disposeAll,
  padSpatial,
  reshape,
  runKernel,
  type KernelBackendLike,
} from './kernel-utils.js';

interface Attrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * Computes dW[kh, kw, ci, co] = sum over batch and output positions of
 * x_padded[b, oh * strideRows + kh, ow * strideCols + kw, ci] * dy[b, oh, ow, co].
 *
 * @remarks
 * One matrix product per filter tap: the strided view of the padded input that the tap
 * meets, as an (inChannels x positions) matrix, times dy as a (positions x outChannels)
 * matrix. This holds one tap's view in memory at a time rather than the whole
 * im2col matrix, which matters for the 2-D networks. Dilation is always 1 here: tfjs's own
 * convolution gradient refuses dilated convolutions before it reaches the kernel.
 *
 * Limitations: NHWC only (tfjs layers' default); NCHW throws `NotImplementedError`.
 */
export function conv2dBackpropFilter(args: {
  inputs: { x: tf.TensorInfo; dy: tf.TensorInfo };
  backend: KernelBackendLike;
  attrs: Attrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x, dy } = inputs;
  if (attrs.dataFormat === 'NCHW') {
    throw new NotImplementedError('Conv2DBackpropFilter with dataFormat NCHW on wasm');
  }
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize, outHeight, outWidth, inChannels, outChannels } = info;
  const positions = batchSize * outHeight * outWidth;

  // Channels first, [inC, batch, rows, cols]: each tap's view is then a ready
  // (inC x positions) matrix. A BatchMatMul with transposeA is 10-30 times slower on wasm.
  const { padded, owned } = padSpatial(backend, x, info.padInfo);
  const channelsFirst = runKernel(
    'Transpose',
    backend,
    { x: padded },
    { perm: [3, 0, 1, 2] },
  );
  if (owned) disposeAll(backend, [padded]);
  const dyMatrix = reshape(backend, dy, [1, positions, outChannels]);

  // One (inChannels x outChannels) block of the filter gradient per tap.
  const blocks: tf.TensorInfo[] = [];
  const lastRow = (outHeight - 1) * info.strideHeight + 1;
  const lastCol = (outWidth - 1) * info.strideWidth + 1;
  for (let row = 0; row < info.filterHeight; row++) {
    for (let col = 0; col < info.filterWidth; col++) {
      const view = runKernel(
        'StridedSlice',
        backend,
        { x: channelsFirst },
        {
          begin: [0, 0, row, col],
          end: [inChannels, batchSize, row + lastRow, col + lastCol],
          strides: [1, 1, info.strideHeight, info.strideWidth],
          beginMask: 0,
          endMask: 0,
          ellipsisMask: 0,
          newAxisMask: 0,
          shrinkAxisMask: 0,
        },
      );
      const viewMatrix = reshape(backend, view, [1, inChannels, positions]);
      const block = runKernel(
        'BatchMatMul',
        backend,
        { a: viewMatrix, b: dyMatrix },
        { transposeA: false, transposeB: false },
      );
      blocks.push(block);
      disposeAll(backend, [view, viewMatrix]);
    }
  }

  disposeAll(backend, [channelsFirst, dyMatrix]);
  return stackTapGradients(backend, blocks, attrs.filterShape);
}

/** Kernel registration for the wasm backend. */
export const conv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilter as unknown as tf.KernelFunc,
};
