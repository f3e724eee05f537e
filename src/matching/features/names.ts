/**
 * Name features. All read the same alignment (computed once per query/candidate pair): the best
 * pairing of any query name with any candidate name, under four measures. Each returns its score
 * and the pair of names it used; the token pairs are rendered lazily for explanations.
 */
import type { CompareContext, FeatureResult, NameMatch, PreparedRecord } from '../types.js';
import { defineFeature, NO_MATCH } from './define.js';

/**
 * A name feature's result. The names it used are looked up only when an explanation reads them:
 * the scoring loop reads `score` alone, and fetching the candidate's name there would touch one
 * more object per candidate for nothing.
 */
class NameResult implements FeatureResult {
  readonly score: number;

  constructor(
    private readonly queryRecord: PreparedRecord,
    private readonly candidateRecord: PreparedRecord,
    private readonly match: NameMatch,
    private readonly label: string,
  ) {
    this.score = match.score;
  }

  get query(): string {
    return this.queryRecord.names[this.match.queryName]!.raw;
  }

  get candidate(): string {
    return this.candidateRecord.names[this.match.candidateName]!.raw;
  }

  detail(): string {
    return `${this.label}: '${this.query}' vs '${this.candidate}' = ${this.score.toFixed(3)}`;
  }
}

/** The score of `nameResult` for the same match, without building it. */
function nameValue(match: NameMatch): number {
  return match.score > 0 && match.queryName >= 0 ? match.score : 0;
}

function nameResult(
  query: PreparedRecord,
  candidate: PreparedRecord,
  match: NameMatch,
  label: string,
): FeatureResult {
  if (nameValue(match) === 0) return NO_MATCH;
  return new NameResult(query, candidate, match, label);
}

export const nameLiteralMatch = defineFeature({
  name: 'name_literal_match',
  kind: 'main',
  description:
    'A query name and a candidate name have the same tokens after transliteration and spelling keys, in any order.',
  compare: (q, c, context) => nameResult(q, c, context.alignment().literal, 'Same name'),
  value: (_q, _c, context) => nameValue(context.alignment().literal),
});

export const nameTokenSimilarity = defineFeature({
  name: 'name_token_similarity',
  kind: 'main',
  description:
    'Weighted similarity of the best one-to-one alignment of name tokens (spelling keys, Jaro-Winkler and edit distance, known forms of given names); unmatched tokens count against it, patronymics and particles less.',
  compare: (q, c, context) => nameResult(q, c, context.alignment().tokens, 'Aligned name tokens'),
  value: (_q, _c, context) => nameValue(context.alignment().tokens),
});

/** People's names (and legal entities, which some lists use for people) abbreviate to initials. */
function initialsMayStandForNames(schema: PreparedRecord['schema']): boolean {
  return schema === 'Person' || schema === 'LegalEntity';
}

function initialsValue(candidate: PreparedRecord, context: CompareContext): number {
  if (!initialsMayStandForNames(candidate.schema)) return 0;
  const alignment = context.alignment();
  return alignment.initials.score > alignment.tokens.score ? nameValue(alignment.initials) : 0;
}

export const nameInitialsMatch = defineFeature({
  name: 'name_initials_match',
  kind: 'main',
  description:
    'Like name_token_similarity, but an initial may stand for a full token (`V. Putin`); fires only when initials raise the score, and only between names of people.',
  // An organisation's initials are an abbreviation, not a shortened name: `E. S. Co.` (an alias
  // of ELECTRO SANAM COMPANY) must not match every two-word company whose words start with E and
  // S. In vetting triage such aliases flagged one invented employer in eight.
  firesFor: (q) => initialsMayStandForNames(q.schema),
  compare: (q, c, context) =>
    initialsValue(c, context) > 0
      ? nameResult(q, c, context.alignment().initials, 'Aligned with initials')
      : NO_MATCH,
  value: (_q, c, context) => initialsValue(c, context),
});

function phoneticValue(context: CompareContext): number {
  const alignment = context.alignment();
  return alignment.phonetic.score > alignment.tokens.score ? nameValue(alignment.phonetic) : 0;
}

export const namePhoneticMatch = defineFeature({
  name: 'name_phonetic_match',
  kind: 'main',
  description:
    'Share of name tokens whose phonetic skeletons agree (`Lukashenko`/`Lukasjenka`); fires only when it beats the token similarity.',
  compare: (q, c, context) =>
    phoneticValue(context) > 0
      ? nameResult(q, c, context.alignment().phonetic, 'Phonetic agreement')
      : NO_MATCH,
  value: (_q, _c, context) => phoneticValue(context),
});

/** Unmatched weight on both sides under the measure that leaves the least (0 for a literal match). */
function conflictWeight(context: CompareContext): number {
  const alignment = context.alignment();
  if (alignment.literal.score > 0) return 0;
  return Math.max(
    0,
    Math.min(alignment.tokens.conflict, alignment.initials.conflict, alignment.phonetic.conflict),
  );
}

export const nameTokenConflict = defineFeature({
  name: 'name_token_conflict',
  kind: 'qualifier',
  description:
    'Both aligned names keep tokens the other cannot match (a different given name, surname or patronymic), as opposed to one side merely omitting a part; scored by the conflicting token weight (a number 0.5, a patronymic against another 0.8), at most 1.',
  compare: (_q, _c, context) => {
    const conflict = conflictWeight(context);
    if (conflict <= 0) return NO_MATCH;
    return {
      score: Math.min(1, conflict),
      detail: () => `Conflicting name tokens, weight ${conflict.toFixed(2)}`,
    };
  },
  // A patronymic that conflicts with another patronymic weighs 0.8 (its own 0.35 and 0.45 on
  // top, see `align.ts`): counting it in full cost dev-set recall (patronymic spellings that fail
  // to align) more than it gained on name_bench.
  value: (_q, _c, context) => Math.min(1, conflictWeight(context)),
});
