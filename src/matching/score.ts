/**
 * The scoring engine: runs an algorithm's features for one query against candidates. Main
 * features run first; qualifiers run only when some main feature scored above 0, which is what
 * keeps a shared nationality or birth date from ever creating a match on its own.
 */
import { ValidationError } from '../shared/errors.js';
import { copyAlignment, type Measure, QueryAligner } from './names/align.js';
import {
  KeySimilarityCache,
  type TokenSimilarityConfig,
  tokenSimilarityConfig,
} from './names/token-similarity.js';
import type {
  Algorithm,
  CompareContext,
  ConfigValues,
  Feature,
  FeatureResult,
  NameAlignment,
  PreparedRecord,
  TokenPair,
} from './types.js';

/** Per-request overrides, checked against the algorithm's declaration. */
export interface ScoringOptions {
  readonly weights?: Readonly<Record<string, number>>;
  readonly config?: Readonly<Record<string, number>>;
  readonly threshold?: number;
}

/** A feature's score alone: its own `value`, or its result's score. */
type ReadValue = (
  query: PreparedRecord,
  candidate: PreparedRecord,
  context: CompareContext,
) => number;

function readValue(feature: Feature): ReadValue {
  if (feature.value !== undefined) return feature.value;
  const compare = feature.compare;
  return (query, candidate, context) => compare(query, candidate, context).score;
}

/** One feature that fired for a candidate. */
export interface FiredFeature {
  readonly feature: Feature;
  readonly weight: number;
  readonly result: FeatureResult;
}

export interface CandidateScore {
  readonly candidate: PreparedRecord;
  /** Combined score before calibration (0..1). */
  readonly raw: number;
  /** Calibrated score (0..1). */
  readonly score: number;
  readonly match: boolean;
  /** The main feature that gave the best weighted score (null: no main feature fired). */
  readonly main: Feature | null;
}

/** The explanation of one result, as it goes into results.jsonl and API responses. */
export interface Explanation {
  readonly algorithm: string;
  readonly raw_score: number;
  readonly threshold: number;
  readonly query_name: string | null;
  readonly matched_name: string | null;
  readonly name_tokens: readonly TokenPair[];
  readonly features: readonly {
    readonly name: string;
    readonly kind: 'main' | 'qualifier';
    readonly score: number;
    readonly weight: number;
    readonly contribution: number;
    readonly detail?: string;
    readonly query?: string;
    readonly candidate?: string;
  }[];
}

function resolveConfig(algorithm: Algorithm, overrides?: Readonly<Record<string, number>>) {
  const config: Record<string, number> = {};
  for (const [key, variable] of Object.entries(algorithm.config)) config[key] = variable.default;
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (!(key in algorithm.config)) {
      throw new ValidationError(
        `unknown config variable '${key}' for ${algorithm.name}`,
        `config.${key}`,
      );
    }
    if (!Number.isFinite(value))
      throw new ValidationError(`config '${key}' must be a number`, `config.${key}`);
    config[key] = value;
  }
  return Object.freeze(config) as ConfigValues;
}

function resolveWeights(algorithm: Algorithm, overrides?: Readonly<Record<string, number>>) {
  const known = new Set(algorithm.features.map(([feature]) => feature.name));
  for (const key of Object.keys(overrides ?? {})) {
    if (!known.has(key)) {
      throw new ValidationError(`unknown feature '${key}' for ${algorithm.name}`, `weights.${key}`);
    }
  }
  return algorithm.features.map(
    ([feature, weight]) => [feature, overrides?.[feature.name] ?? weight] as const,
  );
}

/** An algorithm's configuration and weighted features with a request's overrides applied. */
interface ResolvedScoring {
  readonly config: ConfigValues;
  readonly mains: readonly (readonly [Feature, number])[];
  readonly qualifiers: readonly (readonly [Feature, number])[];
  readonly similarity: TokenSimilarityConfig;
}

function resolveOverrides(algorithm: Algorithm, options: ScoringOptions): ResolvedScoring {
  const config = resolveConfig(algorithm, options.config);
  const weighted = resolveWeights(algorithm, options.weights);
  return {
    config,
    mains: weighted.filter(([feature]) => feature.kind === 'main'),
    qualifiers: weighted.filter(([feature]) => feature.kind === 'qualifier'),
    similarity: tokenSimilarityConfig(config),
  };
}

/** Per algorithm, its resolution without overrides: most queries bring none. */
const withoutOverrides = new WeakMap<Algorithm, ResolvedScoring>();

function resolveScoring(algorithm: Algorithm, options: ScoringOptions): ResolvedScoring {
  if (options.config !== undefined || options.weights !== undefined) {
    return resolveOverrides(algorithm, options);
  }
  let resolved = withoutOverrides.get(algorithm);
  if (resolved === undefined) {
    resolved = resolveOverrides(algorithm, options);
    withoutOverrides.set(algorithm, resolved);
  }
  return resolved;
}

export function calibrate(algorithm: Algorithm, raw: number): number {
  const { slope, intercept } = algorithm.calibration;
  return 1 / (1 + Math.exp(-(slope * raw + intercept)));
}

/** Which alignment measure a name feature used, for rendering its token pairs. */
const MEASURE_OF: Readonly<Record<string, Measure>> = {
  name_literal_match: 'tokens',
  name_token_similarity: 'tokens',
  name_initials_match: 'initials',
  name_phonetic_match: 'phonetic',
};

/**
 * Scores candidates for one query. Holds per-query memo state (token similarities), so create one
 * per query and drop it afterwards. The scoring loop only sums weighted scores; which features
 * fired, with their details, is collected again for the few results that are returned.
 */
export class QueryScorer {
  readonly threshold: number;
  /** Each feature that can fire for the query, how the scoring loop reads it, and its weight. */
  private readonly mains: readonly (readonly [Feature, ReadValue, number])[];
  private readonly qualifiers: readonly (readonly [Feature, ReadValue, number])[];
  private readonly aligner: QueryAligner;
  private readonly config: ConfigValues;
  // One reusable context: the candidate being scored and its lazily computed alignment.
  private current: PreparedRecord | null = null;
  private currentAlignment: NameAlignment | null = null;
  private readonly context: CompareContext;

  constructor(
    readonly query: PreparedRecord,
    readonly algorithm: Algorithm,
    options: ScoringOptions = {},
  ) {
    const resolved = resolveScoring(algorithm, options);
    this.config = resolved.config;
    // Features that cannot fire for this query (no birth date given, no country ...) would
    // return nothing for every candidate: leave them out of the loop.
    const fires = ([feature]: readonly [Feature, number]) => feature.firesFor?.(query) ?? true;
    const withReader = ([feature, weight]: readonly [Feature, number]) =>
      [feature, readValue(feature), weight] as const;
    this.mains = resolved.mains.filter(fires).map(withReader);
    this.qualifiers = resolved.qualifiers.filter(fires).map(withReader);
    this.aligner = new QueryAligner(query, new KeySimilarityCache(resolved.similarity));
    this.threshold = options.threshold ?? algorithm.calibration.threshold;
    this.context = {
      config: this.config,
      alignment: () => {
        if (this.currentAlignment === null) {
          this.currentAlignment = this.aligner.align(this.current!);
        }
        return this.currentAlignment;
      },
    };
  }

  /**
   * Scores one candidate from the features' values alone: no feature result, explanation or
   * alignment is kept, so that scoring the window allocates one `CandidateScore` per candidate.
   */
  score(candidate: PreparedRecord): CandidateScore {
    this.current = candidate;
    this.currentAlignment = null;
    const query = this.query;
    const context = this.context;
    let best: Feature | null = null;
    let bestValue = 0;
    for (const [feature, read, weight] of this.mains) {
      const featureValue = read(query, candidate, context);
      if (featureValue <= 0) continue;
      const value = weight * featureValue;
      if (value > bestValue) {
        bestValue = value;
        best = feature;
      }
    }
    let qualifierSum = 0;
    if (best !== null) {
      for (const [, read, weight] of this.qualifiers) {
        const value = read(query, candidate, context);
        if (value > 0) qualifierSum += weight * value;
      }
    }
    const raw = best === null ? 0 : this.algorithm.combine(bestValue, qualifierSum);
    const score = best === null ? 0 : calibrate(this.algorithm, raw);
    this.current = null;
    this.currentAlignment = null;
    return { candidate, raw, score, match: score >= this.threshold, main: best };
  }

  /** The candidate's alignment, kept (aligned again: the scoring loop keeps none). */
  private alignmentOf(candidate: PreparedRecord): NameAlignment {
    return copyAlignment(this.aligner.align(candidate));
  }

  /** The features that fired for a scored candidate, with their results (for explanations). */
  fired(scored: CandidateScore, alignment = this.alignmentOf(scored.candidate)): FiredFeature[] {
    this.current = scored.candidate;
    this.currentAlignment = alignment;
    const fired: FiredFeature[] = [];
    for (const [feature, , weight] of this.mains) {
      const result = feature.compare(this.query, scored.candidate, this.context);
      if (result.score > 0) fired.push({ feature, weight, result });
    }
    if (scored.main !== null) {
      for (const [feature, , weight] of this.qualifiers) {
        const result = feature.compare(this.query, scored.candidate, this.context);
        if (result.score > 0) fired.push({ feature, weight, result });
      }
    }
    this.current = null;
    this.currentAlignment = null;
    return fired;
  }

  /** Renders the explanation of one scored candidate (only for results that are returned). */
  explain(scored: CandidateScore): Explanation {
    const main = scored.main;
    const measure = main === null ? undefined : MEASURE_OF[main.name];
    const alignment = this.alignmentOf(scored.candidate);
    const match =
      measure === 'initials'
        ? alignment.initials
        : measure === 'phonetic'
          ? alignment.phonetic
          : main?.name === 'name_literal_match'
            ? alignment.literal
            : alignment.tokens;
    let queryName: string | null = null;
    let matchedName: string | null = null;
    let nameTokens: TokenPair[] = [];
    if (match.queryName >= 0) {
      queryName = this.query.names[match.queryName]!.raw;
      matchedName = scored.candidate.names[match.candidateName]!.raw;
      nameTokens = this.aligner.pairs(scored.candidate, match, measure ?? 'tokens');
    }
    return {
      algorithm: this.algorithm.name,
      raw_score: round(scored.raw),
      threshold: this.threshold,
      query_name: queryName,
      matched_name: matchedName,
      name_tokens: nameTokens,
      features: this.fired(scored, alignment).map(({ feature, weight, result }) => ({
        name: feature.name,
        kind: feature.kind,
        score: round(result.score),
        weight,
        contribution: round(weight * result.score),
        ...(result.detail === undefined ? {} : { detail: result.detail() }),
        ...(result.query === undefined ? {} : { query: result.query }),
        ...(result.candidate === undefined ? {} : { candidate: result.candidate }),
      })),
    };
  }
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
