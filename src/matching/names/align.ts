/**
 * Name alignment: the best one-to-one assignment of query tokens to candidate tokens, scored as a
 * weighted Dice coefficient: Σ sim(q, c) · (w_q + w_c) / (Σ w_q + Σ w_c). Token order is ignored
 * (`KUSHAKOV Mikhail` = `Mikhail KUSHAKOV`); a token left unmatched on either side costs its
 * weight, so a missing patronymic costs little and a different given name costs a lot.
 *
 * The assignment is greedy on the similarity matrix (best pair first). Names rarely have more than
 * six tokens, so greedy is near-optimal and avoids the Hungarian method's allocations.
 */

import {
  candidateLayout,
  isInitialOfShape,
  L_HEADER,
  L_TOKEN_COUNT,
  L_VARIANT_COUNT,
  queryLayout,
  ROLE_SHIFT,
  T_KEY,
  T_PHONETIC,
  T_SHAPE,
  T_WEIGHT,
  TOKEN_STRIDE,
  tokenShape,
  V_HAS_INITIAL,
  V_JOINED,
  V_LITERAL,
  V_NAME,
  V_TOKEN_COUNT,
  V_TOKEN_START,
  V_TOTAL_WEIGHT,
  V_VARIANT,
  VARIANT_STRIDE,
  vocabularySize,
  WEIGHT_CODE_MASK,
  WEIGHT_VALUES,
  weightCode,
} from '../layout.js';
import type { NameAlignment, NameMatch, PreparedRecord, TokenPair } from '../types.js';
import { PATRONYMIC_WEIGHT } from './token-class.js';
import type { KeySimilarityCache } from './token-similarity.js';

/** Names longer than this are compared on their first tokens only (keeps scratch fixed). */
export const MAX_TOKENS = 16;

const simScratch = new Float64Array(MAX_TOKENS * MAX_TOKENS);
const workScratch = new Float64Array(MAX_TOKENS * MAX_TOKENS);
const usedQ = new Uint8Array(MAX_TOKENS);
const rowScratch = new Int32Array(MAX_TOKENS);
const usedC = new Uint8Array(MAX_TOKENS);

export type Measure = 'tokens' | 'initials' | 'phonetic';

/**
 * A patronymic only pairs with a patronymic unless the keys are equal: `Ivanov` is not a spelling
 * of `Ivanovich`. Returns the similarity, or 0 when the pair is not allowed.
 */
function pairable(qWeight: number, cWeight: number, sim: number): number {
  if (sim >= 1 || sim <= 0) return sim;
  return (qWeight === PATRONYMIC_WEIGHT) === (cWeight === PATRONYMIC_WEIGHT) ? sim : 0;
}

/**
 * A token with a lineage role (own name, father's name) only aligns with a token of the same role
 * or of none: `Salman bin Muhammad` is not `Muhammad bin Salman`. With roles off, phonetic
 * credit and initials could still pair the two; they are zeroed for every measure.
 */
function rolesAgree(qRole: number, cRole: number): boolean {
  return qRole === cRole || qRole === 0 || cRole === 0;
}

/**
 * What two conflicting patronymics add to the conflict weight (their own weight is only 0.35).
 * 0.45 tells `Sergey Viktorovich Lavrov` from `Sergey Ivanevich Lavrov` (name_bench) at the cost
 * of one or two dev-set queries whose patronymic spellings fail to align; a full token's weight
 * cost more dev recall.
 */
const PATRONYMIC_CONFLICT_EXTRA = 0.45;

/**
 * What the last `greedy` call found: its score and the unmatched weight present on both sides
 * (see below). A typed array rather than a returned number or a module-level one: either boxes a
 * new heap number on every call of the scoring loop.
 */
const greedyResult = new Float64Array(2);
const G_SCORE = 0;
const G_CONFLICT = 1;

/**
 * Greedy assignment on `matrix` (n × m, row-major); the weighted Dice score goes to
 * `greedyResult`. Token i of
 * the query has the weight coded at `qInts[qTokens + i * TOKEN_STRIDE + T_WEIGHT]`, token j of
 * the candidate likewise in `cInts`. When `pairs` is given, the assigned index pairs are pushed
 * to it (explanations only).
 *
 * Unmatched tokens are split in two: a *conflict* is unmatched weight on both sides (`George
 * Bush` / `George Habbash`: bush and habbash each stand where the other should be) and costs its
 * full weight; an *extra* is unmatched weight on one side only (a missing patronymic or middle
 * name) and costs `extraCost` of it, since lists and people drop name parts all the time.
 */
function greedy(
  matrix: Float64Array,
  qInts: Int32Array,
  qTokens: number,
  qTotal: number,
  cInts: Int32Array,
  cTokens: number,
  cTotal: number,
  n: number,
  m: number,
  extraCost: number,
  pairs?: [number, number, number][],
): void {
  const weights = WEIGHT_VALUES;
  // Plain loops: a builtin fill call costs more than clearing a handful of flags.
  for (let i = 0; i < n; i++) usedQ[i] = 0;
  for (let j = 0; j < m; j++) usedC[j] = 0;
  let total = 0;
  const rounds = Math.min(n, m);
  for (let round = 0; round < rounds; round++) {
    let best = 0;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (usedQ[i] === 1) continue;
      const row = i * m;
      for (let j = 0; j < m; j++) {
        if (usedC[j] === 1) continue;
        const value = matrix[row + j]!;
        if (value > best) {
          best = value;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi < 0) break;
    usedQ[bi] = 1;
    usedC[bj] = 1;
    total +=
      best *
      (weights[qInts[qTokens + bi * TOKEN_STRIDE + T_WEIGHT]! & WEIGHT_CODE_MASK]! +
        weights[cInts[cTokens + bj * TOKEN_STRIDE + T_WEIGHT]! & WEIGHT_CODE_MASK]!);
    pairs?.push([bi, bj, best]);
  }
  let matched = 0;
  let unmatchedQ = 0;
  let unmatchedC = 0;
  let patronymicQ = false;
  let patronymicC = false;
  for (let i = 0; i < n; i++) {
    const weight = weights[qInts[qTokens + i * TOKEN_STRIDE + T_WEIGHT]! & WEIGHT_CODE_MASK]!;
    if (usedQ[i] === 1) matched += weight;
    else {
      unmatchedQ += weight;
      if (weight === PATRONYMIC_WEIGHT) patronymicQ = true;
    }
  }
  for (let j = 0; j < m; j++) {
    const weight = weights[cInts[cTokens + j * TOKEN_STRIDE + T_WEIGHT]! & WEIGHT_CODE_MASK]!;
    if (usedC[j] === 1) matched += weight;
    else {
      unmatchedC += weight;
      if (weight === PATRONYMIC_WEIGHT) patronymicC = true;
    }
  }
  const conflict = Math.min(unmatchedQ, unmatchedC);
  // Two different patronymics name two different fathers: as a conflict that is as telling as a
  // different given name, although a patronymic that one side merely omits costs little.
  greedyResult[G_CONFLICT] =
    patronymicQ && patronymicC ? conflict + PATRONYMIC_CONFLICT_EXTRA : conflict;
  // The discount needs a substantial match: `Adam` alone against `Adam Sultanovich Vitko` is
  // one shared given name, not a name with parts left out.
  const matchedQ = qTotal - unmatchedQ;
  const matchedC = cTotal - unmatchedC;
  const cost = matchedQ >= 1.5 && matchedC >= 1.5 ? extraCost : 1;
  const denominator = matched + 2 * conflict + cost * Math.abs(unmatchedQ - unmatchedC);
  greedyResult[G_SCORE] = denominator === 0 ? 0 : total / denominator;
}

/**
 * Slots of the scores of one query variant against one candidate variant (`scoreVariants`): per
 * measure its score and its conflicting unmatched weight. A typed array, for the reason of
 * `greedyResult`.
 */
const S_TOKENS = 0;
const S_TOKENS_CONFLICT = 1;
const S_INITIALS = 2;
const S_INITIALS_CONFLICT = 3;
const S_PHONETIC = 4;
const S_PHONETIC_CONFLICT = 5;
const VARIANT_SCORE_SLOTS = 6;

interface MutableMatch {
  score: number;
  conflict: number;
  queryName: number;
  queryVariant: number;
  candidateName: number;
  candidateVariant: number;
}

function emptyMatch(): MutableMatch {
  return {
    score: 0,
    conflict: 0,
    queryName: -1,
    queryVariant: -1,
    candidateName: -1,
    candidateVariant: -1,
  };
}

function reset(match: MutableMatch): void {
  match.score = 0;
  match.conflict = 0;
  match.queryName = -1;
  match.queryVariant = -1;
  match.candidateName = -1;
  match.candidateVariant = -1;
}

/** A copy of an alignment that later `align` calls leave alone. */
export function copyAlignment(alignment: NameAlignment): NameAlignment {
  return {
    tokens: { ...alignment.tokens },
    initials: { ...alignment.initials },
    phonetic: { ...alignment.phonetic },
    literal: { ...alignment.literal },
  };
}

function consider(
  match: MutableMatch,
  score: number,
  conflict: number,
  qn: number,
  qv: number,
  cn: number,
  cv: number,
): void {
  if (score <= match.score) return;
  match.score = score;
  match.conflict = conflict;
  match.queryName = qn;
  match.queryVariant = qv;
  match.candidateName = cn;
  match.candidateVariant = cv;
}

const explainMatrix = new Float64Array(MAX_TOKENS * MAX_TOKENS);
const queryWeightSlots = new Int32Array(MAX_TOKENS * TOKEN_STRIDE);
const candidateWeightSlots = new Int32Array(MAX_TOKENS * TOKEN_STRIDE);

/** Writes a variant's token weights into layout token slots, for `greedy` in explanations. */
function weightSlots(weights: readonly number[], count: number, into: Int32Array): Int32Array {
  for (let i = 0; i < count; i++) into[i * TOKEN_STRIDE + T_WEIGHT] = weightCode(weights[i]!);
  return into;
}

/**
 * Aligns one query's names with candidate after candidate. Built once per query: it registers
 * the query's keys with the similarity cache and lays the query's names out like a list
 * record's, so both sides of every comparison are read from typed arrays.
 */
export class QueryAligner {
  /** The query's layout (at 0). */
  private ints: Int32Array;
  /** Per query token (layout order): the index of its key in the cache. */
  private readonly slots: Int32Array;
  /** Distinct phonetic ids of the query's tokens: a candidate token sharing none cannot align. */
  private phonetics: Int32Array;
  /** Some query token is an initial. */
  private readonly hasInitial: boolean;
  /** `vocabularySize()` when the query's ids were looked up. */
  private resolvedAt: number;
  /**
   * What `align` returns, overwritten by its next call: the scoring loop aligns a query with
   * candidate after candidate and reads each alignment once, so it allocates none.
   */
  private readonly tokens = emptyMatch();
  private readonly initials = emptyMatch();
  private readonly phonetic = emptyMatch();
  private readonly literal = emptyMatch();
  private readonly alignment: NameAlignment = {
    tokens: this.tokens,
    initials: this.initials,
    phonetic: this.phonetic,
    literal: this.literal,
  };
  private readonly scores = new Float64Array(VARIANT_SCORE_SLOTS);

  constructor(
    private readonly query: PreparedRecord,
    private readonly cache: KeySimilarityCache,
  ) {
    const slots: number[] = [];
    let hasInitial = false;
    for (const name of query.names) {
      for (const variant of name.variants) {
        if (variant.hasInitial) hasInitial = true;
        for (const key of variant.keys) slots.push(cache.register(key));
      }
    }
    this.slots = Int32Array.from(slots);
    this.hasInitial = hasInitial;
    this.resolvedAt = vocabularySize();
    this.ints = queryLayout(query.names);
    this.phonetics = this.distinctPhonetics();
  }

  /** Looks the query's strings up again after records were added to the vocabularies. */
  private resolve(): void {
    this.resolvedAt = vocabularySize();
    this.ints = queryLayout(this.query.names);
    this.phonetics = this.distinctPhonetics();
  }

  private distinctPhonetics(): Int32Array {
    const ints = this.ints;
    const base = L_HEADER + ints[L_VARIANT_COUNT]! * VARIANT_STRIDE;
    const ids = new Set<number>();
    for (let t = 0; t < ints[L_TOKEN_COUNT]!; t++) {
      const id = ints[base + t * TOKEN_STRIDE + T_PHONETIC]!;
      if (id >= 0) ids.add(id);
    }
    return Int32Array.from(ids);
  }

  /**
   * Whether a candidate variant can align with any query variant at all: some token similar to a
   * query key, sharing a phonetic skeleton, or an initial on either side. Entities with dozens of
   * aliases mostly fail this test, and then cost one look-up per token instead of a matrix per
   * query variant.
   */
  private canAlign(
    cInts: Int32Array,
    cTokens: number,
    m: number,
    cHasInitial: boolean,
    slab: Float64Array,
  ): boolean {
    if (cHasInitial || this.hasInitial) return true;
    const width = this.cache.width;
    const phonetics = this.phonetics;
    for (let j = 0; j < m; j++) {
      if (slab[rowScratch[j]! + width]! > 0) return true;
      const code = cInts[cTokens + j * TOKEN_STRIDE + T_PHONETIC]!;
      if (code >= 0) {
        for (let k = 0; k < phonetics.length; k++) if (phonetics[k] === code) return true;
      }
    }
    return false;
  }

  /**
   * The best alignment of any query name with any candidate name, per measure. The result is the
   * aligner's own and valid until its next call; `copyAlignment` keeps one.
   */
  align(candidate: PreparedRecord): NameAlignment {
    let cInts = candidate.layoutInts;
    let at = candidate.layoutAt;
    if (cInts === null) {
      const layout = candidateLayout(candidate);
      cInts = layout.ints;
      at = layout.at;
    }
    if (vocabularySize() !== this.resolvedAt) this.resolve();
    const { tokens, initials, phonetic, literal, alignment } = this;
    reset(tokens);
    reset(initials);
    reset(phonetic);
    reset(literal);
    const qInts = this.ints;
    const qVariants = qInts[L_VARIANT_COUNT]!;
    const cVariants = cInts[at + L_VARIANT_COUNT]!;
    const cTokenBase = at + L_HEADER + cVariants * VARIANT_STRIDE;
    const cache = this.cache;
    const v = this.scores;
    // Candidate variants outside: each candidate token's similarity row is fetched once and
    // reused for every query variant.
    for (let cv = 0; cv < cVariants; cv++) {
      const ch = at + L_HEADER + cv * VARIANT_STRIDE;
      const cTokens = cTokenBase + cInts[ch + V_TOKEN_START]! * TOKEN_STRIDE;
      const m = Math.min(cInts[ch + V_TOKEN_COUNT]!, MAX_TOKENS);
      for (let j = 0; j < m; j++) {
        rowScratch[j] = cache.rowOffsetOfId(cInts[cTokens + j * TOKEN_STRIDE + T_KEY]!);
      }
      const slab = cache.data;
      const alignable = this.canAlign(cInts, cTokens, m, cInts[ch + V_HAS_INITIAL] === 1, slab);
      const cLiteral = cInts[ch + V_LITERAL]!;
      const cJoined = cInts[ch + V_JOINED]!;
      const cn = cInts[ch + V_NAME]!;
      const cvi = cInts[ch + V_VARIANT]!;
      for (let qv = 0; qv < qVariants; qv++) {
        const qh = L_HEADER + qv * VARIANT_STRIDE;
        // Same tokens in any order, or the same letters with the spaces elsewhere
        // (`SergeiLavrov`, `Good Will`/`Goodwill`). Query ids are -1 where the strings could
        // not count (empty literal, short joined form, unknown to every list record).
        if (literal.score < 1) {
          const ql = qInts[qh + V_LITERAL]!;
          const qj = qInts[qh + V_JOINED]!;
          if ((ql >= 0 && ql === cLiteral) || (qj >= 0 && qj === cJoined)) {
            consider(literal, 1, 0, qInts[qh + V_NAME]!, qInts[qh + V_VARIANT]!, cn, cvi);
          }
        }
        if (!alignable) continue;
        this.scoreVariants(qh, cInts, ch, cTokens, m, slab, v);
        const qn = qInts[qh + V_NAME]!;
        const qvi = qInts[qh + V_VARIANT]!;
        consider(tokens, v[S_TOKENS]!, v[S_TOKENS_CONFLICT]!, qn, qvi, cn, cvi);
        consider(initials, v[S_INITIALS]!, v[S_INITIALS_CONFLICT]!, qn, qvi, cn, cvi);
        consider(phonetic, v[S_PHONETIC]!, v[S_PHONETIC_CONFLICT]!, qn, qvi, cn, cvi);
        // Nothing beats a perfect alignment; the rest of the names cannot change the result.
        if (tokens.score >= 1 && literal.score >= 1) return alignment;
      }
    }
    return alignment;
  }

  /**
   * Scores the query variant with header `qh` against the candidate variant with header `ch`
   * (tokens from `cTokens`, their `m` rows in `rowScratch`) under the three measures, into `out`.
   */
  private scoreVariants(
    qh: number,
    cInts: Int32Array,
    ch: number,
    cTokens: number,
    m: number,
    slab: Float64Array,
    out: Float64Array,
  ): void {
    const qInts = this.ints;
    const weights = WEIGHT_VALUES;
    const qStart = qInts[qh + V_TOKEN_START]!;
    const n = Math.min(qInts[qh + V_TOKEN_COUNT]!, MAX_TOKENS);
    const qTokens = L_HEADER + qInts[L_VARIANT_COUNT]! * VARIANT_STRIDE + qStart * TOKEN_STRIDE;
    const qTotal = weights[qInts[qh + V_TOTAL_WEIGHT]!]!;
    const cTotal = weights[cInts[ch + V_TOTAL_WEIGHT]!]!;
    const slots = this.slots;
    for (let k = 0; k < VARIANT_SCORE_SLOTS; k++) out[k] = 0;
    if (n === 0 || m === 0) return;
    const extraCost = this.cache.config.extraTokenCost;
    let anySimilar = false;
    let anyPhonetic = false;
    for (let j = 0; j < m; j++) {
      const row = rowScratch[j]!;
      const ct = cTokens + j * TOKEN_STRIDE;
      const cp = cInts[ct + T_PHONETIC]!;
      const cSlot = cInts[ct + T_WEIGHT]!;
      const cWeight = weights[cSlot & WEIGHT_CODE_MASK]!;
      const cRole = cSlot >>> ROLE_SHIFT;
      for (let i = 0; i < n; i++) {
        const qt = qTokens + i * TOKEN_STRIDE;
        const qSlot = qInts[qt + T_WEIGHT]!;
        const sim = rolesAgree(qSlot >>> ROLE_SHIFT, cRole)
          ? pairable(weights[qSlot & WEIGHT_CODE_MASK]!, cWeight, slab[row + slots[qStart + i]!]!)
          : 0;
        simScratch[i * m + j] = sim;
        if (sim > 0) anySimilar = true;
        // Phonetic ids are -1 for skeletons too short to compare, and a query id is -1 for a
        // skeleton no record has: equal ids at or above 0 mean equal comparable skeletons.
        if (sim < 1 && cp >= 0 && cp === qInts[qt + T_PHONETIC]) anyPhonetic = true;
      }
    }
    const initials = qInts[qh + V_HAS_INITIAL] === 1 || cInts[ch + V_HAS_INITIAL] === 1;
    if (!anySimilar && !anyPhonetic && !initials) return;

    if (anySimilar) {
      // greedy only reads the matrix: the similarities themselves serve the token measure.
      greedy(simScratch, qInts, qTokens, qTotal, cInts, cTokens, cTotal, n, m, extraCost);
      out[S_TOKENS] = greedyResult[G_SCORE]!;
      out[S_TOKENS_CONFLICT] = greedyResult[G_CONFLICT]!;
    } else {
      out[S_TOKENS_CONFLICT] = Math.min(qTotal, cTotal);
    }
    out[S_INITIALS] = out[S_TOKENS]!;
    out[S_INITIALS_CONFLICT] = out[S_TOKENS_CONFLICT]!;
    if (initials) {
      for (let i = 0; i < n; i++) {
        const qs = qInts[qTokens + i * TOKEN_STRIDE + T_SHAPE]!;
        const qRole = qInts[qTokens + i * TOKEN_STRIDE + T_WEIGHT]! >>> ROLE_SHIFT;
        for (let j = 0; j < m; j++) {
          const ct = cTokens + j * TOKEN_STRIDE;
          const cs = cInts[ct + T_SHAPE]!;
          const k = i * m + j;
          workScratch[k] =
            (isInitialOfShape(qs, cs) || isInitialOfShape(cs, qs)) &&
            rolesAgree(qRole, cInts[ct + T_WEIGHT]! >>> ROLE_SHIFT)
              ? 1
              : simScratch[k]!;
        }
      }
      greedy(workScratch, qInts, qTokens, qTotal, cInts, cTokens, cTotal, n, m, extraCost);
      out[S_INITIALS] = greedyResult[G_SCORE]!;
      out[S_INITIALS_CONFLICT] = greedyResult[G_CONFLICT]!;
    }
    // Phonetic measure: token similarity, raised to a fixed credit where the skeletons agree.
    out[S_PHONETIC] = out[S_TOKENS]!;
    out[S_PHONETIC_CONFLICT] = out[S_TOKENS_CONFLICT]!;
    if (anyPhonetic) {
      const credit = this.cache.config.phoneticSimilarity;
      for (let i = 0; i < n; i++) {
        const qp = qInts[qTokens + i * TOKEN_STRIDE + T_PHONETIC]!;
        const qRole = qInts[qTokens + i * TOKEN_STRIDE + T_WEIGHT]! >>> ROLE_SHIFT;
        for (let j = 0; j < m; j++) {
          const k = i * m + j;
          const sim = simScratch[k]!;
          const ct = cTokens + j * TOKEN_STRIDE;
          workScratch[k] =
            sim < credit &&
            qp >= 0 &&
            qp === cInts[ct + T_PHONETIC] &&
            rolesAgree(qRole, cInts[ct + T_WEIGHT]! >>> ROLE_SHIFT)
              ? credit
              : sim;
        }
      }
      greedy(workScratch, qInts, qTokens, qTotal, cInts, cTokens, cTotal, n, m, extraCost);
      out[S_PHONETIC] = greedyResult[G_SCORE]!;
      out[S_PHONETIC_CONFLICT] = greedyResult[G_CONFLICT]!;
    }
  }

  /** Index of the variant with name `name` and variant `variant` in a layout, or -1. */
  private static variantAt(ints: Int32Array, at: number, name: number, variant: number): number {
    const count = ints[at + L_VARIANT_COUNT]!;
    for (let v = 0; v < count; v++) {
      const h = at + L_HEADER + v * VARIANT_STRIDE;
      if (ints[h + V_NAME] === name && ints[h + V_VARIANT] === variant) return v;
    }
    return -1;
  }

  /** The aligned token pairs of one match under one measure, for an explanation. */
  pairs(candidate: PreparedRecord, match: NameMatch, measure: Measure): TokenPair[] {
    if (match.queryName < 0) return [];
    const cache = this.cache;
    const q = this.query.names[match.queryName]!.variants[match.queryVariant]!;
    const c = candidate.names[match.candidateName]!.variants[match.candidateVariant]!;
    const n = Math.min(q.keys.length, MAX_TOKENS);
    const m = Math.min(c.keys.length, MAX_TOKENS);
    // Rows and columns by id and slot, as the scoring loop found them: no string look-ups.
    const layout = candidateLayout(candidate);
    const cv = QueryAligner.variantAt(
      layout.ints,
      layout.at,
      match.candidateName,
      match.candidateVariant,
    );
    const cTokens =
      layout.at +
      L_HEADER +
      layout.ints[layout.at + L_VARIANT_COUNT]! * VARIANT_STRIDE +
      layout.ints[layout.at + L_HEADER + cv * VARIANT_STRIDE + V_TOKEN_START]! * TOKEN_STRIDE;
    const rows: number[] = [];
    for (let j = 0; j < m; j++) {
      rows.push(cache.rowOffsetOfId(layout.ints[cTokens + j * TOKEN_STRIDE + T_KEY]!));
    }
    const qv = QueryAligner.variantAt(this.ints, 0, match.queryName, match.queryVariant);
    const qStart = this.ints[L_HEADER + qv * VARIANT_STRIDE + V_TOKEN_START]!;
    const slab = cache.data;
    const matrix = explainMatrix;
    const kind: TokenPair['how'][] = new Array(n * m);
    for (let i = 0; i < n; i++) {
      const qk = q.keys[i]!;
      const column = this.slots[qStart + i]!;
      for (let j = 0; j < m; j++) {
        const ck = c.keys[j]!;
        const k = i * m + j;
        const agree = rolesAgree(q.roles[i]!, c.roles[j]!);
        const sim = agree ? pairable(q.weights[i]!, c.weights[j]!, slab[rows[j]! + column]!) : 0;
        let value = sim;
        let how: TokenPair['how'] =
          q.tokens[i] === c.tokens[j] ? 'exact' : qk === ck ? 'spelling' : 'fuzzy';
        const qs = tokenShape(qk);
        const cs = tokenShape(ck);
        if (!agree) {
          // Own name against father's name: no measure may pair them (see `rolesAgree`).
        } else if (
          measure === 'initials' &&
          (isInitialOfShape(qs, cs) || isInitialOfShape(cs, qs))
        ) {
          value = 1;
          how = 'initial';
        } else if (measure === 'phonetic') {
          const credit = cache.config.phoneticSimilarity;
          if (sim < credit && q.phonetic[i]!.length > 1 && q.phonetic[i] === c.phonetic[j]) {
            value = credit;
            how = 'phonetic';
          }
        }
        matrix[k] = value;
        kind[k] = how;
      }
    }
    const pairs: [number, number, number][] = [];
    greedy(
      matrix,
      weightSlots(q.weights, n, queryWeightSlots),
      0,
      q.totalWeight,
      weightSlots(c.weights, m, candidateWeightSlots),
      0,
      c.totalWeight,
      n,
      m,
      cache.config.extraTokenCost,
      pairs,
    );
    return pairs.map(([i, j, sim]) => ({
      query: q.tokens[i]!,
      candidate: c.tokens[j]!,
      similarity: Math.round(sim * 1000) / 1000,
      how: kind[i * m + j]!,
    }));
  }
}
