/**
 * The shape of a transliteration table. Tables are data (one file per source language + scheme),
 * compiled once into Maps by `engine.ts`; nothing here runs per name.
 */

/** Source languages we romanise from Cyrillic. `mk` shares the Serbian tables. */
export type CyrillicLanguage = 'ru' | 'be' | 'uk' | 'bg' | 'sr';

export type SchemeId =
  | 'ru-icao'
  | 'ru-bgn'
  | 'ru-gost'
  | 'be-national'
  | 'be-lacinka'
  | 'uk-national'
  | 'bg-official'
  | 'sr-latin'
  | 'press-english'
  | 'press-german'
  | 'press-french'
  | 'press-polish'
  | 'press-swedish'
  | 'press-czech'
  | 'press-lithuanian'
  | 'press-latvian';

/** Lowercase Cyrillic letter (or short sequence) → Latin output, which may carry diacritics. */
export type LetterMap = Readonly<Record<string, string>>;

/**
 * The context-free and context-dependent parts of one table. Context is only ever the previous
 * letter (or the word start) and, for `betweenVowels`, the next one: that is all the published
 * systems need (iotated vowels, German/French intervocalic `с` → `ss`).
 */
export interface TableCore {
  /** Default output per letter. Letters missing here fall back to the shared extras, then any-ascii. */
  readonly letters?: LetterMap;
  /** Word start, after a vowel, after ь/ъ/й: where е ё ю я є ї are "iotated" (ye, ya, ...). */
  readonly iotated?: LetterMap;
  /** After a vowel only (wins over `iotated`): French writes Николаевич `Nikolaïevitch`. */
  readonly afterVowel?: LetterMap;
  /** Word start only (wins over `iotated`). */
  readonly initial?: LetterMap;
  /** After a consonant (wins over `letters`). */
  readonly afterConsonant?: LetterMap;
  /** Between two vowels (German `с` → `ss`, so `Wassili` keeps its voiceless s). */
  readonly betweenVowels?: LetterMap;
  /** Multi-letter sequences matched anywhere, longest first (Polish `ле` → `le` with soft `l`). */
  readonly sequences?: LetterMap;
  /** Multi-letter sequences matched only at the end of a word (`ий` → `y` in English press). */
  readonly finals?: LetterMap;
}

export interface SchemeTable extends TableCore {
  readonly id: SchemeId;
  /** Human name and the published definition the table follows. */
  readonly label: string;
  readonly reference: string;
  /** Source languages this scheme is applied to by `romanize` (in that language's priority). */
  readonly languages: readonly CyrillicLanguage[];
  /**
   * Per-language overrides merged over the base table: a press convention writes a Belarusian or
   * Ukrainian `г` as `h` but a Russian one as `g`.
   */
  readonly byLanguage?: Readonly<Partial<Record<CyrillicLanguage, TableCore>>>;
}
