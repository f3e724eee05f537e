export * from './entity.js';
export * from './schemata.js';
