/**
 * Letters that nearly every romanisation writes the same way. Tables spread this and override
 * what differs, so each scheme file shows only its distinctive choices.
 */
import type { LetterMap } from './types.js';

export const SHARED_LETTERS: LetterMap = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  з: 'z',
  и: 'i',
  і: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ў: 'u',
  ф: 'f',
  ы: 'y',
  ь: '',
  ъ: '',
  э: 'e',
  ґ: 'g',
};
