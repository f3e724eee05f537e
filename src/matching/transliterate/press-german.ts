/**
 * German-press transcription (Duden rules): `w` for в, `s` for з, `sch`/`tsch`/`schtsch`, `ch` for
 * х, `z` for ц, `j` for the iotation, `ss` for intervocalic с (`Lukaschenko`, `Wassili`,
 * `Grigorjewitsch`, `Schukow`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const PRESS_GERMAN: SchemeTable = {
  id: 'press-german',
  label: 'German press (Duden)',
  reference: 'Duden, Transkription des Russischen; DIN 1460 annex',
  languages: ['ru', 'be', 'uk', 'bg'],
  letters: {
    ...SHARED_LETTERS,
    в: 'w',
    ё: 'jo',
    ж: 'sch',
    з: 's',
    й: 'j',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ы: 'y',
    ю: 'ju',
    я: 'ja',
    ї: 'ji',
    є: 'je',
  },
  iotated: { е: 'je' },
  betweenVowels: { с: 'ss' },
  sequences: {
    кс: 'x',
    // Soft sign before и is a glide: Ильич → Iljitsch.
    ьи: 'ji',
    жё: 'scho',
    шё: 'scho',
    чё: 'tscho',
    щё: 'schtscho',
  },
  // Александр is written with its conventional Western form.
  finals: { андр: 'ander', ий: 'i', ый: 'y' },
  byLanguage: {
    be: { letters: { г: 'h' } },
    uk: { letters: { г: 'h', и: 'y', е: 'e' }, iotated: { е: 'e' } },
    bg: { letters: { щ: 'scht', ъ: 'a', х: 'h' } },
  },
};
