import { describe, expect, it } from 'vitest';
import { e } from '../../model/testing.js';
import { sargasV1 } from '../algorithms/sargas-v1.js';
import { prepareEntity } from '../prepare.js';
import { QueryScorer } from '../score.js';
import type { PartialDate } from '../types.js';
import { compareDates, parsePartialDate } from './dates.js';

function dates(...texts: string[]): PartialDate[] {
  return texts.map((text) => {
    const date = parsePartialDate(text);
    if (date === null) throw new Error(`bad test date ${text}`);
    return date;
  });
}

describe('parsePartialDate', () => {
  it('reads years, months and days', () => {
    expect(parsePartialDate('1954')).toMatchObject({ year: 1954, month: null, day: null });
    expect(parsePartialDate('1954-08')).toMatchObject({ year: 1954, month: 8, day: null });
    expect(parsePartialDate('1954-08-30')).toMatchObject({ year: 1954, month: 8, day: 30 });
  });
  it('rejects what is not a date', () => {
    expect(parsePartialDate('30.08.1954')).toBeNull();
    expect(parsePartialDate('1954-13-01')).toBeNull();
    expect(parsePartialDate('')).toBeNull();
  });
});

describe('compareDates', () => {
  it.each([
    [['1954-08-30'], ['1954-08-30'], 'exact'],
    [['1954'], ['1954-08-30'], 'same_year'],
    [['1954-08-03'], ['1954-03-08'], 'day_month_swap'],
    [['1954-01-01'], ['1954-08-30'], 'same_year'],
    [['1955-08-30'], ['1954-08-30'], 'year_off_by_one'],
    [['1960-08-30'], ['1954-08-30'], 'mismatch'],
    [['1960', '1954-08-30'], ['1954-08-30'], 'exact'],
  ] as const)('%j vs %j is %s', (q, c, relation) => {
    expect(compareDates(dates(...q), dates(...c))?.relation).toBe(relation);
  });
  it('says nothing when a side has no date', () => {
    expect(compareDates([], dates('1954'))).toBeNull();
  });
});

describe('birth-date features', () => {
  it('compare the candidate dates packed in its layout and explain them with the listed texts', () => {
    const query = prepareEntity(
      e('Person', { name: 'Ivan Petrov', birthDate: '1954-08-03' }),
      true,
    );
    const candidate = prepareEntity(
      e('Person', { name: 'Ivan PETROV', birthDate: ['1949', '1954-03-08'] }),
    );
    const scorer = new QueryScorer(query, sargasV1);
    const fired = scorer.fired(scorer.score(candidate));
    const dates = fired.filter(({ feature }) => feature.name.startsWith('dob_'));
    expect(dates.map(({ feature }) => feature.name)).toEqual(['dob_day_month_swap']);
    expect(dates[0]?.result).toMatchObject({ query: '1954-08-03', candidate: '1954-03-08' });
    expect(dates[0]?.result.detail?.()).toBe(
      'Birth dates: 1954-08-03 vs 1954-03-08 (day_month_swap)',
    );
  });

  it('say nothing when the candidate gives no date', () => {
    const query = prepareEntity(e('Person', { name: 'Ivan Petrov', birthDate: '1954' }), true);
    const scorer = new QueryScorer(query, sargasV1);
    const fired = scorer.fired(scorer.score(prepareEntity(e('Person', { name: 'Ivan Petrov' }))));
    expect(fired.some(({ feature }) => feature.name.startsWith('dob_'))).toBe(false);
  });
});
