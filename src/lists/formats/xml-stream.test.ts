import { describe, expect, it } from 'vitest';
import { TagMap } from './xml-stream.js';

/** A tag name as the tokeniser hands it over: a fresh string, not the literal in the table. */
const fresh = (name: string): string => [...name].join('');

describe('TagMap', () => {
  const names = [
    'NOTE',
    'CITY',
    'DATE',
    'YEAR',
    'CITY_OF_BIRTH',
    'CITY_OF_ISSUE',
    'DATE_OF_BIRTH',
    'DATE_OF_ISSUE',
    'NAME_ORIGINAL_SCRIPT',
  ];
  const map = new TagMap(names.map((name, index) => [name, index] as const));

  it('finds every name, including names of equal length and equal first letter', () => {
    for (const [index, name] of names.entries()) expect(map.get(fresh(name))).toBe(index);
  });

  it('returns undefined for names it does not hold', () => {
    for (const name of ['', 'N', 'NOTES', 'note', 'CITY_OF_BIRTX', 'XITY', 'VERSIONNUM']) {
      expect(map.get(fresh(name))).toBeUndefined();
    }
    expect(map.get('A'.repeat(100))).toBeUndefined();
  });

  it('keeps the first value given for a name', () => {
    const twice = new TagMap([
      ['VALUE', 1],
      ['VALUE', 2],
    ]);
    expect(twice.get(fresh('VALUE'))).toBe(1);
  });
});
