import type { Feature, FeatureResult } from '../types.js';

/** Declares a feature; identity function that freezes it and keeps the literal types readable. */
export function defineFeature(feature: Feature): Feature {
  return Object.freeze({ ...feature });
}

/** The result of a feature that did not fire. Shared: results are read-only. */
export const NO_MATCH: FeatureResult = Object.freeze({ score: 0 });
