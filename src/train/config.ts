/**
 * The fully resolved configuration of a training run, as config.json stores it, and the
 * defaults of `cardiokit train`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Aggregation } from '../data/aggregate.js';
import { PREPROCESSING_DEFAULTS, type PreprocessingConfig } from '../data/preprocess.js';
import { ParameterError } from '../util/errors.js';
import { FIT_DEFAULTS, type Monitor } from './fit.js';

export type DatasetName = 'ptbxl' | 'ptbdb';

/** How records are split: database folds, a seeded patient split, or K-fold CV. */
export interface SplitConfig {
  scheme: 'auto' | 'strat_fold' | 'stratified-patient' | 'cv';
  /** Folds of cross-validation when `scheme` is 'cv'. */
  folds: number | undefined;
}

export interface TrainConfig {
  dataset: DatasetName;
  /** Absolute folder of the database. */
  dataDir: string;
  task: 'mi-vs-normal';
  /** Optional cap on records (stratified by class, seeded); undefined keeps them all. */
  maxRecords: number | undefined;
  preprocessing: PreprocessingConfig;
  windowSec: number;
  strideSec: number;
  model: { name: string; options: Record<string, unknown> };
  epochs: number;
  batchSize: number;
  learningRate: number;
  schedule: 'cosine' | 'constant';
  patience: number;
  monitor: Monitor;
  cropsPerRecord: number;
  seed: number;
  /** Loss weight of [negative, positive] records. */
  classWeights: [number, number];
  classWeighting: 'none' | 'balanced';
  split: SplitConfig;
  aggregation: Aggregation;
  bootstrapIterations: number;
  cardiokitVersion: string;
  startTime: string;
}

/** The folder of the embedded PTB-XL sample, next to `src/` or `dist/` of the package. */
export const EMBEDDED_PTBXL_DIR = fileURLToPath(
  new URL('../../data/ptbxl', import.meta.url),
);

/** cardiokit's version from its package.json. */
export function cardiokitVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

/**
 * Defaults of `cardiokit train`, chosen to train in a few minutes on two cores: 12
 * leads resampled to 50 Hz, 2.5 s crops, the 3-block 1-D ResNet with 64 filters.
 */
export const TRAIN_DEFAULTS = {
  dataset: 'ptbxl' as DatasetName,
  preprocessing: { ...PREPROCESSING_DEFAULTS, targetRateHz: 50 },
  windowSec: 2.5,
  strideSec: 1.25,
  model: {
    name: 'resnet1d-wang-2017',
    options: { filters: 64 } as Record<string, unknown>,
  },
  epochs: 12,
  batchSize: 32,
  learningRate: 2e-3,
  schedule: FIT_DEFAULTS.schedule,
  patience: 6,
  monitor: FIT_DEFAULTS.monitor,
  cropsPerRecord: 2,
  seed: 1,
  classWeighting: 'none' as 'none' | 'balanced',
  aggregation: FIT_DEFAULTS.aggregation,
  bootstrapIterations: 1000,
};

/**
 * Refuses the first option whose value is not an integer >= 1; absent values pass.
 * @param options pairs of option name and value
 * @throws ParameterError naming the option
 */
export function requireIntegersAtLeastOne(
  options: readonly (readonly [string, number | undefined])[],
): void {
  for (const [name, value] of options) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      throw new ParameterError(name, 'an integer >= 1', value);
    }
  }
}

/** Checks ranges the command line cannot check by type. */
export function validateConfig(config: TrainConfig): void {
  const positive: [string, number][] = [
    ['--epochs', config.epochs],
    ['--batch-size', config.batchSize],
    ['--lr', config.learningRate],
    ['--window-sec', config.windowSec],
    ['--stride-sec', config.strideSec],
    ['--rate', config.preprocessing.targetRateHz],
    ['--crops-per-record', config.cropsPerRecord],
  ];
  for (const [name, value] of positive) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new ParameterError(name, 'a positive number', value);
    }
  }
  for (const [name, value] of [
    ['--epochs', config.epochs],
    ['--batch-size', config.batchSize],
    ['--crops-per-record', config.cropsPerRecord],
    ['--seed', config.seed],
    ['--rate', config.preprocessing.targetRateHz],
  ] as const) {
    if (!Number.isInteger(value)) throw new ParameterError(name, 'an integer', value);
  }
  requireIntegersAtLeastOne([
    ['--bootstrap', config.bootstrapIterations],
    ['--max-records', config.maxRecords],
  ]);
  const { leads } = config.preprocessing;
  if (leads.length === 0 || leads.some((lead) => lead.trim() === '')) {
    throw new ParameterError('--leads', 'comma-separated lead names', leads.join(','));
  }
  if (!(Number.isInteger(config.patience) && config.patience >= 0)) {
    throw new ParameterError(
      '--patience',
      'an integer >= 0 (0: never stop)',
      config.patience,
    );
  }
  const nyquistHz = config.preprocessing.targetRateHz / 2;
  const { lowpassHz, highpassHz } = config.preprocessing;
  if (lowpassHz !== undefined && !(lowpassHz > 0)) {
    throw new ParameterError('--lowpass', 'a cutoff > 0 Hz', lowpassHz);
  }
  if (lowpassHz !== undefined && lowpassHz >= nyquistHz) {
    throw new ParameterError(
      '--lowpass',
      `below the Nyquist rate ${nyquistHz} Hz of --rate ${config.preprocessing.targetRateHz}`,
      lowpassHz,
      'lower the cutoff or raise --rate',
    );
  }
  if (
    highpassHz !== undefined &&
    !(highpassHz > 0 && (lowpassHz ?? nyquistHz) > highpassHz)
  ) {
    throw new ParameterError(
      '--highpass',
      `a cutoff in (0, ${lowpassHz ?? nyquistHz}) Hz`,
      highpassHz,
    );
  }
  if (config.preprocessing.leads.length === 0) {
    throw new ParameterError('--leads', 'at least one lead name', '');
  }
}
