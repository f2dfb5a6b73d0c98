import { describe, expect, it } from 'vitest';
import { RecordStore, type PipelineItem } from '../data/batches.js';
import { PREPROCESSING_DEFAULTS } from '../data/preprocess.js';
import { createRandom } from '../data/random.js';
import { buildModel, initBackend } from '../models/index.js';
import { fitModel, learningRateAt } from './fit.js';

/** Two leads of 200 samples: MI records carry a 0.1-cycle/sample sine of amplitude 1. */
function syntheticStore(items: PipelineItem[]): RecordStore {
  const random = createRandom(11);
  const signals = new Map(
    items.map((item) => [
      item.recordId,
      [0, 1].map(() =>
        Float32Array.from(
          { length: 200 },
          (_, t) => random() - 0.5 + item.label * Math.sin(2 * Math.PI * 0.1 * t),
        ),
      ),
    ]),
  );
  return new RecordStore(
    PREPROCESSING_DEFAULTS,
    { cache: true },
    async (item) => signals.get(item.recordId) as Float32Array[],
  );
}

const items = (prefix: string, count: number): PipelineItem[] =>
  Array.from({ length: count }, (_, index) => ({
    recordId: `${prefix}${index}`,
    recordPath: '',
    patientId: `${prefix}${index}`,
    label: (index % 3 === 0 ? 1 : 0) as 0 | 1,
  }));

describe('fitModel', () => {
  it('lowers the training loss on a fixed seed and restores the best epoch', async () => {
    await initBackend();
    const train = items('t', 48);
    const validation = items('v', 12);
    const store = syntheticStore([...train, ...validation]);
    const model = buildModel('resnet1d-wang-2017', {
      inputShape: [50, 2],
      seed: 3,
      filters: 8,
      blocks: 1,
    });
    const epochs: number[] = [];
    const result = await fitModel(
      model,
      store,
      { train, validation, stats: { mean: [0, 0], std: [1, 1] } },
      {
        epochs: 4,
        batchSize: 16,
        learningRate: 1e-2,
        classWeights: [1, 2],
        schedule: 'constant',
        patience: 0,
        monitor: 'valLoss',
        cropsPerRecord: 2,
        windowSamples: 50,
        strideSamples: 25,
        aggregation: 'mean',
        seed: 5,
        onEpoch: (record) => epochs.push(record.epoch),
      },
    );
    expect(epochs).toEqual([1, 2, 3, 4]);
    const losses = result.history.map((record) => record.trainLoss);
    expect(losses[3]).toBeLessThan(losses[0]);
    const best = result.history.reduce((a, b) => (b.valLoss < a.valLoss ? b : a));
    expect(result.bestEpoch).toBe(best.epoch);
    model.dispose();
  });
});

describe('learningRateAt', () => {
  it('decays from the rate to 5% of it along a cosine', () => {
    const options = { learningRate: 1e-3, schedule: 'cosine' as const, epochs: 5 };
    expect(learningRateAt(options, 0)).toBeCloseTo(1e-3, 12);
    expect(learningRateAt(options, 4)).toBeCloseTo(5e-5, 12);
    expect(learningRateAt(options, 2)).toBeCloseTo((1e-3 + 5e-5) / 2, 12);
    expect(learningRateAt({ ...options, schedule: 'constant' }, 3)).toBe(1e-3);
  });
});
