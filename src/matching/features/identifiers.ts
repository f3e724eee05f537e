/**
 * Identity documents. A shared passport or registration number is strong evidence on its own, so
 * it is a main feature; short numbers are ignored because they collide by chance.
 */
import type { PreparedRecord } from '../types.js';
import { defineFeature, NO_MATCH } from './define.js';

/** Upper-case alphanumerics only: `AB 123-456` and `ab123456` are the same number. */
export function normalizeIdentifier(value: string): string {
  return value.toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Shorter numbers collide by chance. The candidate index files identifiers by the same rule, so
 * an identifier it looks up is one this feature can score.
 */
export const MIN_IDENTIFIER_LENGTH = 5;

function sharedIdentifier(query: PreparedRecord, candidate: PreparedRecord): string | null {
  for (const q of query.identifiers) {
    if (q.length < MIN_IDENTIFIER_LENGTH) continue;
    for (const c of candidate.identifiers) if (q === c) return q;
  }
  return null;
}

export const identifierMatch = defineFeature({
  name: 'identifier_match',
  kind: 'main',
  description:
    'An identity document, passport, tax or registration number (5+ characters) is the same on both sides.',
  firesFor: (q) => q.identifiers.length > 0,
  compare: (q, c) => {
    if (q.identifiers.length === 0 || c.identifiers.length === 0) return NO_MATCH;
    const shared = sharedIdentifier(q, c);
    if (shared === null) return NO_MATCH;
    return {
      score: 1,
      query: shared,
      candidate: shared,
      detail: () => `Identifier ${shared} on both sides`,
    };
  },
});
