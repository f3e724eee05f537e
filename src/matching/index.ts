/** Public surface of the matching engine. */
export { sargasV1 } from './algorithms/sargas-v1.js';
export {
  type Candidate,
  type CandidateOptions,
  DEFAULT_CANDIDATES,
  MatchIndex,
} from './index/match-index.js';
export { prepareEntity, prepareName } from './prepare.js';
export {
  type CandidateScore,
  calibrate,
  type Explanation,
  type FiredFeature,
  QueryScorer,
  type ScoringOptions,
} from './score.js';
export type * from './types.js';
