/**
 * Serbian Latin alphabet (Gaj), the official one-to-one counterpart of Serbian Cyrillic; also used
 * for Macedonian Cyrillic with its three extra letters. `romanize` folds it and adds the digraph
 * reading (`Karić` → `karic`, `karich`).
 */
import { SHARED_LETTERS } from './common.js';
import type { SchemeTable } from './types.js';

export const SR_LATIN: SchemeTable = {
  id: 'sr-latin',
  label: 'Serbian Latin (Gaj)',
  reference: 'Serbian Latin alphabet, Constitution of Serbia art. 10; Macedonian: ISO 9 / national',
  languages: ['sr'],
  letters: {
    ...SHARED_LETTERS,
    ђ: 'đ',
    ж: 'ž',
    ј: 'j',
    љ: 'lj',
    њ: 'nj',
    ћ: 'ć',
    х: 'h',
    ц: 'c',
    ч: 'č',
    џ: 'dž',
    ш: 'š',
    ѓ: 'ǵ',
    ќ: 'ḱ',
    ѕ: 'dz',
    й: 'j',
  },
};
