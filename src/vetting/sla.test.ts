import { describe, expect, it } from 'vitest';
import { ParseError, ValidationError } from '../shared/errors.js';
import { DEFAULT_SLA_POLICY, deadlineFor, isOverdue, parseSlaPolicy, permitTypes } from './sla.js';
import type { CaseStatus } from './types.js';

describe('deadlineFor', () => {
  it.each([
    ['temporary_residence', '2026-03-31T09:15:00.000Z'],
    ['permanent_residence', '2026-04-30T09:15:00.000Z'],
    ['work_permit', '2026-03-21T09:15:00.000Z'],
    ['study_permit', '2026-03-21T09:15:00.000Z'],
    ['family_reunification', '2026-04-15T09:15:00.000Z'],
    ['humanitarian', '2026-03-16T09:15:00.000Z'],
  ])('%s counts calendar days', (permitType, deadline) => {
    expect(deadlineFor(permitType, '2026-03-01T09:15:00.000Z', DEFAULT_SLA_POLICY)).toBe(deadline);
  });

  it('counts weekends and keeps the UTC time of day across a DST change in Europe', () => {
    // 2026-03-29 is the EU's switch to summer time; the deadline stays 20 × 24 h later.
    expect(deadlineFor('work_permit', '2026-03-20T23:30:00+01:00', DEFAULT_SLA_POLICY)).toBe(
      '2026-04-09T22:30:00.000Z',
    );
  });

  it('lists the allowed types for an unknown one', () => {
    const call = () => deadlineFor('tourist_visa', '2026-03-01T00:00:00Z', DEFAULT_SLA_POLICY);
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(
      "unknown permit type 'tourist_visa' (allowed: family_reunification, humanitarian, " +
        'permanent_residence, study_permit, temporary_residence, work_permit)',
    );
    try {
      call();
    } catch (error) {
      expect((error as ValidationError).field).toBe('permit_type');
    }
  });

  it('does not take inherited object keys for permit types', () => {
    expect(() => deadlineFor('constructor', '2026-03-01T00:00:00Z', DEFAULT_SLA_POLICY)).toThrow(
      "unknown permit type 'constructor'",
    );
  });

  it('refuses a submission time that is not a time', () => {
    expect(() => deadlineFor('work_permit', 'yesterday', DEFAULT_SLA_POLICY)).toThrow(
      "'yesterday' is not an ISO 8601 time",
    );
  });
});

describe('isOverdue', () => {
  const deadline = '2026-03-21T09:15:00.000Z';
  const open = (status: CaseStatus) => ({ deadline, status });

  it('is overdue only after the deadline instant', () => {
    expect(isOverdue(open('in_review'), '2026-03-21T09:14:59.999Z')).toBe(false);
    expect(isOverdue(open('in_review'), deadline)).toBe(false);
    expect(isOverdue(open('in_review'), '2026-03-21T09:15:00.001Z')).toBe(true);
  });

  it.each([
    ['new', true],
    ['triaged', true],
    ['in_review', true],
    ['proposed', true],
    ['returned', true],
    ['approved', false],
    ['delivered', false],
  ] as const)('a %s case past its deadline: overdue %s', (status, overdue) => {
    expect(isOverdue(open(status), '2026-04-01T00:00:00Z')).toBe(overdue);
  });
});

describe('parseSlaPolicy', () => {
  const file = 'config/sla.json';

  function parseError(json: unknown): ParseError {
    try {
      parseSlaPolicy(json, file);
    } catch (error) {
      if (error instanceof ParseError) return error;
      throw error;
    }
    throw new Error('no error');
  }

  it('reads a policy file', () => {
    const policy = parseSlaPolicy(JSON.parse('{"days": {"work_permit": 10, "asylum": 90}}'), file);
    expect(permitTypes(policy)).toEqual(['asylum', 'work_permit']);
    expect(deadlineFor('asylum', '2026-01-01T00:00:00Z', policy)).toBe('2026-04-01T00:00:00.000Z');
    expect(() => deadlineFor('humanitarian', '2026-01-01T00:00:00Z', policy)).toThrow(
      '(allowed: asylum, work_permit)',
    );
  });

  it('accepts the default policy as written', () => {
    expect(parseSlaPolicy(JSON.parse(JSON.stringify(DEFAULT_SLA_POLICY)), file)).toEqual(
      DEFAULT_SLA_POLICY,
    );
  });

  it.each([
    [[], undefined, 'must be a JSON object'],
    [{ days: {}, extra: 1 }, 'extra', "unknown field 'extra'"],
    [{ days: [] }, 'days', 'must be an object'],
    [{ days: {} }, 'days', 'names no permit type'],
    [{ days: { work_permit: 0 } }, 'days.work_permit', 'from 1 to 365, not 0'],
    [{ days: { work_permit: 2.5 } }, 'days.work_permit', 'whole number'],
    [{ days: { work_permit: '20' } }, 'days.work_permit', 'not "20"'],
    [{ days: { 'Work Permit': 20 } }, 'days.Work Permit', 'must be snake_case'],
  ])('%j: names field %s', (json, field, problem) => {
    const error = parseError(json);
    expect(error.location).toEqual(field === undefined ? { file } : { file, field });
    expect(error.message).toContain(file);
    expect(error.message).toContain(problem);
  });
});
