/**
 * Latvian-press transcription: háčeks, `h` for х, `i` for ы, `j` for the iotation
 * (`Lukašenko`, `Aleksandrs` without the ending, `Grigorjevičs` likewise).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const PRESS_LATVIAN: SchemeTable = {
  id: 'press-latvian',
  label: 'Latvian press',
  reference: 'Latvian rules for the transcription of Russian proper names (LZA TK, 2008)',
  languages: ['ru', 'be'],
  letters: {
    ...SHARED_LETTERS,
    ё: 'jo',
    ж: 'ž',
    й: 'j',
    х: 'h',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'šč',
    ы: 'i',
    ю: 'ju',
    я: 'ja',
    ї: 'ji',
    є: 'je',
  },
  iotated: { е: 'je' },
  finals: { ий: 'ij', ый: 'ij' },
  byLanguage: {
    be: { letters: { г: 'h' } },
  },
};
