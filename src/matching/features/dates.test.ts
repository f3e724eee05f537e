import { describe, expect, it } from 'vitest';
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
