import { describe, expect, it } from 'vitest';
import { phoneticKey } from './phonetic.js';

describe('phoneticKey', () => {
  it('gives the romanisations of one name one skeleton', () => {
    expect(phoneticKey('lukashenko')).toBe(phoneticKey('lukasjenka'));
    expect(phoneticKey('sakalouski')).toBe(phoneticKey('sokolovski'));
  });

  it('reads a final j after e, i, o or y as the glide y writes', () => {
    expect(phoneticKey('sokolovskij')).toBe(phoneticKey('sokolovskiy'));
    expect(phoneticKey('sergej')).toBe(phoneticKey('sergey'));
    expect(phoneticKey('tolstoj')).toBe(phoneticKey('tolstoy'));
  });

  it('keeps j a consonant elsewhere: Arabic -aj, French ж inside a word, English J at the start', () => {
    expect(phoneticKey('faraj')).not.toBe(phoneticKey('fara'));
    expect(phoneticKey('ryjkov')).not.toBe(phoneticKey('rogov'));
    expect(phoneticKey('joseph')).not.toBe(phoneticKey('isaev'));
  });
});
