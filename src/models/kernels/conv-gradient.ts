/**
 * Steps shared by the convolution gradient kernels: spreading dy for the input gradient,
 * and stacking per-tap blocks into the filter gradient.
 */
import { NotImplementedError } from '../../util/errors.js';
import type { tf } from '../runtime.js';
import {
  dilateAndPad,
  disposeAll,
  reshape,
  runKernel,
  type KernelBackendLike,
} from './kernel-utils.js';

/**
 * Spreads dy onto the input grid and pads it so that a valid, stride-1 convolution with
 * the filter rotated by 180 degrees returns the input's height and width.
 *
 * @param op - the gradient's name, for the error message.
 * @returns a new NHWC tensor of (inHeight + filterHeight - 1) x (inWidth + filterWidth - 1).
 * @throws NotImplementedError when a leading pad is wider than the filter less one, which
 * 'same' and 'valid' never give.
 * @remarks dy[o] lands at o * stride, with stride - 1 zeros between, after
 * filter - 1 - leading pad zeros in front.
 */
export function spreadForInputGradient(
  backend: KernelBackendLike,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  op: string,
): tf.TensorInfo {
  const before = {
    rows: info.filterHeight - 1 - info.padInfo.top,
    cols: info.filterWidth - 1 - info.padInfo.left,
  };
  if (before.rows < 0 || before.cols < 0) {
    throw new NotImplementedError(`${op} with a pad wider than the filter`);
  }

  return dilateAndPad(
    backend,
    dy,
    { rows: info.strideHeight, cols: info.strideWidth },
    before,
    {
      rows: info.inHeight + info.filterHeight - 1,
      cols: info.inWidth + info.filterWidth - 1,
    },
  );
}

/**
 * Stacks one gradient block per filter tap, in [KH, KW] order, into the filter gradient
 * and releases the blocks.
 *
 * @param blocks - one block per tap, each with the tap's inChannels x outChannels values.
 * @param filterShape - [KH, KW, inChannels, outChannels (or channel multiplier)].
 * @returns the filter gradient, shaped as the filter.
 */
export function stackTapGradients(
  backend: KernelBackendLike,
  blocks: tf.TensorInfo[],
  filterShape: [number, number, number, number],
): tf.TensorInfo {
  const stacked =
    blocks.length === 1 ? blocks[0] : runKernel('Concat', backend, blocks, { axis: 0 });
  const dw = reshape(backend, stacked, filterShape);
  disposeAll(backend, blocks);
  if (stacked !== blocks[0]) disposeAll(backend, [stacked]);
  return dw;
}
