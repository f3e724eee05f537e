/**
 * The quality-assurance sample: a share of the cases triage found clean goes to an analyst anyway,
 * to measure what triage misses. The draw depends on the case id alone (a random UUID the service
 * assigns), never on anything about the person, so the sample cannot be steered by an applicant
 * and carries no bias; and it is deterministic, so a re-run of triage draws the same cases.
 */
import { ValidationError } from '../../shared/errors.js';
import { sha256Hex } from '../../shared/sha256.js';

/** 13 hex digits = 52 bits: exactly representable in a double, so the fraction is uniform. */
const HEX_DIGITS = 13;
const SCALE = 2 ** (HEX_DIGITS * 4);

/** The case's position in [0, 1), from the sha256 of its id. */
export function sampleFraction(caseId: string): number {
  return Number.parseInt(sha256Hex(caseId).slice(0, HEX_DIGITS), 16) / SCALE;
}

/** Whether the case is drawn for the QA sample at `rate` (0: never, 1: always). */
export function qaSampled(caseId: string, rate: number): boolean {
  if (!(rate >= 0 && rate <= 1)) {
    throw new ValidationError(
      `the QA sample rate must be from 0 to 1, not ${rate}`,
      'qa_sample_rate',
    );
  }
  return sampleFraction(caseId) < rate;
}
