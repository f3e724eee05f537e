/**
 * Bulgarian official transliteration (Transliteration Act 2009, = BGN/PCGN 2013 for Bulgarian):
 * `щ` → sht, `ъ` → a, `ь` → y, `х` → h, final `ия` → ia. Bulgarian passports and the EU's
 * Bulgarian-language entries use it.
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const BG_OFFICIAL: SchemeTable = {
  id: 'bg-official',
  label: 'Bulgarian official (2009)',
  reference: 'Bulgarian Transliteration Act (State Gazette 19/2009), art. 3',
  languages: ['bg'],
  letters: {
    ...SHARED_LETTERS,
    ж: 'zh',
    й: 'y',
    х: 'h',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'sht',
    ъ: 'a',
    ь: 'y',
    ю: 'yu',
    я: 'ya',
    ё: 'yo',
  },
  finals: { ия: 'ia' },
};
