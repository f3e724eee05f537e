/**
 * BGN/PCGN romanisation (Russian 1947, Belarusian 1979, Ukrainian 1965): the system of English
 * reference works, US/UK government lists and most English-language sanctions entries
 * (`Grigoryevich`, `Yevgeniy`, `Dmitriy`). Apostrophes for ь/ъ are kept in the faithful output and
 * dropped by `romanize`.
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const RU_BGN: SchemeTable = {
  id: 'ru-bgn',
  label: 'BGN/PCGN',
  reference: 'BGN/PCGN Romanization of Russian (1947), Belarusian (1979), Ukrainian (1965)',
  languages: ['ru', 'be', 'uk', 'bg'],
  letters: {
    ...SHARED_LETTERS,
    ё: 'ë',
    ж: 'zh',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ъ: '"',
    ы: 'y',
    ь: "'",
    ю: 'yu',
    я: 'ya',
    ї: 'yi',
    є: 'ye',
  },
  // `е` and `ё` are iotated at the word start, after a vowel, й, ъ and ь: Yelena, Grigor'yevich.
  iotated: { е: 'ye', ё: 'yë' },
  byLanguage: {
    be: { letters: { г: 'h', ў: 'w', ё: 'yo' }, iotated: { е: 'ye', ё: 'yo' } },
    // Ukrainian BGN/PCGN has no iotation rule for е (it is always `e`); є ї ю я are always y-.
    uk: { letters: { г: 'h', и: 'y', е: 'e' }, iotated: { е: 'e' } },
  },
};
