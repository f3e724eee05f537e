import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../shared/errors.js';
import { assertFourEyes, assertMayPropose } from './four-eyes.js';
import type { Actor, Conclusion, Proposal, Role } from './types.js';

function user(userId: number, ...roles: Role[]): Actor {
  return { kind: 'user', userId, username: `user${userId}`, roles, agency: null };
}

function proposal(proposedByUserId: number | null, conclusion: Conclusion = 'threat'): Proposal {
  return {
    conclusion,
    reasoning: 'employer on the EU list',
    proposedBy: proposedByUserId === null ? 'system:triage' : `user:user${proposedByUserId}`,
    proposedByUserId,
    proposedAt: '2026-03-01T10:00:00.000Z',
  };
}

const triage: Actor = { kind: 'system', name: 'triage' };
const delivery: Actor = { kind: 'system', name: 'delivery' };

describe('assertFourEyes', () => {
  it('lets another person approve', () => {
    expect(() => assertFourEyes(proposal(1), user(2, 'supervisor'))).not.toThrow();
  });

  it('refuses the proposer, whatever their roles', () => {
    for (const roles of [['supervisor'], ['analyst', 'supervisor'], ['admin', 'supervisor']]) {
      const approve = () => assertFourEyes(proposal(1), user(1, ...(roles as Role[])));
      expect(approve).toThrow(ForbiddenError);
      expect(approve).toThrow('the user who proposed this conclusion cannot approve it');
    }
  });

  it('lets a person approve what triage proposed', () => {
    expect(() =>
      assertFourEyes(proposal(null, 'no_objection'), user(3, 'supervisor')),
    ).not.toThrow();
  });

  it('never lets a system actor approve', () => {
    for (const actor of [triage, delivery]) {
      expect(() => assertFourEyes(proposal(null, 'no_objection'), actor)).toThrow(ForbiddenError);
      expect(() => assertFourEyes(proposal(1), actor)).toThrow(
        'only a person can approve a conclusion',
      );
    }
  });
});

describe('assertMayPropose', () => {
  it('lets triage propose no_objection and nothing else', () => {
    expect(() => assertMayPropose(triage, 'no_objection')).not.toThrow();
    expect(() => assertMayPropose(triage, 'threat')).toThrow(
      "automated triage may only propose 'no_objection'; 'threat' needs a human analyst",
    );
  });

  it('lets no other system actor propose', () => {
    expect(() => assertMayPropose(delivery, 'no_objection')).toThrow(ForbiddenError);
  });

  it('lets analysts propose either conclusion', () => {
    for (const conclusion of ['threat', 'no_objection'] as const) {
      expect(() => assertMayPropose(user(1, 'analyst'), conclusion)).not.toThrow();
    }
  });

  it('refuses users without the analyst role', () => {
    for (const role of ['supervisor', 'auditor', 'admin', 'migration_officer'] as const) {
      expect(() => assertMayPropose(user(1, role), 'threat')).toThrow(
        "permission 'case.propose' is required",
      );
    }
  });
});
