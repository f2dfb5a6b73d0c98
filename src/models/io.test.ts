import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileError } from '../util/errors.js';
import { initBackend } from './backend.js';
import { loadModel, saveModel } from './io.js';
import { buildModel } from './registry.js';
import { tf } from './runtime.js';
import { seededValues } from './test-helpers/backends.js';

describe('saveModel and loadModel', () => {
  let dir: string;
  beforeAll(async () => {
    await initBackend();
    dir = await mkdtemp(join(tmpdir(), 'cardiokit-models-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('give identical predictions after a round trip (resnet1d-wang-2017, 64x3 input)', async () => {
    const model = buildModel('resnet1d-wang-2017', {
      inputShape: [64, 3],
      seed: 3,
      filters: 8,
    });
    const x = tf.tensor3d(seededValues(4 * 64 * 3, 7), [4, 64, 3]);
    const before = (model.predict(x) as tf.Tensor).dataSync().slice();
    const target = join(dir, 'model');
    await saveModel(model, target);
    expect((await readdir(target)).sort()).toEqual(['model.json', 'weights.bin']);
    const manifest = JSON.parse(await readFile(join(target, 'model.json'), 'utf8'));
    expect(manifest.weightsManifest[0].paths).toEqual(['weights.bin']);

    const loaded = await loadModel(target);
    const after = (loaded.predict(x) as tf.Tensor).dataSync();
    // Same weights, same kernels: bit-identical.
    expect(Array.from(after)).toEqual(Array.from(before));
    tf.dispose(x);
  });

  it('replaces an existing model as a whole and leaves no temporary files', async () => {
    const target = join(dir, 'replaced');
    await saveModel(
      buildModel('fcn1d-wang-2017', { inputShape: [32, 1], seed: 1, filters: [4, 4, 4] }),
      target,
    );
    const second = buildModel('kachuee-2018', {
      inputShape: [187, 1],
      seed: 2,
      filters: 4,
      denseUnits: 4,
    });
    await saveModel(second, target);
    const loaded = await loadModel(target);
    expect(loaded.name).toBe(second.name);
    expect((await readdir(dir)).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('keeps other files of the model folder when it saves over it', async () => {
    const target = join(dir, 'run');
    const small = { inputShape: [32, 1], seed: 1, filters: [4, 4, 4] };
    await saveModel(buildModel('fcn1d-wang-2017', small), target);
    await writeFile(join(target, 'preprocessing.json'), '{"targetRateHz":100}');
    await saveModel(buildModel('fcn1d-wang-2017', { ...small, seed: 2 }), target);
    expect(await readFile(join(target, 'preprocessing.json'), 'utf8')).toBe(
      '{"targetRateHz":100}',
    );
    expect((await readdir(target)).sort()).toEqual([
      'model.json',
      'preprocessing.json',
      'weights.bin',
    ]);
  });

  it('names the file when model.json is missing or weights.bin is truncated', async () => {
    await expect(loadModel(join(dir, 'nothing'))).rejects.toThrow(
      /model\.json is missing/,
    );
    const target = join(dir, 'truncated');
    await saveModel(
      buildModel('fcn1d-wang-2017', { inputShape: [32, 1], seed: 1, filters: [4, 4, 4] }),
      target,
    );
    const weights = await readFile(join(target, 'weights.bin'));
    await writeFile(join(target, 'weights.bin'), weights.subarray(0, weights.length - 8));
    await expect(loadModel(target)).rejects.toThrow(FileError);
    await expect(loadModel(target)).rejects.toThrow(/weights\.bin: holds/);
  });
});
