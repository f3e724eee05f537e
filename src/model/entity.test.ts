import { describe, expect, it } from 'vitest';
import { cleanValues, foldWhitespace } from './entity.js';

/** What `foldWhitespace` replaces: the regex every parser used before. */
const byRegex = (value: string): string => value.replace(/\s+/gu, ' ').trim();

describe('foldWhitespace', () => {
  it('matches the \\s regex for every UTF-16 code unit in every position', () => {
    const mismatches: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      for (const value of [c, `a${c}b`, `a${c}${c}b`, ` ${c}a`, `a${c} `, `a ${c}b`, `${c}a${c}`]) {
        if (foldWhitespace(value) !== byRegex(value)) mismatches.push(JSON.stringify(value));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('matches the regex on mixed white space, and returns clean values unchanged', () => {
    const parts = ['a', 'Ж', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u0085', '\u2028', '\ufeff'];
    let seed = 7;
    for (let n = 0; n < 20_000; n++) {
      let value = '';
      for (let k = n % 11; k > 0; k--) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        value += parts[seed % parts.length];
      }
      expect(foldWhitespace(value)).toBe(byRegex(value));
    }
    const clean = 'Mohammed Ali Hasan';
    expect(foldWhitespace(clean)).toBe(clean);
    expect(foldWhitespace('  line one\r\n  line two\u3000')).toBe('line one line two');
  });

  it('is what cleanValues applies before dropping empties and duplicates', () => {
    expect(cleanValues([' a\nb ', 'a b', '\t', null, undefined, 'c'])).toEqual(['a b', 'c']);
  });
});
