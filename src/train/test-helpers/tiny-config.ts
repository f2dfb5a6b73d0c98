import { EMBEDDED_PTBXL_DIR, TRAIN_DEFAULTS, type TrainConfig } from '../config.js';

/** A configuration small enough for a test: 30 records, 1 epoch, 8 filters. */
export function tinyConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    ...TRAIN_DEFAULTS,
    dataDir: EMBEDDED_PTBXL_DIR,
    task: 'mi-vs-normal',
    maxRecords: 30,
    model: { name: 'resnet1d-wang-2017', options: { filters: 8, blocks: 1 } },
    epochs: 1,
    batchSize: 16,
    cropsPerRecord: 1,
    classWeights: [1, 1],
    split: { scheme: 'auto', folds: undefined },
    bootstrapIterations: 50,
    cardiokitVersion: 'test',
    startTime: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
