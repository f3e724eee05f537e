/**
 * Similarity of two romanised name tokens, compared on their spelling keys (transliteration
 * systems already collapsed). Short tokens only match exactly: one edit in `kim`/`kin` or
 * `ali`/`ari` is a different name, not a typo.
 */

import { jaroWinkler } from '../text/jaro-winkler.js';
import { levenshteinSimilarity } from '../text/levenshtein.js';
import type { ConfigValues } from '../types.js';
import { areEquivalentGivenNames } from './given-names.js';

export interface TokenSimilarityConfig {
  /** Below this a fuzzy similarity counts as no match at all. */
  readonly minTokenSimilarity: number;
  /** Tokens shorter than this must match exactly. */
  readonly fuzzyMinLength: number;
  /** Similarity credited to two known forms of one given name (`Aleksandr`/`Oleksandr`). */
  readonly equivalentSimilarity: number;
  /** How much a fuzzy pair's shortfall from 1 is amplified (2: similarity 0.9 earns 0.8). */
  readonly fuzzyPenalty: number;
  /** Credit for two tokens whose phonetic skeletons agree (phonetic measure only). */
  readonly phoneticSimilarity: number;
  /** Share of its weight that a token unmatched on one side only costs (1 = plain Dice). */
  readonly extraTokenCost: number;
}

export function tokenSimilarityConfig(config: ConfigValues): TokenSimilarityConfig {
  return {
    minTokenSimilarity: config.min_token_similarity ?? 0.75,
    fuzzyMinLength: config.fuzzy_min_length ?? 4,
    equivalentSimilarity: config.equivalent_name_similarity ?? 0.9,
    fuzzyPenalty: config.fuzzy_penalty ?? 2,
    phoneticSimilarity: config.phonetic_similarity ?? 0.85,
    extraTokenCost: config.extra_token_cost ?? 0.6,
  };
}

/**
 * Czech and Slovak documents add the feminine `-ová` to a surname (`Pradun` → `Pradunová`,
 * `Maiko` → `Majková`). The stem without it (and without a final vowel) is compared instead.
 */
function feminineStem(key: string): string | null {
  if (key.length < 7 || !key.endsWith('ova')) return null;
  return key.slice(0, -3);
}

function withoutFinalVowel(key: string): string {
  return /[aeiouy]$/u.test(key) ? key.slice(0, -1) : key;
}

function sameFeminineSurname(a: string, b: string): boolean {
  const stemA = feminineStem(a);
  const stemB = feminineStem(b);
  if (stemA === null && stemB === null) return false;
  const x = withoutFinalVowel(stemA ?? a);
  const y = withoutFinalVowel(stemB ?? b);
  return x.length >= 3 && (x === y || withoutFinalVowel(x) === y || x === withoutFinalVowel(y));
}

/** Similarity from name knowledge alone (given-name forms, feminine surnames), else 0. */
function knownFormSimilarity(a: string, b: string, config: TokenSimilarityConfig): number {
  if (sameFeminineSurname(a, b) || areEquivalentGivenNames(a, b))
    return config.equivalentSimilarity;
  return 0;
}

/** Bit per letter a-z present in the key (other characters share bit 26). */
export function letterMask(key: string): number {
  let mask = 0;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i) - 97;
    mask |= code >= 0 && code < 26 ? 1 << code : 1 << 26;
  }
  return mask;
}

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Cheap rejection before Jaro-Winkler: keys that share fewer than half of their distinct letters
 * cannot reach the minimum similarity in practice (`lukashenko`/`lukashenka` share 8 of 9).
 */
function lettersTooDifferent(maskA: number, maskB: number): boolean {
  const shared = popcount(maskA & maskB);
  return shared * 2 < Math.max(popcount(maskA), popcount(maskB));
}

/** Fuzzy similarity of two spelling keys in 0..1 (0 below the configured minimum). */
export function keySimilarity(a: string, b: string, config: TokenSimilarityConfig): number {
  if (a === b) return 1;
  if (sameFeminineSurname(a, b)) return config.equivalentSimilarity;
  if (a.length < config.fuzzyMinLength || b.length < config.fuzzyMinLength) {
    return areEquivalentGivenNames(a, b) ? config.equivalentSimilarity : 0;
  }
  // Cheap reject: very different lengths cannot reach the minimum.
  const longer = Math.max(a.length, b.length);
  const shorter = Math.min(a.length, b.length);
  if (shorter / longer < 0.5) {
    return areEquivalentGivenNames(a, b) ? config.equivalentSimilarity : 0;
  }
  const jw = jaroWinkler(a, b);
  let sim = 0;
  if (jw >= 0.7) {
    // Jaro-Winkler forgives endings (case forms, `-a`/`-o`) but also rewards a shared prefix on
    // unrelated names (`zuckermann`/`zuckerberg`); the edit similarity keeps it honest.
    sim = (jw + levenshteinSimilarity(a, b)) / 2;
    // Transliteration differences are merged by the spelling keys already; what is left at the
    // first letter is usually another name (`Nuriev`/`Gurjev`), not a spelling.
    if (a.charCodeAt(0) !== b.charCodeAt(0)) sim -= 0.1;
  }
  // A fuzzy pair earns less than its raw similarity: one edit in a short surname is more often
  // another person than a typo (`Popov`/`Potapov`).
  sim = sim < config.minTokenSimilarity ? 0 : 1 - (1 - sim) * config.fuzzyPenalty;
  if (areEquivalentGivenNames(a, b)) sim = Math.max(sim, config.equivalentSimilarity);
  return Math.max(0, sim);
}

/**
 * Per-query memo of key similarities. The query's distinct keys get small indices; each candidate
 * key seen is compared with all of them at once and the row is kept, so filling an alignment
 * matrix costs one map lookup per candidate token instead of one per token pair. Common given
 * names and surnames come back candidate after candidate.
 */
export class KeySimilarityCache {
  private readonly queryKeys: string[] = [];
  private readonly indexOfKey = new Map<string, number>();
  private readonly offsets = new Map<string, number>();
  private slab = new Float64Array(4096);
  private used = 0;
  private queryMasks: Int32Array | null = null;
  /** Phonetic skeletons of the query's tokens: a candidate token sharing none cannot align. */
  readonly queryPhonetics = new Set<string>();
  /** Some query token is an initial. */
  queryHasInitial = false;

  constructor(readonly config: TokenSimilarityConfig) {}

  /** Number of registered query keys; a row's last slot (this index) holds its maximum. */
  get width(): number {
    return this.queryKeys.length;
  }

  /** Index of a query key (registered before any row is computed). */
  register(queryKey: string): number {
    let index = this.indexOfKey.get(queryKey);
    if (index === undefined) {
      if (this.used > 0) throw new Error('register all query keys before scoring');
      index = this.queryKeys.length;
      this.queryKeys.push(queryKey);
      this.indexOfKey.set(queryKey, index);
    }
    return index;
  }

  /**
   * Offset in `data` of the similarities of one candidate key with every registered query key
   * (`width` values, then their maximum). Rows live in one growing slab rather than an array per
   * key: the scoring loop creates thousands of rows per query and should not feed the GC.
   */
  rowOffset(candidateKey: string): number {
    let offset = this.offsets.get(candidateKey);
    if (offset !== undefined) return offset;
    const keys = this.queryKeys;
    const size = keys.length + 1;
    if (this.used + size > this.slab.length) {
      const grown = new Float64Array(Math.max(this.slab.length * 2, this.used + size));
      grown.set(this.slab.subarray(0, this.used));
      this.slab = grown;
    }
    offset = this.used;
    this.used += size;
    if (this.queryMasks === null) this.queryMasks = Int32Array.from(keys, letterMask);
    const masks = this.queryMasks;
    const mask = letterMask(candidateKey);
    const slab = this.slab;
    let max = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const sim =
        key !== candidateKey && lettersTooDifferent(masks[i]!, mask)
          ? knownFormSimilarity(key, candidateKey, this.config)
          : keySimilarity(key, candidateKey, this.config);
      slab[offset + i] = sim;
      if (sim > max) max = sim;
    }
    slab[offset + keys.length] = max;
    this.offsets.set(candidateKey, offset);
    return offset;
  }

  /** The slab the offsets point into; read it after fetching offsets (it may grow). */
  get data(): Float64Array {
    return this.slab;
  }

  get(queryKey: string, candidateKey: string): number {
    const index = this.indexOfKey.get(queryKey);
    if (index === undefined) return keySimilarity(queryKey, candidateKey, this.config);
    const offset = this.rowOffset(candidateKey);
    return this.slab[offset + index]!;
  }
}
