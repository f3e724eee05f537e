/**
 * Czech transcription (ČSN / Pravidla českého pravopisu): háčeks, `ch` for х, `c` for ц, `j` for
 * the iotation everywhere (`Aljaksandr`, `Epišin`, `Plukovník`-style entries of the EU).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const PRESS_CZECH: SchemeTable = {
  id: 'press-czech',
  label: 'Czech press',
  reference: 'Pravidla českého pravopisu, přepis z ruštiny (ČSN 01 0185)',
  languages: ['ru', 'be', 'uk'],
  letters: {
    ...SHARED_LETTERS,
    е: 'e',
    ё: 'jo',
    ж: 'ž',
    й: 'j',
    х: 'ch',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'šč',
    ы: 'y',
    ю: 'ju',
    я: 'ja',
    ї: 'ji',
    є: 'je',
  },
  iotated: { е: 'je' },
  // дe тe нe soften to ě in Czech spelling.
  sequences: { де: 'dě', те: 'tě', не: 'ně', жё: 'žo', шё: 'šo', чё: 'čo', щё: 'ščo' },
  finals: { ий: 'ij', ый: 'yj' },
  byLanguage: {
    be: { letters: { г: 'h' } },
    uk: { letters: { г: 'h', и: 'y', е: 'e' }, iotated: { е: 'je' } },
  },
};
