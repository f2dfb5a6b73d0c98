import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../util/logger.js';
import { initBackend, wasmHeapBytes } from './backend.js';
import { WASM_TRAINING_KERNELS } from './kernels/register.js';
import { buildModel } from './registry.js';
import { tf } from './runtime.js';

describe('initBackend', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('starts wasm quietly: no console output, no process-wide error handlers left behind', async () => {
    const spies = (['log', 'warn', 'info', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    const rejectionHandlers = process.listenerCount('unhandledRejection');
    const exceptionHandlers = process.listenerCount('uncaughtException');
    const logger = createMemoryLogger();

    expect(await initBackend({ logger })).toBe('wasm');
    const model = buildModel('fcn1d-wang-2017', {
      inputShape: [16, 1],
      seed: 1,
      filters: [2, 2, 2],
    });
    tf.dispose(model.predict(tf.zeros([1, 16, 1])) as tf.Tensor);
    expect(await initBackend({ backend: 'cpu' })).toBe('cpu');
    tf.dispose(tf.add(tf.zeros([2]), 1));
    expect(await initBackend()).toBe('wasm');

    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(process.listenerCount('unhandledRejection')).toBe(rejectionHandlers);
    expect(process.listenerCount('uncaughtException')).toBe(exceptionHandlers);
    expect(logger.lines.join('\n')).toMatch(/backend wasm/);
  });

  it('is idempotent and keeps cardiokit training kernels registered on wasm', async () => {
    await initBackend();
    await initBackend();
    expect(tf.getBackend()).toBe('wasm');
    for (const config of WASM_TRAINING_KERNELS) {
      expect(tf.getKernel(config.kernelName, 'wasm')?.kernelFunc).toBe(config.kernelFunc);
    }
    expect(wasmHeapBytes()).toBeGreaterThan(0);
  });
});
