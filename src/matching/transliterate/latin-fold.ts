/**
 * Folding Latin letters to ASCII, in two readings: plain (`š` → s, as documents typed without
 * diacritics show it) and digraph (`š` → sh, as English-language documents respell it). A Latin
 * name with such letters gets both, so `Lukašenka` meets `LUKASHENKA` and `Lukasenka`.
 */

/** Letters that NFD does not decompose, or that fold to more than one letter. */
const SPECIAL_PLAIN: Readonly<Record<string, string>> = {
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ĸ: 'k',
  ŋ: 'ng',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ſ: 's',
  ə: 'a',
  ʹ: '',
  ʺ: '',
  ʼ: '',
  "'": '',
  '’': '',
  '"': '',
};

/** Letters whose diacritic marks a sound English spells with a digraph. */
const DIGRAPHS: Readonly<Record<string, string>> = {
  š: 'sh',
  č: 'ch',
  ž: 'zh',
  ż: 'zh',
  ć: 'ch',
  đ: 'dj',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
};

const plainCache = new Map<string, string>();

function foldChar(char: string): string {
  let out = plainCache.get(char);
  if (out !== undefined) return out;
  // Upper-case Ł Ø Æ ... fold like their lower-case letters (callers compare case-folded text).
  const special = SPECIAL_PLAIN[char] ?? SPECIAL_PLAIN[char.toLowerCase()];
  if (special !== undefined) out = special;
  else {
    // NFD splits `š` into `s` + U+030C; dropping every combining mark leaves the base letter.
    out = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  plainCache.set(char, out);
  return out;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Diacritics folded to plain ASCII letters; lowercase in, lowercase out. */
export function foldLatin(text: string): string {
  if (isAscii(text)) return text.includes("'") || text.includes('"') ? stripQuotes(text) : text;
  let out = '';
  // Iterate by code point so astral characters are folded (or kept) whole.
  for (const char of text)
    out += char.charCodeAt(0) < 0x80 ? (SPECIAL_PLAIN[char] ?? char) : foldChar(char);
  return out;
}

function stripQuotes(text: string): string {
  return text.replaceAll("'", '').replaceAll('"', '');
}

/** Whether `text` has a letter that `digraphLatin` spells differently from `foldLatin`. */
export function hasDigraphLetters(text: string): boolean {
  for (const char of text) if (DIGRAPHS[char] !== undefined) return true;
  return false;
}

/** Like `foldLatin`, but š č ž ż ć đ ä ö ü become digraphs (sh ch zh zh ch dj ae oe ue). */
export function digraphLatin(text: string): string {
  let out = '';
  for (const char of text) out += DIGRAPHS[char] ?? foldLatin(char);
  return out;
}
