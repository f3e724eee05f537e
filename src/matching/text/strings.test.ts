import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.js';
import { levenshtein, levenshteinSimilarity } from './levenshtein.js';

describe('jaro-winkler', () => {
  it('matches the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.9444, 4);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
  });
  it('handles empty and identical strings', () => {
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('a', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
  it('is symmetric and does not leak state between calls of different lengths', () => {
    const long = 'a'.repeat(200);
    expect(jaroWinkler(long, `${long}b`)).toBeGreaterThan(0.99);
    expect(jaroWinkler('lukashenko', 'lukashenka')).toBeCloseTo(
      jaroWinkler('lukashenka', 'lukashenko'),
      10,
    );
  });
});

describe('levenshtein', () => {
  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', 'abc')).toBe(0);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('sitting', 'kitten')).toBe(3);
  });
  it('normalises by the longer string', () => {
    expect(levenshteinSimilarity('lukashenko', 'lukashenka')).toBeCloseTo(0.9, 5);
    expect(levenshteinSimilarity('', '')).toBe(1);
  });
});
