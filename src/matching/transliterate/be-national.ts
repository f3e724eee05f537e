/**
 * The Belarusian national romanisation (Instruction on transliteration of Belarusian geographical
 * names, 2007; UNGEGN 2013): Latin with háčeks, `h` for г, `ŭ` for ў, `ja`/`ia` for я. Close to
 * Łacinka but keeps `l` and writes soft consonants with an acute.
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const BE_NATIONAL: SchemeTable = {
  id: 'be-national',
  label: 'Belarusian national system (2007)',
  reference:
    'Instruction on transliteration of Belarusian geographical names with Latin letters (2007), UNGEGN 2013',
  languages: ['be'],
  letters: {
    ...SHARED_LETTERS,
    г: 'h',
    е: 'ie',
    ё: 'io',
    ж: 'ž',
    й: 'j',
    ў: 'ŭ',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    ы: 'y',
    ю: 'iu',
    я: 'ia',
    // Russian letters in a Belarusian text (mixed spellings): nearest national-system value.
    и: 'i',
    щ: 'šč',
  },
  // Word start, after vowels, ь and the apostrophe: je jo ju ja.
  iotated: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  // Soft consonants carry an acute: зь ź, ль ĺ, нь ń, сь ś, ць ć.
  sequences: { зь: 'ź', ль: 'ĺ', нь: 'ń', сь: 'ś', ць: 'ć' },
};
