import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../shared/errors.js';
import {
  assertTransition,
  CaseTransitionError,
  canTransition,
  externalStatus,
  isConcluded,
  TRANSITION_PAIRS,
  TRANSITIONS,
  transitionPairsSql,
} from './case-status.js';
import { CASE_STATUSES, type CaseStatus } from './types.js';

/** The graph, written out independently of the table under test. */
const ALLOWED = new Set([
  'new>triaged',
  'triaged>in_review',
  'triaged>proposed',
  'in_review>proposed',
  'proposed>approved',
  'proposed>returned',
  'returned>in_review',
  'returned>proposed',
  'approved>delivered',
]);

const ALL_PAIRS = CASE_STATUSES.flatMap((from) => CASE_STATUSES.map((to) => [from, to] as const));

describe('case transitions', () => {
  it.each(ALL_PAIRS)('%s -> %s follows the issue graph', (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to, 'c-1')).not.toThrow();
    else expect(() => assertTransition(from, to, 'c-1')).toThrow(InvalidTransitionError);
  });

  it('names the case, the state and the target in the error', () => {
    let caught: unknown;
    try {
      assertTransition('delivered', 'in_review', 'case-42');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CaseTransitionError);
    const error = caught as CaseTransitionError;
    expect(error.code).toBe('invalid_transition');
    expect(error.message).toBe("case case-42 cannot move from 'delivered' to 'in_review'");
    expect(error.details).toEqual({ caseId: 'case-42', from: 'delivered', to: 'in_review' });
    expect(error.caseId).toBe('case-42');
  });

  it('never allows staying in place or leaving delivered', () => {
    for (const status of CASE_STATUSES) expect(canTransition(status, status)).toBe(false);
    expect(TRANSITIONS.delivered).toEqual([]);
  });

  it('lists exactly the allowed pairs for the database trigger', () => {
    expect(new Set(TRANSITION_PAIRS.map(([from, to]) => `${from}>${to}`))).toEqual(ALLOWED);
    expect(TRANSITION_PAIRS).toHaveLength(ALLOWED.size);
    const sql = transitionPairsSql();
    const rows = [...sql.matchAll(/\('([a-z_]+)', '([a-z_]+)'\)/g)].map((m) => `${m[1]}>${m[2]}`);
    expect(new Set(rows)).toEqual(ALLOWED);
    expect(sql.startsWith("('new', 'triaged')")).toBe(true);
  });
});

describe('what the migration authority sees', () => {
  const expected: Record<CaseStatus, string> = {
    new: 'received',
    triaged: 'in_progress',
    in_review: 'in_progress',
    proposed: 'in_progress',
    returned: 'in_progress',
    approved: 'concluded',
    delivered: 'concluded',
  };

  it.each(CASE_STATUSES)('%s', (status) => {
    expect(externalStatus(status)).toBe(expected[status]);
    expect(isConcluded(status)).toBe(expected[status] === 'concluded');
  });

  it('cannot tell a flagged case from a clean one while in progress', () => {
    expect(externalStatus('in_review')).toBe(externalStatus('proposed'));
  });
});
