/**
 * Name alignment: the best one-to-one assignment of query tokens to candidate tokens, scored as a
 * weighted Dice coefficient: Σ sim(q, c) · (w_q + w_c) / (Σ w_q + Σ w_c). Token order is ignored
 * (`KUSHAKOV Mikhail` = `Mikhail KUSHAKOV`); a token left unmatched on either side costs its
 * weight, so a missing patronymic costs little and a different given name costs a lot.
 *
 * The assignment is greedy on the similarity matrix (best pair first). Names rarely have more than
 * six tokens, so greedy is near-optimal and avoids the Hungarian method's allocations.
 */
import type { NameAlignment, NameMatch, NameVariant, PreparedRecord, TokenPair } from '../types.js';
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

function isInitialOf(short: string, long: string): boolean {
  return short.length === 1 && long.length > 1 && long.charCodeAt(0) === short.charCodeAt(0);
}

/**
 * A patronymic only pairs with a patronymic unless the keys are equal: `Ivanov` is not a spelling
 * of `Ivanovich`. Returns the similarity, or 0 when the pair is not allowed.
 */
function pairable(q: NameVariant, i: number, c: NameVariant, j: number, sim: number): number {
  if (sim >= 1 || sim <= 0) return sim;
  return (q.weights[i] === PATRONYMIC_WEIGHT) === (c.weights[j] === PATRONYMIC_WEIGHT) ? sim : 0;
}

/** Unmatched weight present on both sides after the last `greedy` call (see below). */
let lastConflict = 0;

/**
 * Greedy assignment on `matrix` (n × m, row-major); returns the weighted Dice score. When `pairs`
 * is given, the assigned index pairs are pushed to it (explanations only).
 *
 * Unmatched tokens are split in two: a *conflict* is unmatched weight on both sides (`George
 * Bush` / `George Habbash`: bush and habbash each stand where the other should be) and costs its
 * full weight; an *extra* is unmatched weight on one side only (a missing patronymic or middle
 * name) and costs `extraCost` of it, since lists and people drop name parts all the time.
 */
function greedy(
  matrix: Float64Array,
  q: NameVariant,
  c: NameVariant,
  n: number,
  m: number,
  extraCost: number,
  pairs?: [number, number, number][],
): number {
  usedQ.fill(0, 0, n);
  usedC.fill(0, 0, m);
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
    total += best * (q.weights[bi]! + c.weights[bj]!);
    pairs?.push([bi, bj, best]);
  }
  let matched = 0;
  let unmatchedQ = 0;
  let unmatchedC = 0;
  for (let i = 0; i < n; i++) {
    if (usedQ[i] === 1) matched += q.weights[i]!;
    else unmatchedQ += q.weights[i]!;
  }
  for (let j = 0; j < m; j++) {
    if (usedC[j] === 1) matched += c.weights[j]!;
    else unmatchedC += c.weights[j]!;
  }
  const conflict = Math.min(unmatchedQ, unmatchedC);
  lastConflict = conflict;
  // The discount needs a substantial match: `Adam` alone against `Adam Sultanovich Vitko` is
  // one shared given name, not a name with parts left out.
  const matchedQ = q.totalWeight - unmatchedQ;
  const matchedC = c.totalWeight - unmatchedC;
  const cost = matchedQ >= 1.5 && matchedC >= 1.5 ? extraCost : 1;
  const denominator = matched + 2 * conflict + cost * Math.abs(unmatchedQ - unmatchedC);
  return denominator === 0 ? 0 : total / denominator;
}

export interface VariantScores {
  tokens: number;
  initials: number;
  phonetic: number;
  /** Conflicting unmatched weight under each measure. */
  tokensConflict: number;
  initialsConflict: number;
  phoneticConflict: number;
}

/**
 * Scores one query variant against one candidate variant under the three measures. `queryIndex`
 * maps the query variant's tokens to the cache's key indices. Writes into `out` (reused by the
 * caller) instead of allocating.
 */
export function scoreVariants(
  q: NameVariant,
  queryIndex: Int32Array,
  c: NameVariant,
  candidateRows: Int32Array,
  slab: Float64Array,
  cache: KeySimilarityCache,
  out: VariantScores,
): void {
  const n = Math.min(q.keys.length, MAX_TOKENS);
  const m = Math.min(c.keys.length, MAX_TOKENS);
  out.tokens = 0;
  out.initials = 0;
  out.phonetic = 0;
  out.tokensConflict = 0;
  out.initialsConflict = 0;
  out.phoneticConflict = 0;
  if (n === 0 || m === 0) return;
  const extraCost = cache.config.extraTokenCost;
  let anySimilar = false;
  let anyPhonetic = false;
  for (let j = 0; j < m; j++) {
    const row = candidateRows[j]!;
    const cp = c.phonetic[j]!;
    for (let i = 0; i < n; i++) {
      const sim = pairable(q, i, c, j, slab[row + queryIndex[i]!]!);
      simScratch[i * m + j] = sim;
      if (sim > 0) anySimilar = true;
      if (sim < 1 && cp.length > 1 && cp === q.phonetic[i]) anyPhonetic = true;
    }
  }
  const initials = q.hasInitial || c.hasInitial;
  if (!anySimilar && !anyPhonetic && !initials) return;

  if (anySimilar) {
    workScratch.set(simScratch.subarray(0, n * m));
    out.tokens = greedy(workScratch, q, c, n, m, extraCost);
    out.tokensConflict = lastConflict;
  } else {
    out.tokensConflict = Math.min(q.totalWeight, c.totalWeight);
  }
  out.initials = out.tokens;
  out.initialsConflict = out.tokensConflict;
  if (initials) {
    for (let i = 0; i < n; i++) {
      const qk = q.keys[i]!;
      for (let j = 0; j < m; j++) {
        const ck = c.keys[j]!;
        const k = i * m + j;
        workScratch[k] = isInitialOf(qk, ck) || isInitialOf(ck, qk) ? 1 : simScratch[k]!;
      }
    }
    out.initials = greedy(workScratch, q, c, n, m, extraCost);
    out.initialsConflict = lastConflict;
  }
  // Phonetic measure: token similarity, raised to a fixed credit where the skeletons agree.
  out.phonetic = out.tokens;
  out.phoneticConflict = out.tokensConflict;
  if (anyPhonetic) {
    const credit = cache.config.phoneticSimilarity;
    for (let i = 0; i < n; i++) {
      const qp = q.phonetic[i]!;
      for (let j = 0; j < m; j++) {
        const k = i * m + j;
        const sim = simScratch[k]!;
        workScratch[k] = sim < credit && qp.length > 1 && qp === c.phonetic[j] ? credit : sim;
      }
    }
    out.phonetic = greedy(workScratch, q, c, n, m, extraCost);
    out.phoneticConflict = lastConflict;
  }
}

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

const variantScores: VariantScores = {
  tokens: 0,
  initials: 0,
  phonetic: 0,
  tokensConflict: 0,
  initialsConflict: 0,
  phoneticConflict: 0,
};

/** Registers every query key with the cache; returns each variant's key indices. */
export function indexQueryKeys(query: PreparedRecord, cache: KeySimilarityCache): Int32Array[][] {
  for (const name of query.names) {
    for (const variant of name.variants) {
      for (const code of variant.phonetic) if (code.length > 1) cache.queryPhonetics.add(code);
      if (variant.hasInitial) cache.queryHasInitial = true;
    }
  }
  return query.names.map((name) =>
    name.variants.map((variant) => Int32Array.from(variant.keys, (key) => cache.register(key))),
  );
}

/**
 * Whether a candidate variant can align with any query variant at all: some token similar to a
 * query key, sharing a phonetic skeleton, or an initial on either side. Entities with dozens of
 * aliases mostly fail this test, and then cost one look-up per token instead of a matrix per
 * query variant.
 */
function canAlign(
  c: NameVariant,
  m: number,
  slab: Float64Array,
  cache: KeySimilarityCache,
): boolean {
  if (c.hasInitial || cache.queryHasInitial) return true;
  const width = cache.width;
  for (let j = 0; j < m; j++) {
    if (slab[rowScratch[j]! + width]! > 0) return true;
    const code = c.phonetic[j]!;
    if (code.length > 1 && cache.queryPhonetics.has(code)) return true;
  }
  return false;
}

/** The best alignment of any query name with any candidate name, per measure. */
export function alignRecords(
  query: PreparedRecord,
  queryIndex: readonly (readonly Int32Array[])[],
  candidate: PreparedRecord,
  cache: KeySimilarityCache,
): NameAlignment {
  const tokens = emptyMatch();
  const initials = emptyMatch();
  const phonetic = emptyMatch();
  const literal = emptyMatch();
  // Candidate variants outside: each candidate token's similarity row is fetched once and
  // reused for every query variant.
  for (let cn = 0; cn < candidate.names.length; cn++) {
    const cName = candidate.names[cn]!;
    for (let cv = 0; cv < cName.variants.length; cv++) {
      const c = cName.variants[cv]!;
      const m = Math.min(c.keys.length, MAX_TOKENS);
      for (let j = 0; j < m; j++) rowScratch[j] = cache.rowOffset(c.keys[j]!);
      const slab = cache.data;
      const alignable = canAlign(c, m, slab, cache);
      for (let qn = 0; qn < query.names.length; qn++) {
        const qName = query.names[qn]!;
        for (let qv = 0; qv < qName.variants.length; qv++) {
          const q = qName.variants[qv]!;
          // Same tokens in any order, or the same letters with the spaces elsewhere
          // (`SergeiLavrov`, `Good Will`/`Goodwill`).
          if (
            literal.score < 1 &&
            q.literal !== '' &&
            (q.literal === c.literal || (q.joined === c.joined && q.joined.length >= 6))
          ) {
            consider(literal, 1, 0, qn, qv, cn, cv);
          }
          if (!alignable) continue;
          scoreVariants(q, queryIndex[qn]![qv]!, c, rowScratch, slab, cache, variantScores);
          const v = variantScores;
          consider(tokens, v.tokens, v.tokensConflict, qn, qv, cn, cv);
          consider(initials, v.initials, v.initialsConflict, qn, qv, cn, cv);
          consider(phonetic, v.phonetic, v.phoneticConflict, qn, qv, cn, cv);
          // Nothing beats a perfect alignment; the rest of the names cannot change the result.
          if (tokens.score >= 1 && literal.score >= 1) {
            return { tokens, initials, phonetic, literal };
          }
        }
      }
    }
  }
  return { tokens, initials, phonetic, literal };
}

/** The aligned token pairs of one match under one measure, for an explanation. */
export function alignedPairs(
  query: PreparedRecord,
  candidate: PreparedRecord,
  match: NameMatch,
  measure: Measure,
  cache: KeySimilarityCache,
): TokenPair[] {
  if (match.queryName < 0) return [];
  const q = query.names[match.queryName]!.variants[match.queryVariant]!;
  const c = candidate.names[match.candidateName]!.variants[match.candidateVariant]!;
  const n = Math.min(q.keys.length, MAX_TOKENS);
  const m = Math.min(c.keys.length, MAX_TOKENS);
  const matrix = new Float64Array(n * m);
  const kind: TokenPair['how'][] = new Array(n * m);
  for (let i = 0; i < n; i++) {
    const qk = q.keys[i]!;
    for (let j = 0; j < m; j++) {
      const ck = c.keys[j]!;
      const k = i * m + j;
      const sim = pairable(q, i, c, j, cache.get(qk, ck));
      let value = sim;
      let how: TokenPair['how'] =
        q.tokens[i] === c.tokens[j] ? 'exact' : qk === ck ? 'spelling' : 'fuzzy';
      if (measure === 'initials' && (isInitialOf(qk, ck) || isInitialOf(ck, qk))) {
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
  greedy(matrix, q, c, n, m, cache.config.extraTokenCost, pairs);
  return pairs.map(([i, j, sim]) => ({
    query: q.tokens[i]!,
    candidate: c.tokens[j]!,
    similarity: Math.round(sim * 1000) / 1000,
    how: kind[i * m + j]!,
  }));
}
