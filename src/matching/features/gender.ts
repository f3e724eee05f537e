/** Gender: a disagreement weakens a name match (agreement proves little: half of people share it). */
import { defineFeature, NO_MATCH } from './define.js';

export const genderMismatch = defineFeature({
  name: 'gender_mismatch',
  kind: 'qualifier',
  description: 'Both sides state a gender and they differ.',
  firesFor: (q) => q.gender !== null,
  compare: (q, c) => {
    if (q.gender === null || c.gender === null || q.gender === c.gender) return NO_MATCH;
    const qg = q.gender;
    const cg = c.gender;
    return { score: 1, query: qg, candidate: cg, detail: () => `Gender: ${qg} vs ${cg}` };
  },
});
