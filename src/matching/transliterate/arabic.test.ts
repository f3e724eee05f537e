import { describe, expect, it } from 'vitest';
import { prepareName } from '../prepare.js';
import { romanizeArabicToken } from './arabic.js';

const spellings = (name: string) =>
  prepareName(name, { schema: 'Person' })?.variants.map((variant) => variant.tokens.join(' '));

describe('Arabic names', () => {
  it('writes an opening ʿayn, hamza or alif as a vowel, as Latin spellings do', () => {
    expect(romanizeArabicToken('علي', 'consonantal')).toBe('aly');
    expect(romanizeArabicToken('علي', 'vocalic')).toBe('aly');
    expect(romanizeArabicToken('أحمد', 'consonantal')).toBe('ahmd');
  });

  it('gives a consonant reading and one with long vowels inside the word', () => {
    expect(romanizeArabicToken('يوسف', 'consonantal')).toBe('ywsf');
    expect(romanizeArabicToken('يوسف', 'vocalic')).toBe('yusf');
    expect(romanizeArabicToken('مصطفى', 'consonantal')).toBe('mstfa');
  });

  it('splits the article and writes lineage words as Latin texts do', () => {
    // `عبد الفتاح` is one Abd name, written as Latin spellings of it are (`theophoric.ts`).
    expect(spellings('عبد الفتاح السيسي')?.[0]).toBe('abdul fattah al sysy');
    expect(spellings('أسامة بن لادن')?.[0]).toBe('asmh bin ldn');
    expect(romanizeArabicToken('أبو', 'consonantal')).toBe('abu');
  });

  it('drops a lone letter, which would otherwise pass for an initial', () => {
    expect(romanizeArabicToken('ء', 'consonantal')).toBe('');
    expect(spellings('ء دعا أبو')?.[0]).toBe('da abu');
  });
});
