/**
 * Service-level deadlines per permit type. A deadline is counted in calendar days from submission
 * to the same time of day, in UTC: the migration authority's own decision deadlines are calendar
 * days, calendar days need no holiday calendar that would have to be kept current per country,
 * and an instant in UTC is the same deadline for every office and every server time zone.
 */
import { ParseError, ValidationError } from '../shared/errors.js';
import { isConcluded } from './case-status.js';
import type { VettingCase } from './types.js';

export interface SlaPolicy {
  /** Permit type → calendar days from submission to the deadline. */
  readonly days: Readonly<Record<string, number>>;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = Object.freeze({
  days: Object.freeze({
    temporary_residence: 30,
    permanent_residence: 60,
    work_permit: 20,
    study_permit: 20,
    family_reunification: 45,
    humanitarian: 15,
  }),
});

const DAY_MS = 86_400_000;
/** Longer than any real deadline: a larger number in a policy file is a typo. */
const MAX_DAYS = 365;
const PERMIT_TYPE = /^[a-z][a-z0-9_]{0,63}$/u;

/** The permit types a policy knows, sorted (for messages and API documentation). */
export function permitTypes(policy: SlaPolicy): string[] {
  return Object.keys(policy.days).sort();
}

/**
 * The deadline of a request submitted at `submittedAt` (ISO 8601), as an ISO instant. Throws a
 * `ValidationError` on field `permit_type` listing the allowed types when the type is unknown,
 * since that is the request field the migration authority has to correct.
 */
export function deadlineFor(permitType: string, submittedAt: string, policy: SlaPolicy): string {
  const days = Object.hasOwn(policy.days, permitType) ? policy.days[permitType] : undefined;
  if (days === undefined) {
    throw new ValidationError(
      `unknown permit type '${permitType}' (allowed: ${permitTypes(policy).join(', ')})`,
      'permit_type',
    );
  }
  const start = Date.parse(submittedAt);
  if (Number.isNaN(start)) {
    throw new ValidationError(`'${submittedAt}' is not an ISO 8601 time`, 'submitted_at');
  }
  return new Date(start + days * DAY_MS).toISOString();
}

/**
 * Whether the case is past its deadline at `at` and not yet concluded. A case concluded late is
 * no longer overdue (its breach is counted by statistics from `concludedAt`), and the deadline
 * instant itself is still in time.
 */
export function isOverdue(
  vettingCase: Pick<VettingCase, 'deadline' | 'status'>,
  at: string,
): boolean {
  if (isConcluded(vettingCase.status)) return false;
  return Date.parse(at) > Date.parse(vettingCase.deadline);
}

/**
 * Reads a policy file's JSON (`{"days": {"work_permit": 20, ...}}`, the shape of `SlaPolicy`).
 * The file states the whole policy: types it leaves out are not accepted. Errors are `ParseError`s
 * naming the file and the field (`days.work_permit`).
 */
export function parseSlaPolicy(json: unknown, file: string): SlaPolicy {
  if (!isPlainObject(json)) {
    throw new ParseError({ file }, 'an SLA policy must be a JSON object with a "days" object');
  }
  for (const key of Object.keys(json)) {
    if (key !== 'days') throw new ParseError({ file, field: key }, `unknown field '${key}'`);
  }
  const rawDays = json.days;
  if (!isPlainObject(rawDays)) {
    throw new ParseError(
      { file, field: 'days' },
      'must be an object mapping permit types to calendar days',
    );
  }
  const days: Record<string, number> = {};
  for (const [permitType, value] of Object.entries(rawDays)) {
    const field = `days.${permitType}`;
    if (!PERMIT_TYPE.test(permitType)) {
      throw new ParseError(
        { file, field },
        `permit type '${permitType}' must be snake_case (a-z, 0-9, _), starting with a letter`,
      );
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DAYS) {
      throw new ParseError(
        { file, field },
        `must be a whole number of calendar days from 1 to ${MAX_DAYS}, not ${JSON.stringify(value)}`,
      );
    }
    days[permitType] = value;
  }
  if (Object.keys(days).length === 0) {
    throw new ParseError({ file, field: 'days' }, 'names no permit type');
  }
  return Object.freeze({ days: Object.freeze(days) });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
