/**
 * ISO 9:1995 = GOST 7.79-2000 system A: one Latin letter (with diacritics) per Cyrillic letter,
 * used in library catalogues and some EU entries. `romanize` folds it to ASCII (`ž` → `z`), the
 * form in which it reaches documents typed without diacritics (`Lukasenko`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const RU_GOST: SchemeTable = {
  id: 'ru-gost',
  label: 'ISO 9 / GOST 7.79 system A',
  reference: 'ISO 9:1995; GOST 7.79-2000 table 1 (system A)',
  languages: ['ru', 'be', 'uk', 'bg', 'sr'],
  letters: {
    ...SHARED_LETTERS,
    ё: 'ë',
    ж: 'ž',
    й: 'j',
    х: 'h',
    ц: 'c',
    ч: 'č',
    ш: 'š',
    щ: 'ŝ',
    ъ: 'ʺ',
    ы: 'y',
    ь: 'ʹ',
    э: 'è',
    ю: 'û',
    я: 'â',
    і: 'ì',
    ї: 'ï',
    є: 'ê',
    ґ: 'g̀',
    ў: 'ǔ',
    ђ: 'đ',
    ѓ: 'ǵ',
    ѕ: 'ẑ',
    ј: 'ǰ',
    љ: 'l̂',
    њ: 'n̂',
    ќ: 'ḱ',
    ћ: 'ć',
    џ: 'd̂',
  },
};
