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

describe('cleanValues', () => {
  it('drops duplicates in long lists too, keeping the first of each in order', () => {
    const values = Array.from({ length: 40 }, (_, i) => ` v${i % 25} `);
    const expected = Array.from({ length: 25 }, (_, i) => `v${i}`);
    expect(cleanValues(values)).toEqual(expected);
    // A duplicate of a value kept before the list grew long.
    expect(cleanValues([...expected, null, 'v3', '', 'v24', 'w'])).toEqual([...expected, 'w']);
  });

  it('returns a new array of exactly the kept values and leaves its input alone', () => {
    const values = ['a', null, ' a', 'b  c', undefined];
    const cleaned = cleanValues(values);
    expect(cleaned).toEqual(['a', 'b c']);
    expect(cleaned).toHaveLength(2);
    expect(cleaned).not.toBe(values);
    expect(values).toEqual(['a', null, ' a', 'b  c', undefined]);
    expect(cleanValues([])).toEqual([]);
    expect(cleanValues([null, '  '])).toEqual([]);
  });
});
