/**
 * Birth-date qualifiers. A date never creates a match; it confirms or weakens a name match. Lists
 * give partial dates (`1954`, `1954-08`), several dates per person, and sometimes swap day and
 * month, so the comparison finds the strongest relation between any query date and any
 * candidate date.
 */
import { candidateLayout, DATE_STRIDE, dateBase, L_DATE_COUNT } from '../layout.js';
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

/** How two dates relate; a month or day not given is 0 (as `layout.ts` packs dates). */
function relateParts(
  aYear: number,
  aMonth: number,
  aDay: number,
  bYear: number,
  bMonth: number,
  bDay: number,
): DateRelation {
  if (aYear === bYear) {
    if (aMonth !== 0 && bMonth !== 0 && aDay !== 0 && bDay !== 0) {
      if (aMonth === bMonth && aDay === bDay) return 'exact';
      if (aMonth === bDay && aDay === bMonth) return 'day_month_swap';
      return 'same_year';
    }
    // One side gives only a year (or year and month): as precise as the less precise side.
    if (aMonth !== 0 && bMonth !== 0 && aMonth !== bMonth) return 'same_year';
    return aMonth === 0 || bMonth === 0 ? 'same_year' : 'exact';
  }
  if (Math.abs(aYear - bYear) === 1) return 'year_off_by_one';
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
  const packed = new Int32Array(candidate.length * DATE_STRIDE);
  candidate.forEach((date, i) => {
    packed[i * DATE_STRIDE] = date.year;
    packed[i * DATE_STRIDE + 1] = date.month ?? 0;
    packed[i * DATE_STRIDE + 2] = date.day ?? 0;
  });
  const relation = strongestRelation(query, packed, 0, candidate.length);
  if (relation === null) return null;
  return { relation, query: query[foundQuery]!, candidate: candidate[foundCandidate]! };
}

/** Which query date and which candidate date gave the last `strongestRelation`. */
let foundQuery = -1;
let foundCandidate = -1;

/**
 * The strongest relation between a query date and a candidate date packed as `layout.ts` packs
 * them (`count` dates from `base`), first found among equals; null when either side has none.
 */
function strongestRelation(
  query: readonly PartialDate[],
  ints: Int32Array,
  base: number,
  count: number,
): DateRelation | null {
  let best: DateRelation | null = null;
  foundQuery = -1;
  foundCandidate = -1;
  for (let qi = 0; qi < query.length; qi++) {
    const q = query[qi]!;
    const month = q.month ?? 0;
    const day = q.day ?? 0;
    for (let ci = 0; ci < count; ci++) {
      const slot = base + ci * DATE_STRIDE;
      const relation = relateParts(
        q.year,
        month,
        day,
        ints[slot]!,
        ints[slot + 1]!,
        ints[slot + 2]!,
      );
      if (best === null || RANK[relation] > RANK[best]) {
        best = relation;
        foundQuery = qi;
        foundCandidate = ci;
        if (relation === 'exact') return best;
      }
    }
  }
  return best;
}

/**
 * `compareDates` of a query's dates with a candidate's as packed in its layout, so that the
 * scoring loop does not fetch the candidate's date objects: the relation, and which query date
 * and which candidate date (by index) gave it. The five date features run one after another on
 * the same pair and records never change, so the last pair's answer is kept for the next four.
 */
let lastQuery: PreparedRecord | null = null;
let lastCandidate: PreparedRecord | null = null;
let lastRelation: DateRelation | null = null;
let lastQueryIndex = -1;
let lastCandidateIndex = -1;

function comparePair(query: PreparedRecord, candidate: PreparedRecord): DateRelation | null {
  if (query === lastQuery && candidate === lastCandidate) return lastRelation;
  let ints = candidate.layoutInts;
  let at = candidate.layoutAt;
  if (ints === null) {
    const layout = candidateLayout(candidate);
    ints = layout.ints;
    at = layout.at;
  }
  lastRelation = strongestRelation(
    query.birthDates,
    ints,
    dateBase(ints, at),
    ints[at + L_DATE_COUNT]!,
  );
  lastQuery = query;
  lastCandidate = candidate;
  lastQueryIndex = foundQuery;
  lastCandidateIndex = foundCandidate;
  return lastRelation;
}

/** A date feature that fired; the candidate's date object is fetched only for explanations. */
class DateResult implements FeatureResult {
  readonly score = 1;

  constructor(
    private readonly queryDate: PartialDate,
    private readonly candidateRecord: PreparedRecord,
    private readonly candidateIndex: number,
    private readonly relation: DateRelation,
  ) {}

  get query(): string {
    return this.queryDate.text;
  }

  get candidate(): string {
    return this.candidateRecord.birthDates[this.candidateIndex]!.text;
  }

  detail(): string {
    return `Birth dates: ${this.query} vs ${this.candidate} (${this.relation})`;
  }
}

/** 1 when the closest pair of birth dates stands in `relation` (a candidate without dates: 0). */
function dateValue(relation: DateRelation, query: PreparedRecord, candidate: PreparedRecord) {
  return query.birthDates.length > 0 && comparePair(query, candidate) === relation ? 1 : 0;
}

function dateFeature(relation: DateRelation, query: PreparedRecord, candidate: PreparedRecord) {
  if (dateValue(relation, query, candidate) === 0) return NO_MATCH;
  return new DateResult(query.birthDates[lastQueryIndex]!, candidate, lastCandidateIndex, relation);
}

function givesBirthDate(query: PreparedRecord): boolean {
  return query.birthDates.length > 0;
}

export const dobExact = defineFeature({
  name: 'dob_exact',
  kind: 'qualifier',
  description: 'Both sides give a birth date and one pair agrees to the precision both give.',
  firesFor: givesBirthDate,
  compare: (q, c) => dateFeature('exact', q, c),
  value: (q, c) => dateValue('exact', q, c),
});

export const dobDayMonthSwap = defineFeature({
  name: 'dob_day_month_swap',
  kind: 'qualifier',
  description:
    'Birth dates agree except that day and month are swapped (a common data-entry error).',
  firesFor: givesBirthDate,
  compare: (q, c) => dateFeature('day_month_swap', q, c),
  value: (q, c) => dateValue('day_month_swap', q, c),
});

export const dobSameYear = defineFeature({
  name: 'dob_same_year',
  kind: 'qualifier',
  description: 'Birth years agree but day or month differ.',
  firesFor: givesBirthDate,
  compare: (q, c) => dateFeature('same_year', q, c),
  value: (q, c) => dateValue('same_year', q, c),
});

export const dobYearOffByOne = defineFeature({
  name: 'dob_year_off_by_one',
  kind: 'qualifier',
  description: 'The closest birth years are one year apart (an approximate or mis-keyed year).',
  firesFor: givesBirthDate,
  compare: (q, c) => dateFeature('year_off_by_one', q, c),
  value: (q, c) => dateValue('year_off_by_one', q, c),
});

export const dobMismatch = defineFeature({
  name: 'dob_mismatch',
  kind: 'qualifier',
  description: 'Both sides give birth dates and every pair is at least two years apart.',
  firesFor: givesBirthDate,
  compare: (q, c) => dateFeature('mismatch', q, c),
  value: (q, c) => dateValue('mismatch', q, c),
});
