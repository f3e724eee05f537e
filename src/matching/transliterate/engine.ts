/**
 * Compiles a `SchemeTable` into Maps once and applies it to one lowercase word. The hot path is a
 * single left-to-right scan with Map lookups; no regular expressions run per rule.
 */
import anyAscii from 'any-ascii';
import { CYRILLIC_EXTRAS } from './cyrillic-extras.js';
import type { CyrillicLanguage, LetterMap, SchemeTable, TableCore } from './types.js';

/** Letters after which е ё ю я are iotated, and which make `betweenVowels` fire. */
const VOWELS = new Set('аеёиоуыэюяіїєaeiouy'.split(''));
/** Signs after which vowels are iotated (Russian ь ъ, й in BGN, the apostrophe of be/uk). */
const SIGNS = new Set(['ь', 'ъ', 'й']);
const APOSTROPHES = new Set(["'", '’', 'ʼ']);

enum Prev {
  Start = 0,
  Vowel = 1,
  Sign = 2,
  Consonant = 3,
}

export interface CompiledScheme {
  readonly id: string;
  readonly letters: ReadonlyMap<string, string>;
  readonly iotated: ReadonlyMap<string, string>;
  readonly initial: ReadonlyMap<string, string>;
  readonly afterVowel: ReadonlyMap<string, string>;
  readonly afterConsonant: ReadonlyMap<string, string>;
  readonly betweenVowels: ReadonlyMap<string, string>;
  readonly sequences: ReadonlyMap<string, string>;
  /** First letters of `sequences`, so most positions skip the substring lookups. */
  readonly sequenceStarts: ReadonlySet<string>;
  readonly sequenceMax: number;
  readonly finals: ReadonlyMap<string, string>;
  readonly finalMax: number;
}

function toMap(...layers: (LetterMap | undefined)[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) map.set(key, value);
  }
  return map;
}

function maxKeyLength(map: ReadonlyMap<string, string>): number {
  let max = 0;
  for (const key of map.keys()) max = Math.max(max, key.length);
  return max;
}

export function compileScheme(table: SchemeTable, language?: CyrillicLanguage): CompiledScheme {
  const over: TableCore = (language && table.byLanguage?.[language]) || {};
  // A language override of a letter must also beat the base table's context entries for it:
  // Ukrainian `и` → `y` must not be undone by a base `afterConsonant` rule for `и`.
  const overridden = new Set(Object.keys(over.letters ?? {}));
  const without = (map: LetterMap | undefined): LetterMap | undefined => {
    if (!map || overridden.size === 0) return map;
    return Object.fromEntries(Object.entries(map).filter(([key]) => !overridden.has(key)));
  };
  const sequences = toMap(without(table.sequences), over.sequences);
  const finals = toMap(without(table.finals), over.finals);
  return {
    id: language ? `${table.id}/${language}` : table.id,
    letters: toMap(table.letters, over.letters),
    iotated: toMap(without(table.iotated), over.iotated),
    initial: toMap(without(table.initial), over.initial),
    afterVowel: toMap(without(table.afterVowel), over.afterVowel),
    afterConsonant: toMap(without(table.afterConsonant), over.afterConsonant),
    betweenVowels: toMap(without(table.betweenVowels), over.betweenVowels),
    sequences,
    sequenceStarts: new Set([...sequences.keys()].map((key) => key[0] ?? '')),
    sequenceMax: maxKeyLength(sequences),
    finals,
    finalMax: maxKeyLength(finals),
  };
}

function classify(char: string): Prev {
  if (VOWELS.has(char)) return Prev.Vowel;
  if (SIGNS.has(char)) return Prev.Sign;
  return Prev.Consonant;
}

const fallbackCache = new Map<string, string>();

/** A letter no table knows: the shared extras (Kazakh, Tajik, ...), then any-ascii, memoised. */
function fallback(char: string): string {
  const extra = CYRILLIC_EXTRAS[char];
  if (extra !== undefined) return extra;
  const code = char.charCodeAt(0);
  // Only Cyrillic is ours to romanise: Latin letters in a mixed text pass through unchanged.
  if (code < 0x400 || code > 0x52f) return char;
  let out = fallbackCache.get(char);
  if (out === undefined) {
    out = anyAscii(char).toLowerCase();
    fallbackCache.set(char, out);
  }
  return out;
}

/** Romanises one lowercase word (or any lowercase text: non-Cyrillic characters pass through). */
export function applyScheme(word: string, scheme: CompiledScheme): string {
  let out = '';
  let prev = Prev.Start;
  const n = word.length;
  let i = 0;
  while (i < n) {
    const char = word[i] as string;
    // Word boundaries inside free text reset the context.
    // Apostrophes (Belarusian/Ukrainian separation sign) write nothing but iotate what follows.
    if (APOSTROPHES.has(char)) {
      prev = Prev.Sign;
      i++;
      continue;
    }
    if (char === ' ' || char === '-') {
      out += char;
      prev = Prev.Start;
      i++;
      continue;
    }
    if (scheme.finalMax > 0 && n - i <= scheme.finalMax && n - i >= 2) {
      const rest = word.slice(i);
      const final = scheme.finals.get(rest);
      if (final !== undefined && (i === 0 || word[i - 1] !== ' ')) {
        out += final;
        i = n;
        break;
      }
    }
    if (scheme.sequenceStarts.has(char)) {
      let matched = false;
      for (let len = Math.min(scheme.sequenceMax, n - i); len >= 2; len--) {
        const seq = scheme.sequences.get(word.slice(i, i + len));
        if (seq !== undefined) {
          out += seq;
          prev = classify(word[i + len - 1] as string);
          i += len;
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    let mapped: string | undefined;
    if (prev === Prev.Start) mapped = scheme.initial.get(char) ?? scheme.iotated.get(char);
    else if (prev === Prev.Vowel) mapped = scheme.afterVowel.get(char) ?? scheme.iotated.get(char);
    else if (prev === Prev.Sign) mapped = scheme.iotated.get(char);
    else mapped = scheme.afterConsonant.get(char);
    if (mapped === undefined && prev === Prev.Vowel && i + 1 < n) {
      if (VOWELS.has(word[i + 1] as string)) mapped = scheme.betweenVowels.get(char);
    }
    if (mapped === undefined) mapped = scheme.letters.get(char) ?? fallback(char);
    out += mapped;
    prev = classify(char);
    i++;
  }
  return out;
}
