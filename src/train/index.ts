/**
 * MI detection: the training loop, metrics with bootstrap intervals, run folders,
 * evaluation of a saved run and prediction on new records.
 *
 * Conventions of this folder: labels are 1 for MI and 0 for normal; probabilities are
 * of MI; a prediction is positive when `probability >= threshold`; record probability
 * is the mean (or max) of its windows' probabilities; intervals are 95% percentile
 * bootstrap intervals that resample patients.
 */
export * from './metrics.js';
export * from './bootstrap.js';
export * from './config.js';
export * from './fit.js';
export * from './evaluation.js';
export * from './dataset.js';
export * from './run.js';
export * from './run-folder.js';
export * from './saved-run.js';
