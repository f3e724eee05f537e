/**
 * Belarusian Łacinka (classical, after Taraškievič): `ł` for hard л and plain `l` for soft, so the
 * `i` of iotated vowels after л disappears (`Alaksandr`, `Łukašenka`). Belarusian opposition media
 * and some EU entries use it.
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const BE_LACINKA: SchemeTable = {
  id: 'be-lacinka',
  label: 'Belarusian Łacinka',
  reference: 'Belarusian Latin alphabet (Łacinka), classical orthography (Taraškievič 1929 / 1962)',
  languages: ['be'],
  letters: {
    ...SHARED_LETTERS,
    г: 'h',
    е: 'ie',
    ё: 'io',
    ж: 'ž',
    й: 'j',
    л: 'ł',
    ў: 'ŭ',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    ы: 'y',
    ю: 'iu',
    я: 'ia',
    и: 'i',
    щ: 'šč',
  },
  iotated: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  sequences: {
    // Soft л is plain `l` and absorbs the softness of the following vowel.
    ль: 'l',
    ля: 'la',
    лё: 'lo',
    лю: 'lu',
    ле: 'le',
    лі: 'li',
    ли: 'li',
    // Other soft consonants take an acute.
    зь: 'ź',
    нь: 'ń',
    сь: 'ś',
    ць: 'ć',
    дзь: 'dź',
  },
};
