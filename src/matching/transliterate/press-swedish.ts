/**
 * Swedish transcription (Svenska språknämnden): `sj`, `tj`, `zj`, `sjtj`, `ch` for х, `j` for the
 * iotation, `-ij` endings. The EU's Swedish-language entries use it and often come first
 * (`Aleksandr Grigorjevitj LUKASJENKO`, `Viktar Uladzimiravitj SJEJMAN`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const PRESS_SWEDISH: SchemeTable = {
  id: 'press-swedish',
  label: 'Swedish press',
  reference: 'Språkrådet, Svenska skrivregler: transkribering från ryska',
  languages: ['ru', 'be', 'uk'],
  letters: {
    ...SHARED_LETTERS,
    ё: 'jo',
    ж: 'zj',
    й: 'j',
    х: 'ch',
    ц: 'ts',
    ч: 'tj',
    ш: 'sj',
    щ: 'sjtj',
    ы: 'y',
    ю: 'ju',
    я: 'ja',
    ї: 'ji',
    є: 'je',
  },
  iotated: { е: 'je' },
  sequences: { жё: 'zjo', шё: 'sjo', чё: 'tjo', щё: 'sjtjo' },
  finals: { ий: 'ij', ый: 'yj' },
  byLanguage: {
    be: { letters: { г: 'h' } },
    uk: { letters: { г: 'h', и: 'y', е: 'e' }, iotated: { е: 'e' } },
  },
};
