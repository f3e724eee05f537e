/**
 * Similarity of two romanised name tokens, compared on their spelling keys (transliteration
 * systems already collapsed). Short tokens only match exactly: one edit in `kim`/`kin` or
 * `ali`/`ari` is a different name, not a typo.
 */

import { jaroWinkler } from '../text/jaro-winkler.js';
import { levenshteinSimilarity } from '../text/levenshtein.js';
import type { ConfigValues } from '../types.js';
import { areEquivalentGivenNames, givenNameGroup } from './given-names.js';
import { SPELLING_KEYS } from './vocabulary.js';

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

/** Letter slots for `sharedLetters`: a-z, then one slot for anything else. */
const LETTER_SLOTS = 27;

function letterSlot(code: number): number {
  const letter = code - 97;
  return letter >= 0 && letter < 26 ? letter : 26;
}

/**
 * How many characters a query key and a candidate key can have in common, counted with
 * repetition (characters other than a-z all count as one, which can only overstate it): the sum
 * over the query key's distinct slots of the smaller count. Neither Jaro nor the edit distance
 * can pair more characters than that, which bounds both from above.
 */
function sharedLetters(
  slots: Int32Array,
  counts: Int32Array,
  from: number,
  to: number,
  candidateCounts: Int32Array,
): number {
  let shared = 0;
  for (let k = from; k < to; k++) shared += Math.min(counts[k]!, candidateCounts[slots[k]!]!);
  return shared;
}

/**
 * Share of Jaro-Winkler in the fuzzy similarity, the rest being the edit similarity. Jaro-Winkler
 * forgives endings (case forms, `-a`/`-o`) but rewards a shared beginning on names that differ
 * after it (`Lukashevich`/`Lukashenko`, `Albano`/`Albanese`, `Shashkov`/`Sadykov`), where the
 * edit distance sees the difference; a typo in the first letter (`Bessi`/`Messi`) is one edit.
 * At 0.4 rather than an even blend, with no penalty for a differing first letter, the dev set's
 * false-positive rate fell (0.0055 to 0.0046 with the other matcher changes of 2026-11-26, recall
 * 0.9857 to 0.9866) and name_bench F1 rose; see the README's evaluation section.
 */
const JARO_WINKLER_SHARE = 0.4;

/**
 * The most the Jaro-Winkler/edit-distance blend of `keySimilarity` can reach for two keys of
 * these lengths with `shared` characters in common: Jaro ≤ (s/la + s/lb + 1)/3, the prefix
 * bonus adds at most 0.4 of the rest (none when the first letters differ), and the edit
 * similarity is at most s/max(la, lb).
 */
function blendBound(la: number, lb: number, shared: number, sameFirst: boolean): number {
  const jaro = (shared / la + shared / lb + 1) / 3;
  const jaroWinkler = sameFirst ? 0.6 * jaro + 0.4 : jaro;
  const edit = shared / Math.max(la, lb);
  return JARO_WINKLER_SHARE * jaroWinkler + (1 - JARO_WINKLER_SHARE) * edit;
}

/** Rounding room for `blendBound`: it only skips pairs clearly below the minimum. */
const BOUND_MARGIN = 1e-9;

/**
 * `keySimilarity` of two different keys with what it needs about them worked out by the caller:
 * whether they are forms of one given name, whether either may be a feminine surname form, and
 * how many letters they share (`Infinity` when not counted: nothing is then skipped).
 */
function fuzzySimilarity(
  a: string,
  b: string,
  config: TokenSimilarityConfig,
  equivalent: boolean,
  mayBeFeminine: boolean,
  shared: number,
): number {
  if (mayBeFeminine && sameFeminineSurname(a, b)) return config.equivalentSimilarity;
  if (a.length < config.fuzzyMinLength || b.length < config.fuzzyMinLength) {
    return equivalent ? config.equivalentSimilarity : 0;
  }
  // Cheap reject: very different lengths cannot reach the minimum.
  const longer = Math.max(a.length, b.length);
  const shorter = Math.min(a.length, b.length);
  if (shorter / longer < 0.5) {
    return equivalent ? config.equivalentSimilarity : 0;
  }
  const sameFirst = a.charCodeAt(0) === b.charCodeAt(0);
  let sim = 0;
  // Most pairs that get this far still share too few letters to reach the minimum; skipping
  // Jaro-Winkler and the edit distance for them gives the 0 those would have given.
  const hopeless =
    config.minTokenSimilarity > 0 &&
    blendBound(a.length, b.length, shared, sameFirst) + BOUND_MARGIN < config.minTokenSimilarity;
  if (!hopeless) {
    const jw = jaroWinkler(a, b);
    if (jw >= 0.7) {
      sim = JARO_WINKLER_SHARE * jw + (1 - JARO_WINKLER_SHARE) * levenshteinSimilarity(a, b);
    }
  }
  // A fuzzy pair earns less than its raw similarity: one edit in a short surname is more often
  // another person than a typo (`Popov`/`Potapov`).
  sim = sim < config.minTokenSimilarity ? 0 : 1 - (1 - sim) * config.fuzzyPenalty;
  if (equivalent) sim = Math.max(sim, config.equivalentSimilarity);
  return Math.max(0, sim);
}

/** Fuzzy similarity of two spelling keys in 0..1 (0 below the configured minimum). */
export function keySimilarity(a: string, b: string, config: TokenSimilarityConfig): number {
  if (a === b) return 1;
  return fuzzySimilarity(
    a,
    b,
    config,
    areEquivalentGivenNames(a, b),
    true,
    Number.POSITIVE_INFINITY,
  );
}

/** Could be a feminine `-ová` form (see `feminineStem`): only then is the stem compared. */
function mayBeFeminine(key: string): boolean {
  return feminineStem(key) !== null;
}

/** What a row computation needs about each query key, worked out once per query. */
interface QueryKeyTraits {
  readonly masks: Int32Array;
  readonly groups: Int32Array;
  readonly feminine: Uint8Array;
  /** Key i's distinct letter slots and their counts are at `letterStart[i]` to `[i + 1]`. */
  readonly letterStart: Int32Array;
  readonly letterSlots: Int32Array;
  readonly letterCounts: Int32Array;
}

function queryKeyTraits(keys: readonly string[]): QueryKeyTraits {
  const letterStart = new Int32Array(keys.length + 1);
  const slots: number[] = [];
  const counts: number[] = [];
  const count = new Int32Array(LETTER_SLOTS);
  keys.forEach((key, i) => {
    letterStart[i] = slots.length;
    count.fill(0);
    for (let c = 0; c < key.length; c++) count[letterSlot(key.charCodeAt(c))]!++;
    for (let slot = 0; slot < LETTER_SLOTS; slot++) {
      if (count[slot]! === 0) continue;
      slots.push(slot);
      counts.push(count[slot]!);
    }
  });
  letterStart[keys.length] = slots.length;
  return {
    masks: Int32Array.from(keys, letterMask),
    groups: Int32Array.from(keys, givenNameGroup),
    feminine: Uint8Array.from(keys, (key) => (mayBeFeminine(key) ? 1 : 0)),
    letterStart,
    letterSlots: Int32Array.from(slots),
    letterCounts: Int32Array.from(counts),
  };
}

/** Letter counts of the candidate key whose row is being computed (cleared after each row). */
const candidateCounts = new Int32Array(LETTER_SLOTS);

/** Owner numbers of the shared slab (below), never reused. */
let lastOwner = 0;

/**
 * What a row needs about a vocabulary key besides its text, worked out the first time any query
 * meets the key and kept: with these the row loop settles most pairs without reading the key's
 * characters at all. Per id: state, letter mask, given-name group.
 */
let keyTraits = new Int32Array(0);
const TRAIT_STRIDE = 4;
/** State 0: not worked out yet; KNOWN: worked out; KNOWN | FEMININE: may be a feminine form. */
const KNOWN = 1;
const FEMININE = 2;

/** Makes room in the per-key traits for every id of the vocabulary. */
function ensureKeyTraits(size: number): void {
  if (keyTraits.length >= size * TRAIT_STRIDE) return;
  const traits = new Int32Array(
    Math.max(size, keyTraits.length / TRAIT_STRIDE, 1024) * TRAIT_STRIDE,
  );
  traits.set(keyTraits);
  keyTraits = traits;
}

/** Slots of a cache's first row table (a power of two; it doubles when half full). */
const ROW_TABLE_SLOTS = 1024;
/** Knuth's multiplicative hash constant, for spreading key ids over the row table. */
const HASH_MULTIPLIER = 0x9e3779b1;

/**
 * The rows of every cache live in one slab, owned by the cache that computed a row last: a cache
 * that finds it taken over takes it back under a new owner number, which invalidates all its
 * rows at once (they are recomputed as needed). Queries are scored one after another, so in
 * practice each query's cache takes the slab over once, and scoring allocates no slab per query.
 */
let sharedSlab = new Float64Array(4096);
let slabOwner = 0;
let slabUsed = 0;

/**
 * Per-query memo of key similarities. The query's distinct keys get small indices; each candidate
 * key seen is compared with all of them at once and the row is kept, so filling an alignment
 * matrix costs one array lookup per candidate token instead of one per token pair. Common given
 * names and surnames come back candidate after candidate.
 */
export class KeySimilarityCache {
  private readonly queryKeys: string[] = [];
  private readonly indexOfKey = new Map<string, number>();
  /** This cache's tenure of the shared slab (-1: none yet). */
  private owner = -1;
  /**
   * Where this cache's rows are, by spelling key id: an open-addressing table (`rowIds[slot]` is
   * the key id + 1, 0 for an empty slot; `rowOffsets[slot]` the row's offset in the slab). A
   * query meets a few hundred keys: a table of its own stays in the CPU's nearest cache, where a
   * table over the whole vocabulary (one slot per key id, as before) was read from far memory
   * once per candidate token.
   */
  private rowIds = new Int32Array(ROW_TABLE_SLOTS);
  private rowOffsets = new Int32Array(ROW_TABLE_SLOTS);
  private rowCount = 0;
  private rowsStarted = false;
  private traits: QueryKeyTraits | null = null;

  constructor(readonly config: TokenSimilarityConfig) {}

  /** Number of registered query keys; a row's last slot (this index) holds its maximum. */
  get width(): number {
    return this.queryKeys.length;
  }

  /** Index of a query key (registered before any row is computed). */
  register(queryKey: string): number {
    let index = this.indexOfKey.get(queryKey);
    if (index === undefined) {
      if (this.rowsStarted) throw new Error('register all query keys before scoring');
      index = this.queryKeys.length;
      this.queryKeys.push(queryKey);
      this.indexOfKey.set(queryKey, index);
    }
    return index;
  }

  /**
   * Offset in `data` of the similarities of one candidate key (by its `SPELLING_KEYS` id) with
   * every registered query key (`width` values, then their maximum).
   */
  rowOffsetOfId(keyId: number): number {
    const mask = this.rowIds.length - 1;
    let slot = Math.imul(keyId, HASH_MULTIPLIER) >>> 0;
    slot &= mask;
    if (slabOwner === this.owner) {
      for (;;) {
        const id = this.rowIds[slot]!;
        if (id === keyId + 1) return this.rowOffsets[slot]!;
        if (id === 0) break;
        slot = (slot + 1) & mask;
      }
    }
    this.holdSlab();
    ensureKeyTraits(SPELLING_KEYS.size);
    const key = SPELLING_KEYS.text(keyId);
    const traits = keyId * TRAIT_STRIDE;
    if (keyTraits[traits] === 0) {
      keyTraits[traits] = KNOWN | (mayBeFeminine(key) ? FEMININE : 0);
      keyTraits[traits + 1] = letterMask(key);
      keyTraits[traits + 2] = givenNameGroup(key);
    }
    const offset = this.computeRow(
      key,
      keyTraits[traits + 1]!,
      keyTraits[traits + 2]!,
      (keyTraits[traits]! & FEMININE) !== 0,
    );
    this.remember(keyId, offset);
    return offset;
  }

  /** Files a row's offset under its key id (the key is not in the table). */
  private remember(keyId: number, offset: number): void {
    if ((this.rowCount + 1) * 2 > this.rowIds.length) this.growTable();
    const mask = this.rowIds.length - 1;
    let slot = (Math.imul(keyId, HASH_MULTIPLIER) >>> 0) & mask;
    while (this.rowIds[slot] !== 0) slot = (slot + 1) & mask;
    this.rowIds[slot] = keyId + 1;
    this.rowOffsets[slot] = offset;
    this.rowCount++;
  }

  private growTable(): void {
    const ids = this.rowIds;
    const offsets = this.rowOffsets;
    this.rowIds = new Int32Array(ids.length * 2);
    this.rowOffsets = new Int32Array(ids.length * 2);
    this.rowCount = 0;
    for (let slot = 0; slot < ids.length; slot++) {
      if (ids[slot] !== 0) this.remember(ids[slot]! - 1, offsets[slot]!);
    }
  }

  /** Takes the shared slab over unless this cache holds it; its old rows are then void. */
  private holdSlab(): void {
    if (slabOwner === this.owner) return;
    this.owner = ++lastOwner;
    slabOwner = this.owner;
    slabUsed = 0;
    this.rowIds.fill(0);
    this.rowCount = 0;
  }

  /**
   * Rows live in one growing slab rather than an array per key: the scoring loop creates
   * thousands of rows per query and should not feed the GC. The caller holds the slab.
   */
  private computeRow(candidateKey: string, mask: number, group: number, feminine: boolean): number {
    const keys = this.queryKeys;
    const config = this.config;
    const size = keys.length + 1;
    this.rowsStarted = true;
    if (slabUsed + size > sharedSlab.length) {
      const larger = new Float64Array(Math.max(sharedSlab.length * 2, slabUsed + size));
      larger.set(sharedSlab.subarray(0, slabUsed));
      sharedSlab = larger;
    }
    const offset = slabUsed;
    slabUsed += size;
    if (this.traits === null) this.traits = queryKeyTraits(keys);
    const traits = this.traits;
    let lettersCounted = false;
    const slab = sharedSlab;
    let max = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const equivalent = group >= 0 && traits.groups[i] === group;
      const checkFeminine = feminine || traits.feminine[i] === 1;
      let sim: number;
      // Masks first: equal keys have equal masks, so keys this far apart are never equal, and
      // the test needs no character of either key.
      if (lettersTooDifferent(traits.masks[i]!, mask)) {
        // Keys this far apart can only be known forms of one name (given-name forms, feminine
        // surnames).
        sim =
          (checkFeminine && sameFeminineSurname(key, candidateKey)) || equivalent
            ? config.equivalentSimilarity
            : 0;
      } else if (key === candidateKey) {
        sim = 1;
      } else {
        if (!lettersCounted) {
          for (let c = 0; c < candidateKey.length; c++) {
            candidateCounts[letterSlot(candidateKey.charCodeAt(c))]!++;
          }
          lettersCounted = true;
        }
        const shared = sharedLetters(
          traits.letterSlots,
          traits.letterCounts,
          traits.letterStart[i]!,
          traits.letterStart[i + 1]!,
          candidateCounts,
        );
        sim = fuzzySimilarity(key, candidateKey, config, equivalent, checkFeminine, shared);
      }
      slab[offset + i] = sim;
      if (sim > max) max = sim;
    }
    slab[offset + keys.length] = max;
    if (lettersCounted) {
      for (let c = 0; c < candidateKey.length; c++) {
        candidateCounts[letterSlot(candidateKey.charCodeAt(c))] = 0;
      }
    }
    return offset;
  }

  /** The slab the offsets point into; read it after fetching offsets (it may grow). */
  get data(): Float64Array {
    return sharedSlab;
  }
}
