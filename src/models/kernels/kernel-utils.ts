/**
 * Helpers shared by the replacement kernels: calling another kernel of the same backend
 * directly (kernels run inside the engine, so they call kernel functions, not ops) and
 * releasing the intermediate results they make.
 */
import { tf } from '../runtime.js';

/** The backend object a kernel function receives; only what the helpers use. */
export interface KernelBackendLike {
  disposeData(dataId: object, force?: boolean): boolean;
}

/** The backend the replacement kernels are written for. */
export const TRAINING_KERNELS_BACKEND = 'wasm';

/**
 * Runs the registered kernel `name` of the wasm backend on `inputs`.
 * @throws Error when the kernel is not registered (a tfjs version without it).
 */
export function runKernel(
  name: string,
  backend: KernelBackendLike,
  inputs: Record<string, tf.TensorInfo> | tf.TensorInfo[],
  attrs: Record<string, unknown> = {},
): tf.TensorInfo {
  const config = tf.getKernel(name, TRAINING_KERNELS_BACKEND);
  if (config === undefined) {
    throw new Error(
      `tfjs kernel '${name}' is not registered for '${TRAINING_KERNELS_BACKEND}'`,
    );
  }
  const result = config.kernelFunc({
    inputs: inputs as tf.NamedTensorInfoMap,
    backend: backend as unknown as tf.KernelBackend,
    attrs: attrs as tf.NamedAttrMap,
  });
  return Array.isArray(result) ? result[0] : result;
}

/** Releases intermediate tensors made inside a kernel. */
export function disposeAll(backend: KernelBackendLike, infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** Reshapes without copying (wasm reshape shares the buffer). */
export function reshape(
  backend: KernelBackendLike,
  x: tf.TensorInfo,
  shape: number[],
): tf.TensorInfo {
  return runKernel('Reshape', backend, { x }, { shape });
}

/** Zero-pads a 4-D NHWC tensor on its two spatial axes; returns `x` itself when no pad. */
export function padSpatial(
  backend: KernelBackendLike,
  x: tf.TensorInfo,
  pads: { top: number; bottom: number; left: number; right: number },
): { padded: tf.TensorInfo; owned: boolean } {
  const { top, bottom, left, right } = pads;
  if (top === 0 && bottom === 0 && left === 0 && right === 0) {
    return { padded: x, owned: false };
  }
  const paddings = [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
  const padded = runKernel('PadV2', backend, { x }, { paddings, constantValue: 0 });
  return { padded, owned: true };
}

/**
 * The view of a padded NHWC input that filter tap (`tapRow`, `tapCol`) meets at every
 * output position: rows `tapRow + i * strideRows` for `i < outRows`, likewise columns.
 */
export function tapView(
  backend: KernelBackendLike,
  paddedX: tf.TensorInfo,
  tap: { row: number; col: number },
  out: { rows: number; cols: number; strideRows: number; strideCols: number },
): tf.TensorInfo {
  const [batch, , , channels] = paddedX.shape;
  const begin = [0, tap.row, tap.col, 0];
  const end = [
    batch,
    tap.row + (out.rows - 1) * out.strideRows + 1,
    tap.col + (out.cols - 1) * out.strideCols + 1,
    channels,
  ];
  return runKernel(
    'StridedSlice',
    backend,
    { x: paddedX },
    {
      begin,
      end,
      strides: [1, out.strideRows, out.strideCols, 1],
      beginMask: 0,
      endMask: 0,
      ellipsisMask: 0,
      newAxisMask: 0,
      shrinkAxisMask: 0,
    },
  );
}

/**
 * Spreads a 4-D NHWC gradient over the input grid of a strided convolution: inserts
 * `strideRows - 1` zero rows after each row (and likewise columns), then zero-pads
 * `before` and crops or pads to `length` on each spatial axis.
 */
export function dilateAndPad(
  backend: KernelBackendLike,
  dy: tf.TensorInfo,
  strides: { rows: number; cols: number },
  before: { rows: number; cols: number },
  length: { rows: number; cols: number },
): tf.TensorInfo {
  const [batch, outRows, outCols, channels] = dy.shape;
  const made: tf.TensorInfo[] = [];
  let spread = dy;
  if (strides.rows > 1 || strides.cols > 1) {
    const six = reshape(backend, dy, [batch, outRows, 1, outCols, 1, channels]);
    const paddings = [
      [0, 0],
      [0, 0],
      [0, strides.rows - 1],
      [0, 0],
      [0, strides.cols - 1],
      [0, 0],
    ];
    const padded = runKernel(
      'PadV2',
      backend,
      { x: six },
      { paddings, constantValue: 0 },
    );
    spread = reshape(backend, padded, [
      batch,
      outRows * strides.rows,
      outCols * strides.cols,
      channels,
    ]);
    made.push(six, padded, spread);
  }

  // Pad to at least the target length, then crop the surplus at the end.
  const spreadRows = spread.shape[1];
  const spreadCols = spread.shape[2];
  const afterRows = Math.max(0, length.rows - before.rows - spreadRows);
  const afterCols = Math.max(0, length.cols - before.cols - spreadCols);
  const { padded, owned } = padSpatial(backend, spread, {
    top: before.rows,
    bottom: afterRows,
    left: before.cols,
    right: afterCols,
  });
  if (owned) made.push(padded);

  let result: tf.TensorInfo;
  if (padded.shape[1] !== length.rows || padded.shape[2] !== length.cols) {
    const size = [batch, length.rows, length.cols, channels];
    result = runKernel('Slice', backend, { x: padded }, { begin: [0, 0, 0, 0], size });
  } else if (padded === dy) {
    result = runKernel('Identity', backend, { x: dy });
  } else {
    result = padded;
  }
  disposeAll(
    backend,
    made.filter((info) => info !== result),
  );
  return result;
}
