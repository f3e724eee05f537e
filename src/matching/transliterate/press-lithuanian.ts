/**
 * Lithuanian-press transcription: háčeks, `ch` for х, `c` for ц, `i` softening after consonants
 * (`Aliaksandr`, `Lukašenka`, `Grigorjevič`). Lithuanian inflectional endings (-as, -is) are not
 * added: they are grammar, not spelling, and the key of a word must not depend on them.
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const PRESS_LITHUANIAN: SchemeTable = {
  id: 'press-lithuanian',
  label: 'Lithuanian press',
  reference: 'VLKK rekomendacijos: rusų ir baltarusių vardų rašymas lietuviškai',
  languages: ['ru', 'be', 'uk'],
  letters: {
    ...SHARED_LETTERS,
    ё: 'io',
    ж: 'ž',
    й: 'j',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'šč',
    ы: 'y',
    ю: 'iu',
    я: 'ia',
    ї: 'ji',
    є: 'je',
  },
  iotated: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  sequences: { жё: 'žo', шё: 'šo', чё: 'čo', щё: 'ščo', ьо: 'jo' },
  finals: { ий: 'ij', ый: 'yj' },
  byLanguage: {
    be: { letters: { г: 'h' } },
    uk: { letters: { г: 'h', и: 'y', е: 'e' }, iotated: { е: 'je' } },
  },
};
