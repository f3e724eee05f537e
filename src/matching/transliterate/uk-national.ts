/**
 * The Ukrainian national system (Cabinet of Ministers resolution No. 55 of 2010), used in Ukrainian
 * passports and by the EU for Ukrainians (`Oleksandr`, `Yevhen`, `Serhii`, `Zghurskyi`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const UK_NATIONAL: SchemeTable = {
  id: 'uk-national',
  label: 'Ukrainian national system (2010)',
  reference: 'Resolution of the Cabinet of Ministers of Ukraine No. 55 of 27 January 2010',
  languages: ['uk'],
  letters: {
    ...SHARED_LETTERS,
    г: 'h',
    ґ: 'g',
    е: 'e',
    є: 'ie',
    ж: 'zh',
    и: 'y',
    і: 'i',
    ї: 'i',
    й: 'i',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: 'iu',
    я: 'ia',
    // Russian letters in Ukrainian-looking text.
    ё: 'io',
    ы: 'y',
  },
  // Only at the word start: є ї й ю я → ye yi y yu ya.
  initial: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' },
  // зг is written zgh so it is not read as the digraph zh.
  sequences: { зг: 'zgh' },
};
