/**
 * A small phrase matcher over tokens, shared by legal forms and titles. Phrases are compiled once
 * into a Map keyed by their first token; matching is by "match form" (lowercase, Latin diacritics
 * folded, ё read as е), so `Spółka`, `spolka` and `SPÓŁKA` are one phrase token.
 */
import { foldLatin } from '../transliterate/index.js';
import { tokenize } from './tokenize.js';

const formCache = new Map<string, string>();

/** Lowercase comparison form of one token. */
export function matchForm(token: string): string {
  let form = formCache.get(token);
  if (form !== undefined) return form;
  form = '';
  for (const char of token.toLowerCase()) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) form += char;
    else if (code <= 0x24f || (code >= 0x1e00 && code <= 0x1eff)) form += foldLatin(char);
    else if ((code >= 0x370 && code <= 0x3ff) || (code >= 0x1f00 && code <= 0x1fff)) {
      // Greek tonos: ανώνυμη = ανωνυμη.
      form += char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    } else if (char === 'ё') form += 'е';
    else form += char;
  }
  if (formCache.size > 50_000) formCache.clear();
  formCache.set(token, form);
  return form;
}

export interface Phrase<T> {
  readonly tokens: readonly string[];
  readonly value: T;
  /** Short abbreviations (`AO`, `SA`, `Co`) only count at the start or end of a name. */
  readonly edgeOnly: boolean;
}

export type PhraseIndex<T> = ReadonlyMap<string, readonly Phrase<T>[]>;

export function compilePhrases<T>(entries: readonly (readonly [string, T])[]): PhraseIndex<T> {
  const index = new Map<string, Phrase<T>[]>();
  for (const [text, value] of entries) {
    const tokens = tokenize(text).map((token) => matchForm(token.text));
    const first = tokens[0];
    if (first === undefined) continue;
    const edgeOnly = tokens.length === 1 && [...first].length <= 2;
    const list = index.get(first) ?? [];
    list.push({ tokens, value, edgeOnly });
    index.set(first, list);
  }
  // Longest phrase first, so "open joint stock company" beats "joint stock company".
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

/** The longest phrase starting at `start`, or undefined. */
export function phraseAt<T>(
  forms: readonly string[],
  start: number,
  index: PhraseIndex<T>,
): Phrase<T> | undefined {
  const candidates = index.get(forms[start] ?? '');
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    if (start + phrase.tokens.length > forms.length) continue;
    let ok = true;
    for (let k = 1; k < phrase.tokens.length; k++) {
      if (forms[start + k] !== phrase.tokens[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return phrase;
  }
  return undefined;
}
