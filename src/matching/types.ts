/**
 * The vocabulary of the matching engine, after nomenklatura's `matching/types.py`: a feature is a
 * small named comparison with a description, an algorithm declares weighted features, config
 * variables and a combine step. Everything here is pure data or pure functions.
 */
import type { Entity, NameKind } from '../model/entity.js';
import type { SchemaName } from '../model/schemata.js';

/** What one feature found when comparing a query with a candidate. */
export interface FeatureResult {
  /** 0..1: how strongly the feature fired (0 = not at all). */
  readonly score: number;
  /** Why it fired, rendered only for results that are returned (a thunk, not a string). */
  readonly detail?: () => string;
  /** The query value the feature looked at, when one value explains it. */
  readonly query?: string;
  /** The candidate value the feature looked at. */
  readonly candidate?: string;
}

/** `main` features can make a match; `qualifier`s only strengthen or weaken one. */
export type FeatureKind = 'main' | 'qualifier';

export interface Feature {
  /** Stable snake_case id, used in explanations and per-request weights. */
  readonly name: string;
  /** Public description (JavaScript keeps no docstrings, so it is data). */
  readonly description: string;
  readonly kind: FeatureKind;
  /**
   * Whether the feature can fire at all for this query: it needs something only some queries
   * give (a birth date, a country, an identifier). Asked once per query; a feature that cannot
   * fire is not run for any candidate. Omitted: it may fire for any query.
   */
  readonly firesFor?: (query: PreparedRecord) => boolean;
  readonly compare: (
    query: PreparedRecord,
    candidate: PreparedRecord,
    context: CompareContext,
  ) => FeatureResult;
  /**
   * `compare(...).score` without building the result: the scoring loop reads only the score of
   * every feature for every candidate, and results (with their explanation thunks) are built for
   * the few candidates returned. Omitted: the score is read from `compare`.
   */
  readonly value?: (
    query: PreparedRecord,
    candidate: PreparedRecord,
    context: CompareContext,
  ) => number;
}

/** A described, numeric configuration variable of an algorithm. */
export interface ConfigVar {
  readonly description: string;
  readonly default: number;
}

export type ConfigValues = Readonly<Record<string, number>>;

/** Logistic calibration of the combined raw score, fitted on labelled data (checked-in JSON). */
export interface Calibration {
  /** p = 1 / (1 + exp(-(slope * raw + intercept))) */
  readonly slope: number;
  readonly intercept: number;
  /** Default threshold on the calibrated score above which a result is a `match`. */
  readonly threshold: number;
  /** The command that produced these numbers, so anyone can refit them. */
  readonly command: string;
  readonly fittedOn?: string;
}

export interface Algorithm {
  readonly name: string;
  readonly description: string;
  /** Each feature with its weight: main weights are positive; qualifier signs say their direction. */
  readonly features: readonly (readonly [Feature, number])[];
  readonly config: Readonly<Record<string, ConfigVar>>;
  /** Best weighted main score and the sum of weighted qualifier scores → raw score in 0..1. */
  readonly combine: (bestMain: number, qualifiers: number) => number;
  readonly calibration: Calibration;
}

/** One romanised spelling of a name, tokenised, with the keys the matcher compares. */
export interface NameVariant {
  /** Latin (ASCII) tokens of this romanisation. */
  readonly tokens: readonly string[];
  /** `spellingKey` of each token: collapses transliteration systems. */
  readonly keys: readonly string[];
  /** Coarse phonetic skeleton of each key. */
  readonly phonetic: readonly string[];
  /** Weight of each token in the alignment (patronymics and particles weigh less). */
  readonly weights: readonly number[];
  /**
   * Role of each token in an Arabic-style lineage name (`Muhammad bin Salman`): `OWN_NAME`
   * before the first `bin`/`ibn`, `FATHER_NAME` after it, `NO_ROLE` otherwise (`token-class.ts`).
   */
  readonly roles: readonly number[];
  readonly totalWeight: number;
  /** Some token is a single letter (an initial). */
  readonly hasInitial: boolean;
  /** Keys concatenated in order without spaces (`sergeilavrov`). */
  readonly joined: string;
  /** Sorted keys joined by a space: equal strings mean the same name in any token order. */
  readonly literal: string;
}

export interface PreparedName {
  readonly raw: string;
  readonly kind: NameKind | 'query';
  readonly script: string;
  readonly variants: readonly NameVariant[];
  /** Canonical legal-form codes found in the name (`llc`, `ojsc`, `gmbh`). */
  readonly legalForms: readonly string[];
}

/**
 * Where a record's names and birth dates are packed for the scoring loop: integers from `at` in
 * `ints`, which may hold other records' layouts too (`layout.ts` documents the slots).
 */
export interface RecordLayout {
  readonly ints: Int32Array;
  readonly at: number;
}

/** A partial date as lists give them: year always, month and day when known. */
export interface PartialDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
  readonly text: string;
}

/** An entity (list entry or query) analysed once, so that comparing it is cheap. */
export interface PreparedRecord {
  readonly id: string;
  readonly schema: SchemaName;
  readonly entity: Entity;
  readonly names: readonly PreparedName[];
  /**
   * `names` and `birthDates` packed for the scoring loop (`RecordLayout.ints`, held here rather
   * than in a layout object so that scoring a candidate touches one object fewer); null on a
   * query, whose names are laid out by its scorer. It holds ids of this process's vocabularies
   * (`names/vocabulary.ts`): prepare records in the process (or worker) that scores them.
   */
  readonly layoutInts: Int32Array | null;
  /** Where the layout starts in `layoutInts`. */
  readonly layoutAt: number;
  readonly birthDates: readonly PartialDate[];
  /** Nationality and citizenship, ISO alpha-2 lower case. */
  readonly countries: readonly string[];
  /** Identity document and registration numbers, upper-case alphanumerics only. */
  readonly identifiers: readonly string[];
  readonly gender: 'male' | 'female' | null;
}

/** The best pairing of one query name with one candidate name under one measure. */
export interface NameMatch {
  readonly score: number;
  /** Unmatched token weight on both sides (names that disagree, not just omit). */
  readonly conflict: number;
  readonly queryName: number;
  readonly queryVariant: number;
  readonly candidateName: number;
  readonly candidateVariant: number;
}

/** Aligned token pair, rendered for explanations. */
export interface TokenPair {
  readonly query: string;
  readonly candidate: string;
  readonly similarity: number;
  readonly how: 'exact' | 'spelling' | 'fuzzy' | 'initial' | 'phonetic' | 'equivalent';
}

/** How the names of two records align; computed once per pair and shared by the name features. */
export interface NameAlignment {
  /** Token similarity without initials. */
  readonly tokens: NameMatch;
  /** Token similarity where an initial may stand for a full token. */
  readonly initials: NameMatch;
  /** Agreement of phonetic skeletons. */
  readonly phonetic: NameMatch;
  /** Same tokens in any order (after spelling keys). */
  readonly literal: NameMatch;
}

/** What a feature may consult besides the two records. */
export interface CompareContext {
  readonly config: ConfigValues;
  /** Memoised per (query, candidate): the name features all read the same alignment. */
  alignment(): NameAlignment;
}
