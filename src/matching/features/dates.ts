/**
 * Birth-date qualifiers. A date never creates a match; it confirms or weakens a name match. Lists
 * give partial dates (`1954`, `1954-08`), several dates per person, and sometimes swap day and
 * month, so the comparison finds the strongest relation between any query date and any
 * candidate date.
 */
import type { FeatureResult, PartialDate, PreparedRecord } from '../types.js';
import { defineFeature, NO_MATCH } from './define.js';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/u;

/** Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (and longer ISO stamps); null when it is none of them. */
export function parsePartialDate(text: string): PartialDate | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (year < 1000) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  return { year, month: month === 0 ? null : month, day: day === 0 ? null : day, text };
}

/** Relation between two sets of dates, strongest first. */
export type DateRelation =
  | 'exact'
  | 'day_month_swap'
  | 'same_year'
  | 'year_off_by_one'
  | 'mismatch';

const RANK: Readonly<Record<DateRelation, number>> = {
  exact: 4,
  day_month_swap: 3,
  same_year: 2,
  year_off_by_one: 1,
  mismatch: 0,
};

function relate(a: PartialDate, b: PartialDate): DateRelation {
  if (a.year === b.year) {
    if (a.month !== null && b.month !== null && a.day !== null && b.day !== null) {
      if (a.month === b.month && a.day === b.day) return 'exact';
      if (a.month === b.day && a.day === b.month) return 'day_month_swap';
      return 'same_year';
    }
    // One side gives only a year (or year and month): as precise as the less precise side.
    if (a.month !== null && b.month !== null && a.month !== b.month) return 'same_year';
    return a.month === null || b.month === null ? 'same_year' : 'exact';
  }
  if (Math.abs(a.year - b.year) === 1) return 'year_off_by_one';
  return 'mismatch';
}

export interface DateComparison {
  readonly relation: DateRelation;
  readonly query: PartialDate;
  readonly candidate: PartialDate;
}

/** The strongest relation between any two dates, or null when either side has none. */
export function compareDates(
  query: readonly PartialDate[],
  candidate: readonly PartialDate[],
): DateComparison | null {
  let best: DateComparison | null = null;
  for (const q of query) {
    for (const c of candidate) {
      const relation = relate(q, c);
      if (best === null || RANK[relation] > RANK[best.relation]) {
        best = { relation, query: q, candidate: c };
        if (relation === 'exact') return best;
      }
    }
  }
  return best;
}

function dateFeature(relation: DateRelation, query: PreparedRecord, candidate: PreparedRecord) {
  if (query.birthDates.length === 0 || candidate.birthDates.length === 0) return NO_MATCH;
  const found = compareDates(query.birthDates, candidate.birthDates);
  if (found === null || found.relation !== relation) return NO_MATCH;
  const result: FeatureResult = {
    score: 1,
    query: found.query.text,
    candidate: found.candidate.text,
    detail: () => `Birth dates: ${found.query.text} vs ${found.candidate.text} (${relation})`,
  };
  return result;
}

export const dobExact = defineFeature({
  name: 'dob_exact',
  kind: 'qualifier',
  description: 'Both sides give a birth date and one pair agrees to the precision both give.',
  compare: (q, c) => dateFeature('exact', q, c),
});

export const dobDayMonthSwap = defineFeature({
  name: 'dob_day_month_swap',
  kind: 'qualifier',
  description:
    'Birth dates agree except that day and month are swapped (a common data-entry error).',
  compare: (q, c) => dateFeature('day_month_swap', q, c),
});

export const dobSameYear = defineFeature({
  name: 'dob_same_year',
  kind: 'qualifier',
  description: 'Birth years agree but day or month differ.',
  compare: (q, c) => dateFeature('same_year', q, c),
});

export const dobYearOffByOne = defineFeature({
  name: 'dob_year_off_by_one',
  kind: 'qualifier',
  description: 'The closest birth years are one year apart (an approximate or mis-keyed year).',
  compare: (q, c) => dateFeature('year_off_by_one', q, c),
});

export const dobMismatch = defineFeature({
  name: 'dob_mismatch',
  kind: 'qualifier',
  description: 'Both sides give birth dates and every pair is at least two years apart.',
  compare: (q, c) => dateFeature('mismatch', q, c),
});
