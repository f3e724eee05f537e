/**
 * French-press transcription: `ou` for у, `ch`/`tch`/`chtch`, `j` for ж, `kh` for х, `gu` before
 * front vowels, `ss` between vowels, `ï` after vowels (`Loukachenko`, `Evgueni`, `Mikhaïl`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const PRESS_FRENCH: SchemeTable = {
  id: 'press-french',
  label: 'French press',
  reference: 'Usual French transcription (Le Monde / AFP style, French Wikipedia conventions)',
  languages: ['ru', 'be', 'uk'],
  letters: {
    ...SHARED_LETTERS,
    ё: 'io',
    ж: 'j',
    й: 'ï',
    у: 'ou',
    ў: 'ou',
    х: 'kh',
    ц: 'ts',
    ч: 'tch',
    ш: 'ch',
    щ: 'chtch',
    ы: 'y',
    ю: 'iou',
    я: 'ia',
    ї: 'ï',
    є: 'ie',
  },
  iotated: { е: 'ie' },
  // After a vowel the glide is a tréma: Nikolaïevitch, Mikhaïl, Alexeï.
  afterVowel: { е: 'ïe', и: 'ï' },
  initial: { е: 'e', и: 'i', й: 'i' },
  betweenVowels: { с: 'ss' },
  sequences: { кс: 'x', ге: 'gue', ги: 'gui', гы: 'guy', гэ: 'gue' },
  // Александр is written with its conventional Western form.
  finals: { андр: 'andre', ий: 'i', ый: 'y' },
  byLanguage: {
    be: { letters: { г: 'h' }, sequences: { ге: 'he', гі: 'hi' } },
    uk: { letters: { г: 'h', и: 'y' }, sequences: { ге: 'he', гі: 'hi', ги: 'hy' } },
  },
};
