/** Public surface of screening. */
export * from './csv-records.js';
export * from './query.js';
export * from './screen-batch.js';
