/**
 * In-memory candidate index. Every name variant of every entity is filed under its token keys
 * (spelling key, phonetic skeleton, trigrams), and every identifier under its normalised number.
 * A query looks its keys up rarest first, adds an IDF weight per hit to an accumulator per entity,
 * and hands the top few hundred entities to the full scorer: the scorer never sees most of the
 * list.
 */
import type { Entity } from '../../model/entity.js';
import { MATCHABLE_SCHEMATA, SCHEMA_NAMES } from '../../model/schemata.js';
import { prepareEntity } from '../prepare.js';
import type { PreparedRecord } from '../types.js';
import { forEachIdentifierKey, forEachKey, KEY_TRIGRAM, type KeyKind } from './index-keys.js';

export interface CandidateOptions {
  /** How many candidates to return at most (the scorer's work per query). */
  readonly limit?: number;
  /**
   * Candidates sharing less than this share of the best candidate's name-key weight are not
   * returned (default `MIN_KEY_SHARE`; 0 returns the whole window).
   */
  readonly minKeyShare?: number;
}

export interface Candidate {
  readonly record: PreparedRecord;
  /** Accumulated key weight: only orders candidates, not a match score. */
  readonly keyScore: number;
}

export const DEFAULT_CANDIDATES = 100;

/**
 * A candidate whose names share less than this share of the best candidate's key weight is left
 * out: it shares a common given name or a trigram or two where the best shares the surname too,
 * and it never scores near a match. On the development set, against the reduced EU list, every
 * expected entity that was matched had at least 0.41 of the best key weight; 0.3 leaves a margin
 * below that and still halves the candidates the scorer sees (80 → 46 per query, dev recall and
 * false-positive rate unchanged).
 */
export const MIN_KEY_SHARE = 0.3;

/**
 * Posting lists longer than this share of the index are skipped at query time (a trigram such as
 * `ova` says nothing), unless the query has nothing rarer.
 */
const COMMON_KEY_SHARE = 0.05;
const COMMON_KEY_MIN = 2000;

/**
 * What a shared identifier adds to an entity's key score: more than any name can (a query token
 * adds at most log(1 + entities), about 12 for a million), so an entity sharing a document number
 * with the query is always in the window. `identifier_match` is a main feature: the entity must
 * be scored whatever its names say, and a query may give no name at all.
 */
const IDENTIFIER_WEIGHT = 1_000_000;

interface PendingKey {
  readonly postings: Int32Array;
  readonly weight: number;
  /** Which query token (name × token position) the key stands for. */
  readonly slot: number;
  readonly trigram: boolean;
}

export class MatchIndex {
  readonly records: PreparedRecord[] = [];
  private readonly building = new Map<string, number[]>();
  private postings = new Map<string, Int32Array>();
  private frozen = false;
  // Accumulators reused across queries; sized at freeze().
  private scores = new Float64Array(0);
  private touched = new Int32Array(0);
  private schemaCodes = new Uint8Array(0);
  // Per entity: the last slot (generation) that credited it, so a token counts once per entity.
  private marks = new Int32Array(0);
  private generation = 0;

  /** Builds an index from entities (each prepared once). */
  static build(entities: Iterable<Entity>): MatchIndex {
    const index = new MatchIndex();
    for (const entity of entities) index.add(entity);
    index.freeze();
    return index;
  }

  /** Builds an index from records already prepared (e.g. by a worker or a cache). */
  static fromRecords(records: Iterable<PreparedRecord>): MatchIndex {
    const index = new MatchIndex();
    for (const record of records) index.addRecord(record);
    index.freeze();
    return index;
  }

  get size(): number {
    return this.records.length;
  }

  get keyCount(): number {
    return this.frozen ? this.postings.size : this.building.size;
  }

  add(entity: Entity): PreparedRecord {
    const record = prepareEntity(entity);
    this.addRecord(record);
    return record;
  }

  addRecord(record: PreparedRecord): void {
    if (this.frozen) throw new Error('MatchIndex is frozen; build a new one to add entities');
    const id = this.records.length;
    this.records.push(record);
    const seen = new Set<string>();
    const file = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      let list = this.building.get(key);
      if (list === undefined) {
        list = [];
        this.building.set(key, list);
      }
      list.push(id);
    };
    for (const name of record.names) {
      for (const variant of name.variants) forEachKey(variant, file);
    }
    forEachIdentifierKey(record, file);
  }

  /** Turns posting lists into typed arrays; no more additions after this. */
  freeze(): void {
    if (this.frozen) return;
    const postings = new Map<string, Int32Array>();
    for (const [key, list] of this.building) postings.set(key, Int32Array.from(list));
    this.building.clear();
    this.postings = postings;
    this.scores = new Float64Array(this.records.length);
    this.touched = new Int32Array(this.records.length);
    this.marks = new Int32Array(this.records.length);
    this.schemaCodes = Uint8Array.from(this.records, (record) =>
      SCHEMA_NAMES.indexOf(record.schema),
    );
    this.frozen = true;
  }

  /**
   * The entities most likely to match `query`, best first, restricted to the schemata the query's
   * schema may match. Entities sharing an identifier with the query come first, then the others
   * by shared name keys. Rare keys are looked up first; very common keys are skipped once rarer
   * ones have produced candidates.
   */
  candidates(query: PreparedRecord, options: CandidateOptions = {}): Candidate[] {
    if (!this.frozen) this.freeze();
    const limit = options.limit ?? DEFAULT_CANDIDATES;
    const minKeyShare = options.minKeyShare ?? MIN_KEY_SHARE;
    const total = this.records.length;
    if (total === 0) return [];

    // Collect the query's keys once. Each key belongs to a *slot*: one token of one query name
    // (all romanisations of that token share it). A token's trigrams are only looked up when its
    // spelling key is unknown to the index (a typo, an unseen ending): known tokens are found
    // through their key, and trigram lists are long.
    const pending = new Map<string, PendingKey>();
    query.names.forEach((name, nameIndex) => {
      for (const variant of name.variants) {
        forEachKey(variant, (key: string, kind: KeyKind, token: number, parts: number) => {
          if (pending.has(key)) return;
          const trigram = kind === KEY_TRIGRAM;
          if (trigram && this.postings.has(`k:${variant.keys[token]}`)) return;
          const postings = this.postings.get(key);
          if (postings === undefined) return;
          const idf = Math.log(1 + total / postings.length);
          // A token's trigrams together weigh about as much as its spelling key.
          const weight = trigram ? idf / parts : idf;
          pending.set(key, { postings, weight, slot: nameIndex * 64 + token, trigram });
        });
      }
    });
    // Slot by slot; within a slot, whole-token keys first, heaviest (rarest) first.
    const keys = [...pending.values()].sort(
      (a, b) => a.slot - b.slot || Number(a.trigram) - Number(b.trigram) || b.weight - a.weight,
    );

    const scores = this.scores;
    const touched = this.touched;
    const marks = this.marks;
    let touchedCount = 0;
    const commonLimit = Math.max(COMMON_KEY_MIN, total * COMMON_KEY_SHARE);
    // Very common keys are skipped once rarer ones have found candidates: run the rare ones first.
    let anyRare = false;
    for (const key of keys) if (key.postings.length <= commonLimit) anyRare = true;
    let slot = -1;
    for (const { postings, weight, slot: keySlot, trigram } of keys) {
      if (anyRare && postings.length > commonLimit) continue;
      if (keySlot !== slot) {
        slot = keySlot;
        this.generation = this.generation >= 0x3fffffff ? 1 : this.generation + 1;
        if (this.generation === 1) marks.fill(0);
      }
      const generation = this.generation;
      for (let i = 0; i < postings.length; i++) {
        const id = postings[i]!;
        if (trigram) {
          // Trigrams add up: more shared trigrams, closer spelling.
          if (scores[id] === 0) touched[touchedCount++] = id;
          scores[id]! += weight;
        } else if (marks[id] !== generation) {
          // A token counts once per entity, through its best key: an entity that matches two
          // query tokens beats one that matches one token under several keys.
          marks[id] = generation;
          if (scores[id] === 0) touched[touchedCount++] = id;
          scores[id]! += weight;
        }
      }
    }

    let allowedMask = 0;
    for (const schema of MATCHABLE_SCHEMATA[query.schema])
      allowedMask |= 1 << SCHEMA_NAMES.indexOf(schema);
    // The cut is taken on name keys alone, before identifiers add their weight: an entity that
    // shares a document number is always kept, and must not push every name-only one out.
    const schemaCodes = this.schemaCodes;
    let bestNameScore = 0;
    for (let k = 0; k < touchedCount; k++) {
      const id = touched[k]!;
      if (scores[id]! > bestNameScore && ((1 << schemaCodes[id]!) & allowedMask) !== 0) {
        bestNameScore = scores[id]!;
      }
    }

    // The query's identifiers (already distinct), each credited once per entity that carries it.
    forEachIdentifierKey(query, (key) => {
      const postings = this.postings.get(key);
      if (postings === undefined) return;
      for (let i = 0; i < postings.length; i++) {
        const id = postings[i]!;
        if (scores[id] === 0) touched[touchedCount++] = id;
        scores[id]! += IDENTIFIER_WEIGHT;
      }
    });

    const picked = selectTop(
      this.records,
      schemaCodes,
      scores,
      touched,
      touchedCount,
      limit,
      allowedMask,
      minKeyShare * bestNameScore,
    );
    for (let i = 0; i < touchedCount; i++) scores[touched[i]!] = 0;
    return picked;
  }
}

/**
 * Top `limit` touched entries scoring at least `minScore`, by score (ties: lower id first), with
 * a binary min-heap kept in a typed array; no closures or allocation per touched entry.
 */
function selectTop(
  records: readonly PreparedRecord[],
  schemaCodes: Uint8Array,
  scores: Float64Array,
  touched: Int32Array,
  count: number,
  limit: number,
  allowedMask: number,
  minScore: number,
): Candidate[] {
  const heap = new Int32Array(Math.max(1, limit));
  let size = 0;
  // a ranks below b: lower score, or same score and higher id.
  const below = (a: number, b: number): boolean => {
    const sa = scores[a]!;
    const sb = scores[b]!;
    return sa < sb || (sa === sb && a > b);
  };
  for (let k = 0; k < count; k++) {
    const id = touched[k]!;
    if (scores[id]! < minScore || ((1 << schemaCodes[id]!) & allowedMask) === 0) continue;
    if (size < limit) {
      let i = size++;
      heap[i] = id;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!below(heap[i]!, heap[parent]!)) break;
        const t = heap[i]!;
        heap[i] = heap[parent]!;
        heap[parent] = t;
        i = parent;
      }
    } else if (below(heap[0]!, id)) {
      heap[0] = id;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < size && below(heap[l]!, heap[smallest]!)) smallest = l;
        if (r < size && below(heap[r]!, heap[smallest]!)) smallest = r;
        if (smallest === i) break;
        const t = heap[i]!;
        heap[i] = heap[smallest]!;
        heap[smallest] = t;
        i = smallest;
      }
    }
  }
  const ids = Array.from(heap.subarray(0, size));
  ids.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return ids.map((id) => ({ record: records[id]!, keyScore: scores[id]! }));
}
