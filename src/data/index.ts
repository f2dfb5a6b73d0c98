/**
 * The data pipeline: preprocessing, windows, patient-wise splits, batches.
 *
 * Conventions of this folder: positions are 0-based sample indices; a window covers
 * `fromSample` (inclusive) to `fromSample + windowSamples` (exclusive); durations are in
 * seconds (`windowSec`) until converted once to samples at the target rate; batches are
 * channels-last `[batch, samples, leads]`; every split keeps each patient in one part.
 */
export * from './random.js';
export * from './windows.js';
export * from './splits.js';
export * from './preprocess.js';
export * from './batches.js';
export * from './aggregate.js';
