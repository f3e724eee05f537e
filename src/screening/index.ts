/** Public surface of screening. */
export * from './query.js';
export * from './screen-batch.js';
