import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../sla.js';
import type { TriageHit, TriageResult, VettingCase } from '../types.js';
import { generateApplications } from './generate-year.js';
import { SeededRandom } from './random.js';
import { demoCase, judge, seededUuid, workingTime } from './seed-year.js';

/** The pure parts of the demo seed; `test/integration/demo-seed.test.ts` runs it on a store. */

const [application] = generateApplications({
  count: 1,
  seed: 3,
  year: 2025,
  persons: [],
  organisations: [],
});

function triaged(result: Partial<TriageResult>): VettingCase {
  const base = demoCase(application!, '00000000-0000-4000-8000-000000000001', DEFAULT_SLA_POLICY);
  return {
    ...base,
    status: 'triaged',
    triage: {
      at: base.submittedAt,
      screenedAgainst: ['un@1'],
      hits: [],
      indicators: [],
      routing: 'flagged',
      reasons: [],
      ...result,
    },
  };
}

function hit(overrides: Partial<TriageHit>): TriageHit {
  return {
    subject: 'applicant',
    employmentIndex: null,
    source: 'sanctions',
    entityId: 'un:1',
    list: 'un',
    caption: 'Listed Person',
    score: 0.9,
    match: true,
    explanation: {},
    ...overrides,
  };
}

describe('seededUuid', () => {
  it('makes version-4 UUIDs, the same ones for the same seed', () => {
    const first = seededUuid(new SeededRandom(1));
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(seededUuid(new SeededRandom(1))).toBe(first);
    expect(seededUuid(new SeededRandom(2))).not.toBe(first);
  });
});

describe('workingTime', () => {
  const random = new SeededRandom(5);
  it('keeps a working-hours instant and moves evenings and weekends to a working morning', () => {
    const tuesdayNoon = Date.parse('2025-03-04T12:00:00.000Z');
    expect(workingTime(tuesdayNoon, random)).toBe(tuesdayNoon);
    const tuesdayNight = new Date(workingTime(Date.parse('2025-03-04T20:00:00.000Z'), random));
    expect(tuesdayNight.toISOString().slice(0, 10)).toBe('2025-03-05');
    expect(tuesdayNight.getUTCHours()).toBeGreaterThanOrEqual(7);
    expect(tuesdayNight.getUTCHours()).toBeLessThan(10);
    const saturday = new Date(workingTime(Date.parse('2025-03-08T10:00:00.000Z'), random));
    expect(saturday.toISOString().slice(0, 10)).toBe('2025-03-10');
    const early = new Date(workingTime(Date.parse('2025-03-04T03:00:00.000Z'), random));
    expect(early.toISOString().slice(0, 10)).toBe('2025-03-04');
    expect(early.getUTCHours()).toBeGreaterThanOrEqual(7);
  });
});

describe('demoCase', () => {
  it('builds a new case as a submission would: parsed request, deadline from the SLA policy', () => {
    const built = demoCase(
      application!,
      '00000000-0000-4000-8000-000000000001',
      DEFAULT_SLA_POLICY,
    );
    expect(built).toMatchObject({ status: 'new', agency: 'demo-migration', revision: 0 });
    const days = DEFAULT_SLA_POLICY.days[built.permitType]!;
    expect(Date.parse(built.deadline) - Date.parse(built.submittedAt)).toBe(days * 86_400_000);
    expect(built.applicant.names).toEqual(application!.body.applicant.names);
  });
});

describe('judge', () => {
  it('concludes a threat only when triage put the planted reason in front of the analyst', () => {
    const listed = { kind: 'list_person', entityId: 'un:1' } as const;
    expect(judge(triaged({ hits: [hit({})] }), listed).conclusion).toBe('threat');
    // Another listed person with a similar name is a false positive.
    expect(judge(triaged({ hits: [hit({ entityId: 'un:2' })] }), listed).conclusion).toBe(
      'no_objection',
    );

    const employer = { kind: 'designated_employer', entityId: 'eu:7' } as const;
    const employerHit = hit({ subject: 'employer', employmentIndex: 0, entityId: 'eu:7' });
    expect(judge(triaged({ hits: [employerHit] }), employer).conclusion).toBe('threat');

    const strong = { kind: 'background', category: 'armed_forces', strong: true } as const;
    const indicator = {
      ruleId: 'armed_forces',
      category: 'armed_forces',
      employmentIndex: 0,
      explanation: 'x',
      evidence: 'воинская часть',
    } as const;
    expect(judge(triaged({ indicators: [indicator] }), strong).conclusion).toBe('threat');
    expect(judge(triaged({}), strong).conclusion).toBe('no_objection');
    expect(
      judge(triaged({ indicators: [indicator] }), { ...strong, strong: false }).conclusion,
    ).toBe('no_objection');
    expect(judge(triaged({ routing: 'qa_sample' }), { kind: 'clean' })).toEqual({
      conclusion: 'no_objection',
      reasoning: 'QA review of a clean case: nothing of concern.',
    });
  });
});
