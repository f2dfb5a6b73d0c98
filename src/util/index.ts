export * from './errors.js';
export * from './logger.js';
export { writeFileAtomic } from './atomic-write.js';
