/**
 * Organisation legal forms. Normalisation removes them from the name tokens (so `LLC` does not
 * make every company match every other) and reports their canonical codes; a disagreement between
 * the two aligned names (`OOO` vs `AG`) weakens the match.
 */
import { defineFeature, NO_MATCH } from './define.js';

export const orgLegalFormMismatch = defineFeature({
  name: 'org_legal_form_mismatch',
  kind: 'qualifier',
  description:
    'The aligned query and candidate names both carry a legal form (LLC/OOO, JSC/AO, GmbH ...) and they differ.',
  firesFor: (q) => q.names.some((name) => name.legalForms.length > 0),
  compare: (q, c, context) => {
    const match = context.alignment().tokens;
    if (match.queryName < 0) return NO_MATCH;
    // The query's side first: most queries carry no legal form, and then the candidate's name
    // need not be fetched at all.
    const qForms = q.names[match.queryName]!.legalForms;
    if (qForms.length === 0) return NO_MATCH;
    const cForms = c.names[match.candidateName]!.legalForms;
    if (cForms.length === 0) return NO_MATCH;
    if (qForms.some((form) => cForms.includes(form))) return NO_MATCH;
    const qs = qForms.join(', ');
    const cs = cForms.join(', ');
    return { score: 1, query: qs, candidate: cs, detail: () => `Legal forms: ${qs} vs ${cs}` };
  },
});
