/**
 * Batch screening against an in-memory `MatchIndex`: for each query, candidates from the index,
 * full scoring, and explanations for the returned matches only. Pure: no I/O, no clock; the CLI
 * and the API feed it queries and write what it yields.
 */
import { sargasV1 } from '../matching/algorithms/sargas-v1.js';
import { DEFAULT_CANDIDATES, type MatchIndex } from '../matching/index/match-index.js';
import { prepareEntity } from '../matching/prepare.js';
import { type CandidateScore, type Explanation, QueryScorer, round } from '../matching/score.js';
import type { Algorithm, PreparedRecord } from '../matching/types.js';
import { queryEntity, type ScreeningQuery } from './query.js';

export interface ScreenOptions {
  readonly algorithm?: Algorithm;
  /** Calibrated score at or above which a result is a `match` (default: the algorithm's). */
  readonly threshold?: number;
  /** Matches returned per query, best first (default 5). */
  readonly limit?: number;
  /** Candidates the index hands to the scorer per query (default `DEFAULT_CANDIDATES`). */
  readonly candidates?: number;
  readonly weights?: Readonly<Record<string, number>>;
  readonly config?: Readonly<Record<string, number>>;
}

export interface ScreenMatch {
  readonly entity_id: string;
  readonly list: string;
  readonly score: number;
  readonly match: boolean;
  readonly name: string;
  readonly schema: string;
  readonly explanation: Explanation;
}

export interface ScreenResult {
  readonly id: string;
  readonly matches: readonly ScreenMatch[];
}

/** A row that could not be read; with `--on-error skip` it is written in place of a result. */
export interface ScreenError {
  readonly id: string | null;
  readonly line?: number;
  readonly error: string;
}

export const DEFAULT_LIMIT = 5;

export function isScreenError(item: ScreeningQuery | ScreenError): item is ScreenError {
  return 'error' in item;
}

/** Scores every candidate for a prepared query, best first (ties keep the index's order). */
export function scoreCandidates(
  index: MatchIndex,
  query: PreparedRecord,
  options: ScreenOptions = {},
): { scorer: QueryScorer; scored: CandidateScore[] } {
  const scorer = new QueryScorer(query, options.algorithm ?? sargasV1, {
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.weights === undefined ? {} : { weights: options.weights }),
    ...(options.config === undefined ? {} : { config: options.config }),
  });
  const candidates = index.candidates(query, { limit: options.candidates ?? DEFAULT_CANDIDATES });
  const scored: CandidateScore[] = [];
  for (const { record } of candidates) {
    const result = scorer.score(record);
    if (result.score > 0) scored.push(result);
  }
  scored.sort((a, b) => b.score - a.score || b.raw - a.raw);
  return { scorer, scored };
}

/** Screens one query. */
export function screenQuery(
  index: MatchIndex,
  query: ScreeningQuery,
  options: ScreenOptions = {},
): ScreenResult {
  const prepared = prepareEntity(queryEntity(query), true);
  const { scorer, scored } = scoreCandidates(index, prepared, options);
  const limit = options.limit ?? DEFAULT_LIMIT;
  const matches: ScreenMatch[] = [];
  for (const result of scored.slice(0, limit)) {
    const explanation = scorer.explain(result);
    const entity = result.candidate.entity;
    matches.push({
      entity_id: entity.id,
      list: entity.datasets[0] ?? '',
      score: round(result.score),
      match: result.match,
      name: explanation.matched_name ?? entity.caption,
      schema: entity.schema,
      explanation,
    });
  }
  return { id: query.id, matches };
}

/** Screens a stream of queries in order; unreadable rows pass through as errors. */
export async function* screenBatch(
  index: MatchIndex,
  queries: AsyncIterable<ScreeningQuery | ScreenError> | Iterable<ScreeningQuery | ScreenError>,
  options: ScreenOptions = {},
): AsyncGenerator<ScreenResult | ScreenError> {
  for await (const item of queries) {
    yield isScreenError(item) ? item : screenQuery(index, item, options);
  }
}
