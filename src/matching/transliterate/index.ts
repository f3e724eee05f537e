/**
 * Romanisation of Cyrillic names under the systems real documents use. `transliterate` applies one
 * scheme faithfully (diacritics kept); `romanize` gives the ASCII spellings of every plausible
 * source language and scheme, which is what a matcher compares against Latin list names.
 */
import { BE_LACINKA } from './be-lacinka.js';
import { BE_NATIONAL } from './be-national.js';
import { BG_OFFICIAL } from './bg-official.js';
import { applyScheme, type CompiledScheme, compileScheme } from './engine.js';
import { digraphLatin, foldLatin } from './latin-fold.js';
import { russianForm } from './name-forms.js';
import { PRESS_CZECH } from './press-czech.js';
import { PRESS_ENGLISH } from './press-english.js';
import { PRESS_FRENCH } from './press-french.js';
import { PRESS_GERMAN } from './press-german.js';
import { PRESS_LATVIAN } from './press-latvian.js';
import { PRESS_LITHUANIAN } from './press-lithuanian.js';
import { PRESS_POLISH } from './press-polish.js';
import { PRESS_SWEDISH } from './press-swedish.js';
import { RU_BGN } from './ru-bgn.js';
import { RU_GOST } from './ru-gost.js';
import { RU_ICAO } from './ru-icao.js';
import { SR_LATIN } from './sr-latin.js';
import type { CyrillicLanguage, SchemeId, SchemeTable } from './types.js';
import { UK_NATIONAL } from './uk-national.js';

export { digraphLatin, foldLatin, hasDigraphLetters } from './latin-fold.js';
export type { CyrillicLanguage, SchemeId, SchemeTable } from './types.js';

export const SCHEMES: Readonly<Record<SchemeId, SchemeTable>> = {
  'ru-icao': RU_ICAO,
  'ru-bgn': RU_BGN,
  'ru-gost': RU_GOST,
  'be-national': BE_NATIONAL,
  'be-lacinka': BE_LACINKA,
  'uk-national': UK_NATIONAL,
  'bg-official': BG_OFFICIAL,
  'sr-latin': SR_LATIN,
  'press-english': PRESS_ENGLISH,
  'press-german': PRESS_GERMAN,
  'press-french': PRESS_FRENCH,
  'press-polish': PRESS_POLISH,
  'press-swedish': PRESS_SWEDISH,
  'press-czech': PRESS_CZECH,
  'press-lithuanian': PRESS_LITHUANIAN,
  'press-latvian': PRESS_LATVIAN,
};

/** One romanisation to produce: a scheme read with one language's letter values. */
interface PlanItem {
  readonly scheme: SchemeId;
  readonly language: CyrillicLanguage;
  /** Also emit the digraph reading of the scheme's diacritics (Serbian `ć` → ch). */
  readonly digraphs?: boolean;
  /** Romanise the Russian form of a Belarusian/Ukrainian name instead (see name-forms.ts). */
  readonly russify?: 'be' | 'uk';
}

const item = (scheme: SchemeId, language: CyrillicLanguage, digraphs = false): PlanItem => ({
  scheme,
  language,
  digraphs,
});
const russified = (scheme: SchemeId, from: 'be' | 'uk'): PlanItem => ({
  scheme,
  language: 'ru',
  russify: from,
});

/**
 * Which romanisations to produce per guessed source language, most common in documents first (the
 * analyser caps the list, so order is priority). Belarusians and Ukrainians also get the Russian
 * reading of their letters (`г` → g) and the romanised Russian form of their name: the EU lists
 * many of them under Russian-form spellings as well.
 */
export const PLANS: Readonly<Record<CyrillicLanguage, readonly PlanItem[]>> = {
  ru: [
    item('ru-icao', 'ru'),
    item('ru-bgn', 'ru'),
    item('press-english', 'ru'),
    item('press-swedish', 'ru'),
    item('press-german', 'ru'),
    item('press-polish', 'ru'),
    item('press-french', 'ru'),
    item('press-czech', 'ru'),
    item('press-lithuanian', 'ru'),
    item('ru-gost', 'ru'),
    item('press-latvian', 'ru'),
  ],
  be: [
    item('ru-icao', 'be'),
    item('be-national', 'be'),
    item('be-lacinka', 'be'),
    item('press-swedish', 'be'),
    russified('ru-icao', 'be'),
    russified('ru-bgn', 'be'),
    russified('press-swedish', 'be'),
    item('press-english', 'be'),
    item('press-polish', 'be'),
    item('press-german', 'be'),
    item('press-czech', 'be'),
    item('press-lithuanian', 'be'),
    russified('press-english', 'be'),
    russified('press-german', 'be'),
    item('ru-icao', 'ru'),
    item('ru-bgn', 'be'),
    item('press-french', 'be'),
    item('ru-gost', 'be'),
  ],
  uk: [
    item('uk-national', 'uk'),
    item('ru-icao', 'uk'),
    russified('ru-icao', 'uk'),
    russified('ru-bgn', 'uk'),
    russified('press-swedish', 'uk'),
    item('press-swedish', 'uk'),
    item('ru-bgn', 'uk'),
    item('press-english', 'uk'),
    item('press-german', 'uk'),
    item('press-polish', 'uk'),
    russified('press-english', 'uk'),
    russified('press-german', 'uk'),
    item('press-czech', 'uk'),
    item('ru-icao', 'ru'),
    item('press-french', 'uk'),
    item('press-lithuanian', 'uk'),
    item('ru-gost', 'uk'),
  ],
  bg: [
    item('bg-official', 'bg'),
    item('ru-icao', 'ru'),
    item('press-english', 'bg'),
    item('press-german', 'bg'),
    item('ru-gost', 'bg'),
    item('ru-bgn', 'ru'),
  ],
  sr: [
    item('sr-latin', 'sr'),
    item('sr-latin', 'sr', true),
    item('ru-icao', 'sr'),
    item('press-english', 'sr'),
  ],
};

const compiled = new Map<string, CompiledScheme>();

function getCompiled(scheme: SchemeId, language?: CyrillicLanguage): CompiledScheme {
  const key = language ? `${scheme}/${language}` : scheme;
  let found = compiled.get(key);
  if (!found) {
    found = compileScheme(SCHEMES[scheme], language);
    compiled.set(key, found);
  }
  return found;
}

function isUpper(char: string): boolean {
  return char !== char.toLowerCase();
}

/**
 * One scheme, faithfully (diacritics and apostrophes as the system writes them). Case is kept per
 * word: an upper-case word stays upper case, a capitalised one capitalised.
 */
export function transliterate(text: string, scheme: SchemeId, language?: CyrillicLanguage): string {
  const table = getCompiled(scheme, language ?? SCHEMES[scheme].languages[0]);
  return text.replace(/[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu, (word) => {
    const out = applyScheme(word.toLowerCase(), table);
    const first = word[0] ?? '';
    if (!isUpper(first) || out.length === 0) return out;
    const allUpper = word.length > 1 && word === word.toUpperCase();
    return allUpper ? out.toUpperCase() : (out[0] ?? '').toUpperCase() + out.slice(1);
  });
}

const CYRILLIC = /[\u0400-\u052f]/;

/**
 * The source languages a Cyrillic text may be in, from letters only one of them has. Belarusian
 * has ў and ы with і; Ukrainian ї є ґ and и with і; Bulgarian a hard sign inside words and no
 * ы э ё; Serbian and Macedonian their own letters. Plain letters read as Russian.
 */
export function guessLanguages(text: string): CyrillicLanguage[] {
  const lower = text.toLowerCase();
  let hasI = false;
  let hasY = false; // ы
  let hasE = false; // э
  let hasYo = false; // ё
  let hasIShort = false; // и
  let hardInside = false;
  for (let i = 0; i < lower.length; i++) {
    const char = lower[i] as string;
    switch (char) {
      case 'ђ':
      case 'ћ':
      case 'џ':
      case 'ј':
      case 'љ':
      case 'њ':
      case 'ѓ':
      case 'ќ':
      case 'ѕ':
        return ['sr'];
      case 'ў':
        return ['be'];
      case 'ї':
      case 'є':
      case 'ґ':
        return ['uk'];
      case 'і':
        hasI = true;
        break;
      case 'ы':
        hasY = true;
        break;
      case 'э':
        hasE = true;
        break;
      case 'ё':
        hasYo = true;
        break;
      case 'и':
        hasIShort = true;
        break;
      case 'ъ': {
        const next = lower[i + 1];
        if (next !== undefined && CYRILLIC.test(next)) hardInside = true;
        break;
      }
    }
  }
  if (hasI) {
    // Ukrainian has none of ы э ё; Belarusian has no и.
    if (hasY || hasE || hasYo) return ['be'];
    if (hasIShort) return ['uk'];
    return ['uk', 'be'];
  }
  if (hardInside && !hasY && !hasE && !hasYo) return ['bg', 'ru'];
  return ['ru'];
}

/** Lowercase ASCII letters and digits only: what is left of a romanised word for comparison. */
export function toAsciiWord(text: string): string {
  const folded = foldLatin(text.toLowerCase());
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) out += folded[i];
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
  }
  return out;
}

/**
 * The romanisations of lowercase tokens under every plan item of the given languages, each an
 * ASCII token array in token order, deduplicated, in plan priority. Non-Cyrillic tokens pass
 * through (folded).
 */
export function romanizeTokens(
  tokens: readonly string[],
  languages: readonly CyrillicLanguage[] = guessLanguages(tokens.join(' ')),
): string[][] {
  const plans = plansFor(languages);
  // Each token's readings under every plan item, memoised: given names and patronymics repeat
  // across a list, so most tokens are cache hits and a name costs a few Map lookups.
  const perToken = tokens.map((token) => tokenReadings(token, plans));
  const out: string[][] = [];
  const seen = new Set<string>();
  for (let p = 0; p < plans.plans.length; p++) {
    const variant = perToken.map((readings) => readings[p] as string);
    const key = variant.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(variant);
  }
  return out;
}

interface PlanSet {
  readonly id: string;
  readonly plans: readonly PlanItem[];
}

const planSets = new Map<string, PlanSet>();

function plansFor(languages: readonly CyrillicLanguage[]): PlanSet {
  const id = languages.join('+');
  let set = planSets.get(id);
  if (!set) {
    set = { id, plans: languages.flatMap((language) => PLANS[language]) };
    planSets.set(id, set);
  }
  return set;
}

const READINGS_LIMIT = 200_000;
const readingsCache = new Map<string, readonly string[]>();

function tokenReadings(token: string, plans: PlanSet): readonly string[] {
  const cacheKey = `${plans.id}\u0000${token}`;
  const cached = readingsCache.get(cacheKey);
  if (cached) return cached;
  const cyrillic = CYRILLIC.test(token);
  const russian: Partial<Record<'be' | 'uk', string>> = {};
  const readings = plans.plans.map((plan) => {
    if (!cyrillic) return toAsciiWord(token);
    let source = token;
    if (plan.russify) source = russian[plan.russify] ??= russianForm(token, plan.russify);
    const raw = applyScheme(source, getCompiled(plan.scheme, plan.language));
    return toAsciiWord(plan.digraphs ? digraphLatin(raw) : raw);
  });
  if (readingsCache.size >= READINGS_LIMIT) readingsCache.clear();
  readingsCache.set(cacheKey, readings);
  return readings;
}

/** All plausible ASCII romanisations of a Cyrillic text (lowercase, words joined by spaces). */
export function romanize(text: string, languages?: readonly CyrillicLanguage[]): string[] {
  const tokens = text
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}'’ʼ]+/u)
    .filter((token) => token.length > 0);
  return romanizeTokens(tokens, languages ?? guessLanguages(text)).map((variant) =>
    variant.join(' '),
  );
}
