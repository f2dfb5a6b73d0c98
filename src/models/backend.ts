import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { CardiokitError } from '../util/errors.js';
import { silentLogger, type Logger } from '../util/logger.js';
import { registerWasmTrainingKernels } from './kernels/register.js';
import { tf } from './runtime.js';

/** Which tfjs backend runs the networks. */
export type BackendName = 'wasm' | 'cpu';

/** Options of {@link initBackend}. */
export interface InitBackendOptions {
  /** `'wasm'` for real work; `'cpu'` (pure JavaScript, 25-400x slower) for reference tests. */
  backend?: BackendName;
  /** Receives one debug line naming the backend and its SIMD support. */
  logger?: Logger;
}

/** Defaults of {@link initBackend}. */
export const INIT_BACKEND_DEFAULTS: Required<Omit<InitBackendOptions, 'logger'>> = {
  backend: 'wasm',
};

/** The ML runtime could not start (wasm files missing, backend refused). */
export class BackendError extends CardiokitError {
  constructor(message: string) {
    super('BACKEND', message);
  }
}

let wasmPathsSet = false;
let quieted = false;

/**
 * Starts the tfjs backend that runs cardiokit's networks, and makes it able to train
 * convolutional networks.
 *
 * @param options `backend` (default `'wasm'`) and a `logger` for one debug line.
 * @returns the name of the active backend.
 * @throws {@link BackendError} when the backend cannot start (for example the wasm
 *   files are missing from `node_modules/@tensorflow/tfjs-backend-wasm/dist`).
 *
 * @remarks
 * Idempotent: a second call with the same backend returns at once; a call with another
 * backend switches to it. The wasm files are read from `node_modules` (no download).
 * tfjs's console notices (the tfjs-node hint, kernel re-registration) are silenced by
 * putting tfjs in production mode, and the process-wide `uncaughtException` and
 * `unhandledRejection` handlers that the Emscripten loader installs are removed again, so
 * that errors keep reaching cardiokit's own handler.
 *
 * On wasm, {@link registerWasmTrainingKernels} replaces the kernels the backend lacks or
 * gets wrong (`Conv2DBackpropFilter`, `Conv2DBackpropInput`, `MaxPoolGrad`, the depthwise
 * convolution gradients); gradients then agree with the cpu backend within about 3e-6.
 *
 * Limitations: under Node the wasm backend runs on a single thread (the threaded build
 * needs blob workers that Node lacks), so a 2-core machine trains on one core.
 *
 * @example
 * ```ts
 * await initBackend();            // wasm, for training and prediction
 * await initBackend({ backend: 'cpu' }); // pure-JS reference, for tests
 * ```
 */
export async function initBackend(
  options: InitBackendOptions = {},
): Promise<BackendName> {
  const { backend } = { ...INIT_BACKEND_DEFAULTS, ...options };
  const logger = options.logger ?? silentLogger;
  quietTfjs();
  // engine().backendName is read, not getBackend(): the latter would start the
  // highest-priority backend (wasm) before its paths are set.
  if (tf.engine().backendName === backend) return backend;

  if (backend === 'wasm') prepareWasm();
  const listenersBefore = processListeners();
  let ok: boolean;
  try {
    ok = await tf.setBackend(backend);
    await tf.ready();
  } catch (error) {
    throw new BackendError(
      `could not start the tfjs '${backend}' backend: ${String(error)}`,
    );
  } finally {
    removeAddedListeners(listenersBefore);
  }
  if (!ok) throw new BackendError(`the tfjs '${backend}' backend refused to start`);

  if (backend === 'wasm') registerWasmTrainingKernels();
  const simd = backend === 'wasm' ? tf.env().getBool('WASM_HAS_SIMD_SUPPORT') : false;
  logger.debug(`tfjs ${tf.version_core} backend ${backend}${simd ? ' (SIMD)' : ''}`);
  return backend;
}

/**
 * Size of the wasm backend's heap in bytes, or `undefined` when wasm is not the active
 * backend.
 *
 * @remarks
 * A WebAssembly memory only grows, so this is the peak heap the process has needed so
 * far; the limit is 4 GiB (4294901760 bytes).
 */
export function wasmHeapBytes(): number | undefined {
  if (tf.engine().backendName !== 'wasm') return undefined;
  const backend = tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } };
  return backend.wasm?.HEAPU8?.buffer.byteLength;
}

/** The wasm binaries ship in the backend package; point the loader at them. */
function prepareWasm(): void {
  if (wasmPathsSet) return;
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  setWasmPaths(`${join(dirname(packageJson), 'dist')}/`);
  wasmPathsSet = true;
}

/** Production mode drops tfjs's console notices and its debug-only checks. */
function quietTfjs(): void {
  if (quieted) return;
  tf.env().set('PROD', true);
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  quieted = true;
}

type ListenerEvent = 'uncaughtException' | 'unhandledRejection';
const EVENTS: ListenerEvent[] = ['uncaughtException', 'unhandledRejection'];

function processListeners(): Map<ListenerEvent, Set<unknown>> {
  const listeners = new Map<ListenerEvent, Set<unknown>>();
  for (const event of EVENTS) listeners.set(event, new Set<unknown>(listenersOf(event)));
  return listeners;
}

// The Emscripten loader rethrows every unhandled error from its own listeners, which
// would print the whole minified loader source instead of cardiokit's message.
function removeAddedListeners(before: Map<ListenerEvent, Set<unknown>>): void {
  for (const event of EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
}

function listenersOf(event: ListenerEvent): ((...args: unknown[]) => void)[] {
  const emitter = process as unknown as NodeJS.EventEmitter;
  return emitter.listeners(event) as ((...args: unknown[]) => void)[];
}
