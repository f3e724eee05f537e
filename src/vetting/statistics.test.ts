import { describe, expect, it } from 'vitest';
import { SeededRandom } from './demo/random.js';
import type { StatisticsRow } from './ports.js';
import {
  computeStatistics,
  daysBetween,
  nearestRank,
  primaryCategory,
  type StatisticsReport,
} from './statistics.js';
import { RISK_CATEGORIES } from './types.js';

async function* stream(rows: readonly StatisticsRow[]): AsyncIterable<StatisticsRow> {
  yield* rows;
}

let nextId = 0;
function row(overrides: Partial<StatisticsRow>): StatisticsRow {
  nextId += 1;
  return {
    caseId: `case-${nextId}`,
    permitType: 'temporary_residence',
    citizenship: ['BY'],
    status: 'triaged',
    conclusion: null,
    submittedAt: '2025-03-01T00:00:00.000Z',
    concludedAt: null,
    deadline: '2025-03-31T00:00:00.000Z',
    categories: [],
    flagged: false,
    ...overrides,
  };
}

function concluded(
  conclusion: 'threat' | 'no_objection',
  submittedAt: string,
  concludedAt: string,
  overrides: Partial<StatisticsRow> = {},
): StatisticsRow {
  return row({ status: 'delivered', conclusion, submittedAt, concludedAt, ...overrides });
}

/**
 * The nearest-rank percentile by its other definition: the smallest observed value v such that at
 * least p % of the values are <= v. Quadratic, on purpose: nothing shared with the sorted version.
 */
function bruteForcePercentile(values: readonly number[], percent: number): number | null {
  let best: number | null = null;
  for (const candidate of values) {
    const atOrBelow = values.filter((value) => value <= candidate).length;
    if (atOrBelow * 100 >= percent * values.length && (best === null || candidate < best)) {
      best = candidate;
    }
  }
  return best;
}

describe('nearestRank', () => {
  it('takes the value at rank ceil(p/100 * n), the lower middle value for an even n', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([7], 95)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5], 50)).toBe(3);
    // 20 values: rank ceil(0.95 * 20) = 19.
    const twenty = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(nearestRank(twenty, 95)).toBe(19);
    // 21 values: rank ceil(19.95) = 20.
    expect(nearestRank([...twenty, 21], 95)).toBe(20);
    expect(nearestRank(twenty, 100)).toBe(20);
    expect(nearestRank(twenty, 0)).toBe(1);
    expect(() => nearestRank(twenty, 101)).toThrow(RangeError);
  });

  it('agrees with the brute-force definition on random data', () => {
    const random = new SeededRandom(2025);
    for (let trial = 0; trial < 200; trial += 1) {
      const n = random.int(1, 60);
      // Few distinct values, so ties are common.
      const values = Array.from({ length: n }, () => random.int(0, 25) / 4);
      const sorted = [...values].sort((a, b) => a - b);
      for (const percent of [1, 25, 50, 90, 95, 99, 100]) {
        expect(nearestRank(sorted, percent)).toBe(bruteForcePercentile(values, percent));
      }
    }
  });
});

describe('primaryCategory', () => {
  it('counts a case under its first category in RISK_CATEGORIES order, else none', () => {
    expect(primaryCategory([])).toBe('none');
    expect(primaryCategory(['armed_forces'])).toBe('armed_forces');
    expect(primaryCategory(['military_industry', 'designated_employer'])).toBe(
      'designated_employer',
    );
    expect(primaryCategory(['military_industry', 'internal_affairs', 'armed_forces'])).toBe(
      'internal_affairs',
    );
    // A category this build does not know ranks after the known ones.
    expect(primaryCategory(['future_rule', 'armed_forces'])).toBe('armed_forces');
  });
});

describe('computeStatistics on a hand-checked table', () => {
  const rows: StatisticsRow[] = [
    // 1. BY, designated employer, threat after 2 days (deadline in 30): on time.
    concluded('threat', '2025-01-10T00:00:00.000Z', '2025-01-12T00:00:00.000Z', {
      citizenship: ['BY', 'RU'],
      categories: ['armed_forces', 'designated_employer'],
      deadline: '2025-02-09T00:00:00.000Z',
      flagged: true,
    }),
    // 2. BY, internal affairs, threat after 40 days (deadline in 30): late.
    concluded('threat', '2025-01-20T00:00:00.000Z', '2025-03-01T00:00:00.000Z', {
      categories: ['internal_affairs'],
      deadline: '2025-02-19T00:00:00.000Z',
      flagged: true,
    }),
    // 3. UA, no category, threat after 10.5 days (a list hit without a background indicator).
    concluded('threat', '2025-02-01T00:00:00.000Z', '2025-02-11T12:00:00.000Z', {
      citizenship: ['UA'],
      deadline: '2025-03-03T00:00:00.000Z',
      flagged: true,
    }),
    // 4. BY, clean, no objection after 1 day.
    concluded('no_objection', '2025-02-01T00:00:00.000Z', '2025-02-02T00:00:00.000Z', {
      deadline: '2025-03-03T00:00:00.000Z',
    }),
    // 5. BY, clean, no objection after 3 days.
    concluded('no_objection', '2025-06-15T00:00:00.000Z', '2025-06-18T00:00:00.000Z', {
      deadline: '2025-07-15T00:00:00.000Z',
    }),
    // 6. KZ, armed forces, open, deadline passed in November: overdue at the year end.
    row({
      citizenship: ['KZ'],
      status: 'in_review',
      submittedAt: '2025-10-01T00:00:00.000Z',
      deadline: '2025-11-01T00:00:00.000Z',
      categories: ['armed_forces'],
      flagged: true,
    }),
    // 7. No citizenship, open, deadline next year: not a breach.
    row({
      citizenship: [],
      status: 'triaged',
      submittedAt: '2025-12-20T00:00:00.000Z',
      deadline: '2026-01-19T00:00:00.000Z',
    }),
    // 8. Submitted the year before: ignored whatever it holds.
    concluded('threat', '2024-12-31T23:59:59.999Z', '2025-01-05T00:00:00.000Z', {
      deadline: '2025-01-01T00:00:00.000Z',
    }),
  ];

  let report: StatisticsReport;
  it('counts, shares, percentiles, breaches and months', async () => {
    report = await computeStatistics(stream(rows), 2025, '2026-01-15T00:00:00.000Z');
    expect(report).toMatchObject({
      year: 2025,
      assessments: 7,
      concluded: 5,
      threats: 3,
      noObjections: 2,
      pending: 2,
      flagged: 4,
      slaBreaches: 2,
      slaBreachDetail: { concludedLate: 1, openOverdue: 1 },
      slaCutoff: '2026-01-01T00:00:00.000Z',
    });
    // Processing days sorted: 1, 2, 3, 10.5, 40 -> median rank 3 = 3; p95 rank ceil(4.75) = 5.
    expect(report.processingDays).toEqual({ median: 3, p95: 40 });
    expect(report.byCitizenship).toEqual([
      { citizenship: 'BY', assessments: 4, threats: 2, shareOfThreats: 2 / 3 },
      { citizenship: 'KZ', assessments: 1, threats: 0, shareOfThreats: 0 },
      { citizenship: 'UA', assessments: 1, threats: 1, shareOfThreats: 1 / 3 },
      { citizenship: 'unknown', assessments: 1, threats: 0, shareOfThreats: 0 },
    ]);
    expect(report.byCategory).toEqual([
      { category: 'none', assessments: 4, threats: 1, shareOfThreats: 1 / 3 },
      { category: 'armed_forces', assessments: 1, threats: 0, shareOfThreats: 0 },
      { category: 'designated_employer', assessments: 1, threats: 1, shareOfThreats: 1 / 3 },
      { category: 'internal_affairs', assessments: 1, threats: 1, shareOfThreats: 1 / 3 },
    ]);
    const months = Object.fromEntries(
      report.monthly.map((month) => [month.month, [month.assessments, month.threats]]),
    );
    expect(months).toEqual({
      1: [2, 2],
      2: [2, 1],
      3: [0, 0],
      4: [0, 0],
      5: [0, 0],
      6: [1, 0],
      7: [0, 0],
      8: [0, 0],
      9: [0, 0],
      10: [1, 0],
      11: [0, 0],
      12: [1, 0],
    });
  });

  it('judges open cases at the generation time when the year has not ended', async () => {
    const midYear = await computeStatistics(stream(rows), 2025, '2025-10-15T00:00:00.000Z');
    // Case 6's deadline (1 November) has not passed yet on 15 October.
    expect(midYear.slaBreachDetail).toEqual({ concludedLate: 1, openOverdue: 0 });
    expect(midYear.slaCutoff).toBe('2025-10-15T00:00:00.000Z');
  });

  it('reports an empty year without dividing by zero', async () => {
    const empty = await computeStatistics(stream([]), 2030, '2031-01-01T00:00:00.000Z');
    expect(empty.assessments).toBe(0);
    expect(empty.processingDays).toEqual({ median: null, p95: null });
    expect(empty.byCitizenship).toEqual([]);
    expect(empty.monthly).toHaveLength(12);
  });

  it('rejects a year or generation time that is not one', async () => {
    await expect(computeStatistics(stream([]), 25, '2025-01-01T00:00:00Z')).rejects.toThrow(
      RangeError,
    );
    await expect(computeStatistics(stream([]), 2025, 'yesterday')).rejects.toThrow(RangeError);
  });
});

describe('computeStatistics on random data', () => {
  it('matches a brute-force recount, and the threat shares sum to 1', async () => {
    const random = new SeededRandom(7);
    const citizenships = ['BY', 'UA', 'RU', 'KZ', 'UZ'];
    const rows: StatisticsRow[] = [];
    for (let index = 0; index < 3000; index += 1) {
      const submitted = Date.UTC(2025, 0, 1) + random.int(-20, 385) * 86_400_000;
      const deadline = submitted + random.pick([10, 30, 60]) * 86_400_000;
      const isConcluded = random.chance(0.8);
      const concludedAt = submitted + random.int(0, 9000) * 864_000; // 0..90 days in 0.01 steps
      rows.push(
        row({
          citizenship: random.chance(0.05) ? [] : [random.pick(citizenships)],
          categories: random.chance(0.7)
            ? []
            : [random.pick(RISK_CATEGORIES), random.pick(RISK_CATEGORIES)],
          conclusion: isConcluded ? (random.chance(0.1) ? 'threat' : 'no_objection') : null,
          status: isConcluded ? 'approved' : 'in_review',
          submittedAt: new Date(submitted).toISOString(),
          concludedAt: isConcluded ? new Date(concludedAt).toISOString() : null,
          deadline: new Date(deadline).toISOString(),
          flagged: random.chance(0.2),
        }),
      );
    }
    const generatedAt = '2026-02-01T00:00:00.000Z';
    const report = await computeStatistics(stream(rows), 2025, generatedAt);

    const inYear = rows.filter((r) => r.submittedAt.startsWith('2025-'));
    const done = inYear.filter((r) => r.conclusion !== null);
    const threatRows = done.filter((r) => r.conclusion === 'threat');
    const days = done.map((r) => daysBetween(r.submittedAt, r.concludedAt!));
    const yearEnd = '2026-01-01T00:00:00.000Z';
    const breaches = inYear.filter((r) =>
      r.concludedAt !== null ? r.concludedAt > r.deadline : r.deadline < yearEnd,
    ).length;

    expect(report.assessments).toBe(inYear.length);
    expect(report.concluded).toBe(done.length);
    expect(report.threats).toBe(threatRows.length);
    expect(report.threats).toBeGreaterThan(100);
    expect(report.processingDays.median).toBe(bruteForcePercentile(days, 50));
    expect(report.processingDays.p95).toBe(bruteForcePercentile(days, 95));
    expect(report.slaBreaches).toBe(breaches);
    expect(report.monthly.reduce((sum, month) => sum + month.assessments, 0)).toBe(inYear.length);
    expect(report.monthly.reduce((sum, month) => sum + month.threats, 0)).toBe(report.threats);

    for (const groups of [report.byCitizenship, report.byCategory]) {
      const share = groups.reduce((sum, group) => sum + group.shareOfThreats, 0);
      expect(share).toBeCloseTo(1, 12);
      expect(groups.reduce((sum, group) => sum + group.assessments, 0)).toBe(inYear.length);
    }
    for (const code of [...citizenships, 'unknown']) {
      const expected = threatRows.filter((r) => (r.citizenship[0] ?? 'unknown') === code).length;
      expect(report.byCitizenship.find((group) => group.citizenship === code)?.threats).toBe(
        expected,
      );
    }
  });
});
