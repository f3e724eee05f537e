/**
 * Name analysis for matching: Unicode and homoglyph clean-up, tokens, legal forms and titles taken
 * out, and the Latin ASCII spellings a name may have in documents. Pure functions; the tables are
 * compiled once at module load.
 */
import anyAscii from 'any-ascii';
import type { SchemaName } from '../../model/schemata.js';
import { majorityScript } from '../../shared/script.js';
import { ARABIC_READINGS, romanizeArabicToken } from '../transliterate/arabic.js';
import {
  type CyrillicLanguage,
  digraphLatin,
  foldLatin,
  guessLanguages,
  hasDigraphLetters,
  romanizeTokens,
  toAsciiWord,
} from '../transliterate/index.js';
import { romanizeKoreanTokens } from '../transliterate/korean.js';
import { countVotes, mixesLatinAndCyrillic, repairHomoglyphs } from './homoglyphs.js';
import { HAN_LEGAL_SUFFIXES, LEGAL_FORM_PHRASES } from './legal-forms.js';
import { compilePhrases, matchForm, type PhraseIndex, phraseAt } from './phrases.js';
import { spellingKey } from './spelling-key.js';
import { NAME_SUFFIXES, TITLES } from './titles.js';
import { tokenize } from './tokenize.js';

export { LEGAL_FORM_FAMILIES, LEGAL_FORMS, type LegalFormFamily } from './legal-forms.js';
export { spellingKey } from './spelling-key.js';

export interface AnalyzedName {
  readonly raw: string;
  /** Tokens in their own script: NFKC, homoglyphs repaired to the token's dominant script, case-folded, stress marks and punctuation removed, honorifics/titles and legal forms removed. */
  readonly tokens: readonly string[];
  /** Latin ASCII spellings of the whole name, each a token array aligned with `tokens`. Highest-priority first (ICAO/national system first for Cyrillic). */
  readonly latinVariants: readonly (readonly string[])[];
  /** Canonical legal-form codes found and removed (`llc`, `jsc`, `ojsc`, ...). */
  readonly legalForms: readonly string[];
  /** Titles/honorifics removed, in their match form (`general`, `polkovnik`, `plukovnik`, `sheikh`). */
  readonly removed: readonly string[];
  /** ISO 15924 script of the name after look-alike repair: 'Latn', 'Cyrl', 'Arab', ... or 'Mixed'. */
  readonly script: string;
  /** The name was written surname first with a comma (`LUKASHENKO, Alexander`); tokens keep the given order. */
  readonly commaInverted: boolean;
  /** Cyrillic source languages assumed for the romanisations (empty for non-Cyrillic names). */
  readonly languages: readonly string[];
}

export interface AnalyzeOptions {
  readonly schema?: SchemaName;
  /** Language hint (ISO 639-1): picks the Cyrillic romanisations instead of guessing from letters. */
  readonly lang?: string;
}

const LEGAL_INDEX: PhraseIndex<string> = compilePhrases(LEGAL_FORM_PHRASES);
const TITLE_INDEX: PhraseIndex<string> = compilePhrases(
  TITLES.map((title) => [title, title] as const),
);
const SUFFIXES = new Set(NAME_SUFFIXES);
const LEGAL_MAX = maxPhraseLength(LEGAL_INDEX);

/** Fewer than this many variants: keep variants even if their keys repeat an earlier one. */
const MIN_VARIANTS = 6;
/** Never more than this many variants per name (index size and query time). */
const MAX_VARIANTS = 10;

const CYRILLIC_LANGUAGES: Readonly<Record<string, CyrillicLanguage>> = {
  ru: 'ru',
  be: 'be',
  uk: 'uk',
  bg: 'bg',
  sr: 'sr',
  mk: 'sr',
};

function maxPhraseLength(index: PhraseIndex<string>): number {
  let max = 1;
  for (const list of index.values())
    for (const phrase of list) max = Math.max(max, phrase.tokens.length);
  return max;
}

interface Item {
  token: string;
  form: string;
  /** Position of the comma in the original token list: true if a comma followed this token. */
  commaAfter: boolean;
}

/** The ISO 15924 script most of a token's letters are in; `Zyyy` (common) when it has none. */
function dominantScript(token: string): string {
  return majorityScript(token) ?? 'Zyyy';
}

/** Lowercase, with Cyrillic stressed vowels precomposed by NFC (ѐ ѝ) and Turkish İ's dot undone. */
function caseFold(token: string): string {
  let lower = token.toLowerCase();
  if (lower.includes('ѐ')) lower = lower.replaceAll('ѐ', 'е');
  if (lower.includes('ѝ')) lower = lower.replaceAll('ѝ', 'и');
  if (lower.includes('\u0307')) lower = lower.replaceAll('i\u0307', 'i');
  return lower;
}

/** Chinese and Korean personal names are written without spaces: split surname from given name. */
function splitEastAsian(token: string, script: string): string[] {
  if (script !== 'Hani' && script !== 'Hang') return [token];
  const chars = [...token];
  if (chars.length < 2 || chars.length > 4) return [token];
  return [chars[0] as string, chars.slice(1).join('')];
}

function removeLegalForms(items: Item[], codes: string[]): Item[] {
  // Han names carry the legal form as a suffix of the word itself.
  for (const item of items) {
    for (const [suffix, code] of HAN_LEGAL_SUFFIXES) {
      if (item.token.length > suffix.length && item.token.endsWith(suffix)) {
        item.token = item.token.slice(0, -suffix.length);
        item.form = item.token;
        codes.push(code);
        break;
      }
    }
  }
  // Multi-word and long forms count anywhere ("Rosneft Oil Company", "Gazprom Neft PJSC Moscow").
  let out: Item[] = [];
  for (let i = 0; i < items.length; ) {
    const phrase = phraseAt(
      items.map((item) => item.form),
      i,
      LEGAL_INDEX,
    );
    if (phrase && !phrase.edgeOnly && items.length - phrase.tokens.length > 0) {
      codes.push(phrase.value);
      const last = items[i + phrase.tokens.length - 1];
      const before = out[out.length - 1];
      if (last?.commaAfter && before) before.commaAfter = true;
      i += phrase.tokens.length;
      continue;
    }
    out.push(items[i] as Item);
    i++;
  }
  // Short abbreviations only at either end, repeatedly ("Romashka Co. Ltd", "AO ТПК").
  for (let changed = true; changed && out.length > 1; ) {
    changed = false;
    const forms = out.map((item) => item.form);
    const head = phraseAt(forms, 0, LEGAL_INDEX);
    if (head && head.tokens.length < out.length) {
      codes.push(head.value);
      out = out.slice(head.tokens.length);
      changed = true;
      continue;
    }
    for (let start = Math.max(1, forms.length - LEGAL_MAX); start < forms.length; start++) {
      const tail = phraseAt(forms, start, LEGAL_INDEX);
      if (tail && start + tail.tokens.length === forms.length) {
        codes.push(tail.value);
        out = out.slice(0, start);
        changed = true;
        break;
      }
    }
  }
  return out;
}

function removeTitles(items: Item[], removed: string[], minRemaining: number): Item[] {
  let out = items;
  for (;;) {
    const phrase = phraseAt(
      out.map((item) => item.form),
      0,
      TITLE_INDEX,
    );
    if (!phrase || out.length - phrase.tokens.length < minRemaining) break;
    // Reported romanised (`полковник` → polkovnik) so explanations read the same for any script.
    removed.push(phrase.tokens.map((token) => toAsciiWord(anyAscii(token))).join('-'));
    out = out.slice(phrase.tokens.length);
  }
  const last = out[out.length - 1];
  if (last && out.length > minRemaining && SUFFIXES.has(last.form)) {
    removed.push(last.form);
    out = out.slice(0, -1);
  }
  return out;
}

/** The key sequence of a variant, to drop variants that add nothing for key-based matching. */
function keySignature(variant: readonly string[]): string {
  return variant.map(spellingKey).join(' ');
}

function capVariants(variants: readonly string[][]): string[][] {
  if (variants.length <= MIN_VARIANTS) return [...variants];
  const seen = new Set<string>();
  const kept: string[][] = [];
  const repeats: string[][] = [];
  for (const variant of variants) {
    const signature = keySignature(variant);
    if (seen.has(signature)) repeats.push(variant);
    else {
      seen.add(signature);
      kept.push(variant);
    }
  }
  // Fill up with string-distinct variants of repeated keys: they still help string similarity.
  for (const variant of repeats) {
    if (kept.length >= MIN_VARIANTS) break;
    kept.push(variant);
  }
  return kept.slice(0, MAX_VARIANTS);
}

/** Variants in order, each token sequence once (readings and systems often agree). */
function distinctVariants(variants: readonly string[][]): string[][] {
  const seen = new Set<string>();
  return variants.filter((variant) => {
    const signature = variant.join('|');
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

function latinVariantsOf(
  tokens: readonly string[],
  scripts: readonly string[],
  languages: readonly CyrillicLanguage[],
): string[][] {
  const folded = tokens.map((token, i) => (scripts[i] === 'Latn' ? foldLatin(token) : token));
  const digraphs = tokens.some((token, i) => scripts[i] === 'Latn' && hasDigraphLetters(token));
  const variants: string[][] = [];
  if (scripts.includes('Cyrl')) {
    variants.push(...romanizeTokens(folded, languages));
    if (digraphs) {
      const first = variants[0];
      if (first) {
        variants.splice(
          1,
          0,
          first.map((token, i) =>
            scripts[i] === 'Latn' ? toAsciiWord(digraphLatin(tokens[i] as string)) : token,
          ),
        );
      }
    }
    return capVariants(variants);
  }
  const other = (token: string, i: number): string =>
    scripts[i] === 'Latn' ? toAsciiWord(token) : toAsciiWord(anyAscii(token));
  if (scripts.includes('Arab')) {
    return distinctVariants(
      ARABIC_READINGS.map((reading) =>
        folded.map((token, i) =>
          scripts[i] === 'Arab' ? romanizeArabicToken(token, reading) : other(token, i),
        ),
      ),
    );
  }
  if (scripts.includes('Hang')) {
    const korean = romanizeKoreanTokens(folded, other);
    if (korean.length > 0) return distinctVariants(korean);
  }
  variants.push(folded.map(other));
  if (digraphs) {
    const withDigraphs = tokens.map((token, i) =>
      scripts[i] === 'Latn' ? toAsciiWord(digraphLatin(token)) : (variants[0]?.[i] ?? ''),
    );
    if (withDigraphs.join(' ') !== variants[0]?.join(' ')) variants.push(withDigraphs);
  }
  return variants;
}

export function analyzeName(raw: string, options: AnalyzeOptions = {}): AnalyzedName {
  const { schema } = options;
  const rawTokens = tokenize(raw);

  // Which script the name leans to, from letters that have no look-alike: decides tokens made
  // only of look-alikes (`ТАМ` typed with Latin T A M next to `Б`-words).
  let leaning: 'Cyrl' | 'Latn' = 'Latn';
  if (rawTokens.some((token) => mixesLatinAndCyrillic(token.text))) {
    let cyrillic = 0;
    let latin = 0;
    for (const token of rawTokens) {
      const votes = countVotes(token.text);
      cyrillic += votes.cyrillicUnique * 2 + votes.cyrillic;
      latin += votes.latinUnique * 2 + votes.latin;
    }
    leaning = cyrillic > latin ? 'Cyrl' : 'Latn';
  }

  let items: Item[] = [];
  for (const token of rawTokens) {
    const folded = caseFold(repairHomoglyphs(token.text, leaning));
    const parts = splitEastAsian(folded, dominantScript(folded));
    parts.forEach((part, k) => {
      items.push({
        token: part,
        form: matchForm(part),
        commaAfter: token.commaAfter && k === parts.length - 1,
      });
    });
  }

  const legalForms: string[] = [];
  const removed: string[] = [];
  const orgLike =
    schema === undefined ||
    schema === 'Organization' ||
    schema === 'LegalEntity' ||
    schema === 'Vessel';
  if (orgLike && items.length > 0) items = removeLegalForms(items, legalForms);
  const personLike = schema === undefined || schema === 'Person' || schema === 'LegalEntity';
  if (personLike && legalForms.length === 0 && items.length > 1) {
    // Without a schema, "General Motors" must keep its first word: demand two words left.
    items = removeTitles(items, removed, schema === 'Person' ? 1 : 2);
  }

  const commaAt = items.findIndex((item) => item.commaAfter);
  const commaInverted =
    schema !== 'Organization' && schema !== 'Vessel' && commaAt >= 0 && commaAt < items.length - 1;

  const tokens = items.map((item) => item.token);
  const scripts = tokens.map(dominantScript);
  const distinct = new Set(scripts.filter((script) => script !== 'Zyyy'));
  const script =
    distinct.size === 0 ? 'Zyyy' : distinct.size === 1 ? ([...distinct][0] as string) : 'Mixed';

  let languages: CyrillicLanguage[] = [];
  if (distinct.has('Cyrl')) {
    const hinted = options.lang ? CYRILLIC_LANGUAGES[options.lang.toLowerCase()] : undefined;
    languages = hinted
      ? [hinted]
      : guessLanguages(tokens.filter((_, i) => scripts[i] === 'Cyrl').join(' '));
  }

  return {
    raw,
    tokens,
    latinVariants: latinVariantsOf(tokens, scripts, languages),
    legalForms: [...new Set(legalForms)],
    removed,
    script,
    commaInverted,
    languages,
  };
}
