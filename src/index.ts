/**
 * cardiokit's library entry point. Each folder's `index.ts` is its public face.
 */
export * from './util/index.js';
export * from './wfdb/index.js';
export * from './datasets/index.js';
export * from './dsp/index.js';
export * from './ecg/index.js';
export * from './report/index.js';
export * from './models/index.js';
export * from './data/index.js';
export * from './train/index.js';
export * from './transfer/index.js';
