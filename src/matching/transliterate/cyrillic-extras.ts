/**
 * Cyrillic letters of other languages that list names carry (Kazakh, Kyrgyz, Tajik, Uzbek, Tatar,
 * Bashkir, Macedonian), mapped to their usual English-press romanisation. Every scheme falls back
 * to these before any-ascii, so `Қасымов` reads `kasymov`, not a question mark.
 */
import type { LetterMap } from './types.js';

export const CYRILLIC_EXTRAS: LetterMap = {
  ә: 'a', // Kazakh/Tatar/Bashkir schwa: written `a` (or `ä`) in passports
  ғ: 'g', // Kazakh/Uzbek/Tajik voiced velar fricative: `g` or `gh`
  қ: 'k', // Kazakh/Uzbek q: `k` or `q`
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  ҳ: 'kh', // Tajik/Uzbek h
  ҷ: 'j', // Tajik j
  ӣ: 'i', // Tajik long i
  ӯ: 'u', // Tajik long u
  ҙ: 'z', // Bashkir
  ҫ: 's', // Bashkir/Chuvash
  ӑ: 'a', // Chuvash
  ӗ: 'e', // Chuvash
  ѓ: 'gj', // Macedonian
  ќ: 'kj', // Macedonian
  ѕ: 'dz', // Macedonian
  ђ: 'dj', // Serbian
  ћ: 'c', // Serbian
  џ: 'dz', // Serbian/Macedonian
  љ: 'lj',
  њ: 'nj',
  ј: 'j',
  ѐ: 'e', // stressed е, precomposed by NFC
  ѝ: 'i', // stressed и (Bulgarian), precomposed by NFC
};
