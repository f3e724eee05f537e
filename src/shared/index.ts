export * from './canonical-json.js';
export * from './clock.js';
export * from './errors.js';
export * from './sha256.js';
