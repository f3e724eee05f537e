/**
 * Nationality and citizenship. Qualifiers only: they may support or weaken a name match, never
 * create one (the engine runs qualifiers only after a main feature fired).
 */
import type { PreparedRecord } from '../types.js';
import { defineFeature, NO_MATCH } from './define.js';

function overlap(query: PreparedRecord, candidate: PreparedRecord): string | null {
  for (const q of query.countries) if (candidate.countries.includes(q)) return q;
  return null;
}

export const countryMatch = defineFeature({
  name: 'country_match',
  kind: 'qualifier',
  description: 'Both sides give a nationality or citizenship and at least one is shared.',
  firesFor: (q) => q.countries.length > 0,
  compare: (q, c) => {
    if (q.countries.length === 0 || c.countries.length === 0) return NO_MATCH;
    const shared = overlap(q, c);
    if (shared === null) return NO_MATCH;
    return {
      score: 1,
      query: shared,
      candidate: shared,
      detail: () => `Shared country: ${shared}`,
    };
  },
});

export const countryMismatch = defineFeature({
  name: 'country_mismatch',
  kind: 'qualifier',
  description: 'Both sides give nationalities or citizenships and none is shared.',
  firesFor: (q) => q.countries.length > 0,
  compare: (q, c) => {
    if (q.countries.length === 0 || c.countries.length === 0) return NO_MATCH;
    if (overlap(q, c) !== null) return NO_MATCH;
    const qs = q.countries.join(', ');
    const cs = c.countries.join(', ');
    return { score: 1, query: qs, candidate: cs, detail: () => `Countries: ${qs} vs ${cs}` };
  },
});
