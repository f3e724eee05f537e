import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { prepareName } from '../prepare.js';
import {
  KeySimilarityCache,
  keySimilarity,
  letterMask,
  type TokenSimilarityConfig,
  tokenSimilarityConfig,
} from './token-similarity.js';
import { SPELLING_KEYS } from './vocabulary.js';

/** Spelling keys of the real names of nomenklatura's name_bench, as list records file them. */
function benchKeys(): string[] {
  const rows: Record<string, string>[] = parse(
    readFileSync(sharedData('lists', 'pairs', 'nomenklatura', 'name_bench_cases.csv')),
    { columns: true, bom: true, skip_empty_lines: true },
  );
  const keys = new Set<string>();
  for (const row of rows) {
    for (const raw of [row.name1!, row.name2!]) {
      for (const variant of prepareName(raw)?.variants ?? []) {
        for (const key of variant.keys) keys.add(key);
      }
    }
  }
  return [...keys].sort();
}

const KEYS = benchKeys();
for (const key of KEYS) SPELLING_KEYS.intern(key);

function bits(mask: number): number {
  let count = 0;
  for (let v = mask; v !== 0; v &= v - 1) count++;
  return count;
}

/** The row rule: keys sharing under half of their letters are compared as known forms only. */
function lettersTooDifferent(a: string, b: string): boolean {
  const shared = bits(letterMask(a) & letterMask(b));
  return shared * 2 < Math.max(bits(letterMask(a)), bits(letterMask(b)));
}

function rowValue(cache: KeySimilarityCache, queryKey: string, candidateKey: string): number {
  const offset = cache.rowOffsetOfId(SPELLING_KEYS.lookup(candidateKey));
  return cache.data[offset + cache.register(queryKey)]!;
}

function queryKeys(group: number): string[] {
  return [0, 1, 2, 3].map((k) => KEYS[(group * 37 + k * 401) % KEYS.length]!);
}

function cacheFor(keys: readonly string[], config: TokenSimilarityConfig): KeySimilarityCache {
  const cache = new KeySimilarityCache(config);
  for (const key of keys) cache.register(key);
  return cache;
}

describe('KeySimilarityCache rows', () => {
  it.each([
    ['the default config', {}],
    ['a low minimum', { min_token_similarity: 0.5 }],
    ['no minimum', { min_token_similarity: 0 }],
    ['a strict minimum and short fuzzy tokens', { min_token_similarity: 0.9, fuzzy_min_length: 2 }],
  ])(
    'equal keySimilarity on real names with %s (the letter bound skips only hopeless pairs)',
    (_label, overrides) => {
      const config = tokenSimilarityConfig({ fuzzy_penalty: 2.5, ...overrides });
      const wrong: string[] = [];
      let compared = 0;
      let similar = 0;
      for (let group = 0; group < 30; group++) {
        const keys = queryKeys(group);
        const cache = cacheFor(keys, config);
        for (let c = group % 2; c < KEYS.length; c += 2) {
          const candidate = KEYS[c]!;
          for (const key of keys) {
            const row = rowValue(cache, key, candidate);
            const expected = lettersTooDifferent(key, candidate)
              ? [0, config.equivalentSimilarity]
              : [keySimilarity(key, candidate, config)];
            if (!expected.includes(row)) wrong.push(`${key} / ${candidate}: ${row}`);
            if (expected.length === 1) compared++;
            if (row > 0 && row < 1) similar++;
          }
        }
      }
      expect(wrong).toEqual([]);
      // The comparison covered fuzzy matches, not only zeros and identities.
      expect(compared).toBeGreaterThan(10_000);
      expect(similar).toBeGreaterThan(5);
    },
  );

  it('keeps each cache right when several are used in turn', () => {
    const config = tokenSimilarityConfig({});
    const keysOf = (...names: string[]) => [
      ...new Set(names.flatMap((raw) => prepareName(raw)!.variants.flatMap((v) => v.keys))),
    ];
    // Query key sets of different sizes and fuzzy candidates, so that rows differ in width
    // and content: a row read from the wrong place shows.
    const first = keysOf('Aliaksandr Ryhoravich Lukashenka');
    const second = keysOf('Viktor Yanukovych');
    const firstCandidates = keysOf('Lukashevich Aleksei Grigorenko', 'Oleksandr Rygorovich');
    const secondCandidates = keysOf('Yanukovich Viktoria', 'Viktorov Yanuk');
    for (const key of [...firstCandidates, ...secondCandidates]) SPELLING_KEYS.intern(key);
    const rows = (cache: KeySimilarityCache, keys: string[], candidates: string[]) =>
      candidates.flatMap((candidate) => keys.map((key) => rowValue(cache, key, candidate)));
    const a = cacheFor(first, config);
    const b = cacheFor(second, config);
    const before = rows(a, first, firstCandidates);
    // b takes the rows' storage over and fills it with its own rows; a must not read those.
    rows(b, second, secondCandidates);
    const after = rows(a, first, firstCandidates);
    expect(after).toEqual(before);
    expect(after).toEqual(rows(cacheFor(first, config), first, firstCandidates));
    expect(before.filter((value) => value > 0).length).toBeGreaterThan(1);
  });

  it('finds every row again after its table has grown', () => {
    const keys = queryKeys(3);
    const cache = cacheFor(keys, tokenSimilarityConfig({}));
    const first = KEYS.map((candidate) => rowValue(cache, keys[0]!, candidate));
    const offsets = KEYS.map((candidate) => cache.rowOffsetOfId(SPELLING_KEYS.lookup(candidate)));
    // More keys than two doublings of the first table (1,024 slots, grown when half full).
    expect(new Set(KEYS).size).toBeGreaterThan(1_024);
    expect(new Set(offsets).size).toBe(new Set(KEYS).size);
    expect(KEYS.map((candidate) => rowValue(cache, keys[0]!, candidate))).toEqual(first);
  });

  it('refuses a query key registered after rows were computed', () => {
    const cache = cacheFor(['lukasenko'], tokenSimilarityConfig({}));
    rowValue(cache, 'lukasenko', KEYS[0]!);
    expect(() => cache.register('alaksandr')).toThrow(/before scoring/u);
  });
});
