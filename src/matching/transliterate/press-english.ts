/**
 * English-press convention (news agencies, Wikipedia): BGN/PCGN without apostrophes, `ё` → yo,
 * `кс` → x, and short endings `-y` for -ий/-ый (`Alexei`, `Maxim`, `Dmitry`, `Fyodor`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const PRESS_ENGLISH: SchemeTable = {
  id: 'press-english',
  label: 'English press',
  reference: 'Simplified BGN/PCGN as in Reuters/AP and English Wikipedia (WP:RUS)',
  languages: ['ru', 'be', 'uk', 'bg', 'sr'],
  letters: {
    ...SHARED_LETTERS,
    ё: 'yo',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ы: 'y',
    ю: 'yu',
    я: 'ya',
    ї: 'yi',
    є: 'ye',
  },
  iotated: { е: 'ye', ё: 'yo' },
  afterConsonant: { ё: 'yo' },
  sequences: {
    кс: 'x',
    // After hushing consonants ё is plain o (Gorbachov, Khrushchov).
    жё: 'zho',
    шё: 'sho',
    чё: 'cho',
    щё: 'shcho',
  },
  // Александр is written with its conventional Western form.
  finals: { андр: 'ander', ий: 'y', ый: 'y', ей: 'ei', ия: 'ia', ья: 'ya' },
  byLanguage: {
    be: { letters: { г: 'h' } },
    uk: {
      letters: { г: 'h', и: 'y', е: 'e' },
      iotated: { е: 'e' },
      finals: { ий: 'yi', ій: 'iy' },
    },
    bg: { letters: { щ: 'sht', ъ: 'a', х: 'h' } },
  },
};
