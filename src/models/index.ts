/**
 * cardiokit's networks and the ML runtime that trains them: TensorFlow.js 4.22 (core and
 * layers) on the WebAssembly backend, with replacement kernels that make convolutional
 * networks trainable there.
 *
 * Conventions of this folder:
 * - Call {@link initBackend} once before building, training or loading a model.
 * - 1-D networks read `[batch, samples, leads]`; 2-D networks read
 *   `[batch, leads, samples, 1]` (a window as a one-channel image).
 * - Binary tasks use one sigmoid unit and binary cross-entropy (never a one-unit
 *   softmax); n-class tasks use n softmax units and categorical cross-entropy.
 * - The same name, options and seed give identical initial weights. No pretrained
 *   weights exist offline: every network starts from seeded random weights.
 * - A saved model is a folder with `model.json` and `weights.bin` (tfjs layout).
 *
 * Limitations: the wasm backend runs on one thread under Node; the 2-D networks are far
 * slower than the 1-D ones on a CPU (see the README's benchmarks).
 */
export {
  initBackend,
  INIT_BACKEND_DEFAULTS,
  BackendError,
  wasmHeapBytes,
} from './backend.js';
export type { BackendName, InitBackendOptions } from './backend.js';
export {
  registerWasmTrainingKernels,
  WASM_TRAINING_KERNELS,
} from './kernels/register.js';
export {
  buildModel,
  listModels,
  isModelName,
  MODEL_NAMES,
  DEFAULT_MODEL,
} from './registry.js';
export type { BuildModelOptions, ModelInfo, ModelName } from './registry.js';
export { compileModel, COMPILE_MODEL_DEFAULTS } from './compile.js';
export type { CompileModelOptions } from './compile.js';
export { saveModel, loadModel, FileModelHandler, MODEL_FILES } from './io.js';
export {
  buildKachuee2018,
  KACHUEE_2018_DEFAULTS,
  minSamplesKachuee,
} from './networks/kachuee-2018.js';
export type { Kachuee2018Options } from './networks/kachuee-2018.js';
export {
  buildResnet1dWang2017,
  RESNET1D_WANG_2017_DEFAULTS,
} from './networks/resnet1d-wang-2017.js';
export type { Resnet1dWang2017Options } from './networks/resnet1d-wang-2017.js';
export {
  buildFcn1dWang2017,
  FCN1D_WANG_2017_DEFAULTS,
} from './networks/fcn1d-wang-2017.js';
export type { Fcn1dWang2017Options } from './networks/fcn1d-wang-2017.js';
export {
  buildResnet50Truncated,
  RESNET50_TRUNCATED_DEFAULTS,
} from './networks/resnet50-truncated.js';
export type { Resnet50TruncatedOptions } from './networks/resnet50-truncated.js';
export {
  buildEfficientNetB7Truncated,
  EFFICIENTNET_B7_TRUNCATED_DEFAULTS,
  roundFilters,
} from './networks/efficientnet-b7-truncated.js';
export type { EfficientNetB7TruncatedOptions } from './networks/efficientnet-b7-truncated.js';
export { buildVgg3Block, VGG_3BLOCK_DEFAULTS } from './networks/vgg-3block.js';
export type { Vgg3BlockOptions } from './networks/vgg-3block.js';
export { tf, tfl } from './runtime.js';
export type { LayersModel, Tensor } from './runtime.js';
