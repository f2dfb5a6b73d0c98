/**
 * `Tile` for the wasm backend, whose own kernel copies one element at a time through
 * index arithmetic. Batch normalisation's gradient tiles a per-channel vector over the
 * whole activation, so a slow `Tile` made it the most expensive kernel of a training step
 * (about 40% of a resnet1d-wang-2017 step).
 */
import { tf } from '../runtime.js';

/** What the kernel needs from the wasm backend: heap views and output allocation. */
interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): tf.TypedArray;
}

/**
 * Repeats `x` `reps[axis]` times along each axis, by block copies.
 *
 * @remarks
 * From the last axis to the first, each axis with a repeat count above 1 is expanded:
 * for every index of the axes before it, the contiguous block of the axes from it on is
 * written `reps[axis]` times in a row. Each pass is a run of `TypedArray.set` copies.
 * float32, int32 and bool tensors (the wasm backend has no strings).
 */
export function tile(args: {
  inputs: { x: tf.TensorInfo };
  backend: WasmHeapBackend;
  attrs: { reps: number[] };
}): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x } = inputs;
  const { reps } = attrs;
  const shape = [...x.shape];
  const outShape = shape.map((size, axis) => size * reps[axis]);

  let values: tf.TypedArray = backend.typedArrayFromHeap(x).slice();
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    if (reps[axis] === 1) continue;
    values = repeatAxis(values, shape, axis, reps[axis]);
    shape[axis] *= reps[axis];
  }

  const out = backend.makeOutput(outShape, x.dtype);
  // The view is taken after the allocation: growing the heap detaches older views.
  backend.typedArrayFromHeap(out).set(values);
  return out;
}

// Repeats the block of axes [axis, rank) `times` times for every index of the axes before.
function repeatAxis(
  values: tf.TypedArray,
  shape: number[],
  axis: number,
  times: number,
): tf.TypedArray {
  const block = shape.slice(axis).reduce((a, b) => a * b, 1);
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const Constructor = values.constructor as new (length: number) => tf.TypedArray;
  const result = new Constructor(outer * block * times);
  for (let index = 0; index < outer; index++) {
    const source = values.subarray(index * block, (index + 1) * block);
    const start = index * block * times;
    for (let copy = 0; copy < times; copy++) result.set(source, start + copy * block);
  }
  return result;
}

/** Kernel registration for the wasm backend. */
export const tileConfig: tf.KernelConfig = {
  kernelName: tf.Tile,
  backendName: 'wasm',
  kernelFunc: tile as unknown as tf.KernelFunc,
};
