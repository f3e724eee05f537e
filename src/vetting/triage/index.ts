/** Automated triage: screening, risk rules, QA sampling and routing. */
export { DEFAULT_RISK_RULES } from './default-rules.js';
export { qaSampled, sampleFraction } from './qa-sample.js';
export { evaluateRiskRules, parseRiskRules, type RiskRule } from './risk-rules.js';
export { analyzeText, type CompiledPattern, compilePattern, findPattern } from './text-match.js';
export {
  explanationJson,
  type TriageContext,
  type TriageInput,
  triageApplicant,
} from './triage.js';
export {
  buildWatchlistIndex,
  WATCHLIST_DATASET,
  watchlistEntity,
  watchlistEntityId,
} from './watchlist-index.js';
