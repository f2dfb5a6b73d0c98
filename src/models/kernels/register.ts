import { tf } from '../runtime.js';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input.js';
import { depthwiseConv2dBackpropFilterConfig } from './depthwise-conv2d-backprop-filter.js';
import { depthwiseConv2dBackpropInputConfig } from './depthwise-conv2d-backprop-input.js';
import { maxPoolGradConfig } from './max-pool-grad.js';
import { tileConfig } from './tile.js';

/** The kernels cardiokit registers on the wasm backend, in registration order. */
export const WASM_TRAINING_KERNELS: readonly tf.KernelConfig[] = [
  conv2dBackpropFilterConfig,
  conv2dBackpropInputConfig,
  maxPoolGradConfig,
  depthwiseConv2dBackpropFilterConfig,
  depthwiseConv2dBackpropInputConfig,
  tileConfig,
];

/**
 * Registers cardiokit's replacement training kernels on the wasm backend, replacing any
 * kernel of the same name; idempotent.
 *
 * @remarks
 * The wasm backend of tfjs 4.22 lacks `Conv2DBackpropFilter` and the depthwise
 * convolution gradients, has a slow `Conv2DBackpropInput`, a `MaxPoolGrad` that is
 * wrong for windows whose values are all <= 0, and a `Tile` slow enough to dominate the
 * gradient of batch normalisation. The replacements are built from kernels
 * the backend has (forward `Conv2D` and `DepthwiseConv2dNative`, `BatchMatMul`, `PadV2`,
 * `StridedSlice`, `Transpose`, `Reverse`) or, for `MaxPoolGrad` and `Tile`, loops and
 * block copies on the wasm heap. Their gradient-check tests compare them with the pure-JS cpu backend.
 */
export function registerWasmTrainingKernels(): void {
  for (const config of WASM_TRAINING_KERNELS) {
    const existing = tf.getKernel(config.kernelName, config.backendName);
    if (existing?.kernelFunc === config.kernelFunc) continue;
    if (existing !== undefined)
      tf.unregisterKernel(config.kernelName, config.backendName);
    tf.registerKernel(config);
  }
}
