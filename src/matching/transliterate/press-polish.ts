/**
 * Polish transcription (PWN rules): `w`, `sz`/`cz`/`szcz`/`ż`, `ch` for х, `ł` for hard л and
 * `l` before soft vowels, `ie` after consonants, `y` after hushing consonants (`Łukaszenka`,
 * `Miedwiediew`, `Władimirowicz`, `Szyszkin`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const PRESS_POLISH: SchemeTable = {
  id: 'press-polish',
  label: 'Polish press (PWN)',
  reference: 'Wielki słownik ortograficzny PWN, zasady transkrypcji z rosyjskiego/białoruskiego',
  languages: ['ru', 'be', 'uk'],
  letters: {
    ...SHARED_LETTERS,
    в: 'w',
    е: 'ie',
    ё: 'io',
    ж: 'ż',
    й: 'j',
    л: 'ł',
    х: 'ch',
    ц: 'c',
    ч: 'cz',
    ш: 'sz',
    щ: 'szcz',
    ы: 'y',
    ю: 'iu',
    я: 'ia',
    ї: 'ji',
    є: 'je',
  },
  iotated: { е: 'je', ё: 'jo', ю: 'ju', я: 'ja' },
  sequences: {
    // Soft л: plain l, which swallows the i of the following vowel.
    ль: 'l',
    ля: 'la',
    лё: 'lo',
    лю: 'lu',
    ле: 'le',
    ли: 'li',
    лі: 'li',
    // Hard hushing consonants: no i after them (Szyszkin, Żeleznow, Cybulski).
    жи: 'ży',
    ши: 'szy',
    ци: 'cy',
    же: 'że',
    ше: 'sze',
    че: 'cze',
    це: 'ce',
    ще: 'szcze',
    жё: 'żo',
    шё: 'szo',
    чё: 'czo',
    щё: 'szczo',
    чю: 'czu',
    щю: 'szczu',
    чя: 'cza',
    // Soft consonants before a consonant or at the end carry an acute.
    нь: 'ń',
    сь: 'ś',
    зь: 'ź',
    ть: 'ć',
    дь: 'dź',
    ць: 'ć',
  },
  byLanguage: {
    be: { letters: { г: 'h', ў: 'u' } },
    uk: { letters: { г: 'h', и: 'y', е: 'e', і: 'i' } },
  },
};
