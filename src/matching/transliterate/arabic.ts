/**
 * Arabic-script names to Latin letters that can meet their usual Latin spellings. Arabic writes
 * no short vowels, so `محمد` is m-h-m-d and no table can say whether it is `Muhammad` or
 * `Mohamed`; what can be made to agree is the consonant skeleton (`phonetic.ts` drops vowels
 * after the first letter). Three things keep any-ascii's letters from reaching it:
 *
 * - a word-initial ʿayn or hamza (`علي`, `أحمد`): Latin writes a vowel there (`Ali`, `Ahmed`),
 *   and the skeleton keeps a leading vowel as its own class, so it becomes `a`;
 * - the article `ال` is part of the word (`السيسي`) where Latin writes `al-` or `el-` apart;
 * - `و` and `ي` are consonants (`Walid`, `Yasin`) or long vowels (`Yusuf`, `Amir`), and a
 *   medial alif is a long ā that Latin writes (`Hamid`) but any-ascii drops: two readings are
 *   given, the consonant skeleton and one with `u`/`i`/`a` inside the word. A final alif is
 *   written in both (`Dua`, `Mustafa`).
 *
 * Matching on the skeleton is loose (`Muhammad` and `Mahmud` share m-h-m-d): it earns the
 * phonetic credit, not an exact match, and an analyst sees which letters agreed.
 */
import anyAscii from 'any-ascii';

export type ArabicReading = 'consonantal' | 'vocalic';
export const ARABIC_READINGS: readonly ArabicReading[] = ['consonantal', 'vocalic'];

const ARTICLE = 'ال';
/** Alif (plain, with hamza above or below, with madda), ʿayn and a bare hamza. */
const OPENING = new Set(['ا', 'أ', 'إ', 'آ', 'ع', 'ء']);

function lettersOf(word: string, reading: ArabicReading): string {
  let out = '';
  const chars = [...word];
  chars.forEach((char, i) => {
    if (i === 0 && OPENING.has(char)) {
      out += 'a';
      return;
    }
    if (i === chars.length - 1 && (char === 'ا' || char === 'ى')) {
      // A final long ā is written in Latin too (`Dua`, `Mustafa`).
      out += 'a';
      return;
    }
    if (reading === 'vocalic' && i > 0 && i < chars.length - 1) {
      if (char === 'ا') {
        out += 'a';
        return;
      }
      if (char === 'و') {
        out += 'u';
        return;
      }
      if (char === 'ي') {
        out += 'i';
        return;
      }
    }
    out += anyAscii(char);
  });
  // any-ascii writes ʿayn and hamza as ` and ' inside the word: letters only from here on.
  return out.toLowerCase().replace(/[^a-z]/gu, '');
}

/**
 * Words of lineage and kinship, written as Latin texts write them: as bare consonants (`bn`,
 * `abw`) they would pass for name words, and `abw` shares its skeleton with `Ayupov`.
 */
const PARTICLE_WORDS: Readonly<Record<string, string>> = {
  بن: 'bin',
  ابن: 'ibn',
  بنت: 'bint',
  أبو: 'abu',
  ابو: 'abu',
  أم: 'umm',
  ام: 'umm',
  ولد: 'ould',
};

/**
 * One Arabic-script token in Latin letters; a word with the article comes back as two words
 * separated by a space (`al sysy`), split into tokens when the name is prepared.
 */
export function romanizeArabicToken(token: string, reading: ArabicReading): string {
  const particle = PARTICLE_WORDS[token];
  if (particle !== undefined) return particle;
  // Arabic has no initials: a lone letter (`ء`, the conjunction `و`) is not a name part, and
  // as one Latin letter it would pass for an initial.
  if ([...token].length < 2) return '';
  if (token.startsWith(ARTICLE) && token.length > ARTICLE.length + 1) {
    return `al ${lettersOf(token.slice(ARTICLE.length), reading)}`;
  }
  return lettersOf(token, reading);
}
