/**
 * ICAO Doc 9303 part 3 (7th edition, 2015), the transliteration of machine-readable passports.
 * Russian passports use it since 2014 (`Aleksandr Lukashenko`, `Sergei`, `Iurii`, `Tatiana`);
 * Belarusian and Ukrainian passports follow it with their own letters (`Aliaksandr Ryhoravich`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const RU_ICAO: SchemeTable = {
  id: 'ru-icao',
  label: 'ICAO 9303 (machine-readable travel documents)',
  reference: 'ICAO Doc 9303 Part 3, 7th ed. (2015), section 6 table B (Cyrillic)',
  languages: ['ru', 'be', 'uk', 'bg', 'sr'],
  letters: {
    ...SHARED_LETTERS,
    ё: 'e',
    ж: 'zh',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: 'ie',
    ы: 'y',
    ь: '',
    э: 'e',
    ю: 'iu',
    я: 'ia',
    ї: 'i',
    є: 'ie',
    ђ: 'd',
    ѓ: 'g',
    ѕ: 'dz',
    ј: 'j',
    љ: 'lj',
    њ: 'nj',
    ќ: 'k',
    ћ: 'c',
    џ: 'dz',
  },
  byLanguage: {
    // Belarusian passports: `г` is `h` (Ryhoravich), `ў` is `u`.
    be: { letters: { г: 'h' } },
    // Ukrainian passports: `г` → h, `и` → y, `і` → i (ICAO lists them as separate letters).
    uk: { letters: { г: 'h', и: 'y' } },
  },
};
