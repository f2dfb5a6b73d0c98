/**
 * `MaxPoolGrad` for the wasm backend, whose own kernel sends the gradient of a window
 * whose values are all <= 0 to the window's first element instead of its maximum.
 */
import { tf } from '../runtime.js';

/** What the kernel needs from the wasm backend: heap views and output allocation. */
interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.TypedArray;
}

interface Attrs {
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * Routes each output gradient dy[b, oh, ow, c] to the position of its window's maximum
 * in the input, summing where windows overlap.
 *
 * @remarks
 * The maximum is the first strictly greatest value in row-major window order, padding
 * excluded, as in tfjs's cpu backend; a window of NaN or -Infinity only passes no
 * gradient. A plain loop over the wasm heap: pooling windows are small (5 in the 1-D
 * networks, 2 x 2 or 3 x 3 in the 2-D ones), so this costs little next to the
 * convolutions.
 */
export function maxPoolGrad(args: {
  inputs: { dy: tf.TensorInfo; input: tf.TensorInfo };
  backend: WasmHeapBackend;
  attrs: Attrs;
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, input } = inputs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const dxInfo = backend.makeOutput(input.shape, 'float32');
  // Views are taken after the allocation: growing the heap detaches older views.
  const dx = backend.typedArrayFromHeap(dxInfo) as Float32Array;
  const x = backend.typedArrayFromHeap(input) as Float32Array;
  const dyValues = backend.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);

  const { inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, filterHeight, filterWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const rowStride = inWidth * channels;
  const batchStride = inHeight * rowStride;
  let dyIndex = 0;
  for (let b = 0; b < info.batchSize; b++) {
    const batchOffset = b * batchStride;
    for (let oh = 0; oh < outHeight; oh++) {
      const rowStart = oh * strideHeight - top;
      const rowFrom = Math.max(0, rowStart);
      const rowTo = Math.min(inHeight, rowStart + filterHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const colStart = ow * strideWidth - left;
        const colFrom = Math.max(0, colStart);
        const colTo = Math.min(inWidth, colStart + filterWidth);
        for (let c = 0; c < channels; c++, dyIndex++) {
          let best = -Infinity;
          let bestIndex = -1;
          for (let r = rowFrom; r < rowTo; r++) {
            let index = batchOffset + r * rowStride + colFrom * channels + c;
            for (let q = colFrom; q < colTo; q++, index += channels) {
              if (x[index] > best) {
                best = x[index];
                bestIndex = index;
              }
            }
          }
          if (bestIndex >= 0) dx[bestIndex] += dyValues[dyIndex];
        }
      }
    }
  }
  return dxInfo;
}

/** Kernel registration for the wasm backend. */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'wasm',
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
