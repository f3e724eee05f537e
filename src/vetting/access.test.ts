import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../shared/errors.js';
import {
  can,
  PERMISSIONS,
  PERMISSIONS_LIST,
  type Permission,
  permissionsOf,
  requirePermission,
} from './access.js';
import { type Actor, ROLES, type Role } from './types.js';

/**
 * The expected matrix, written out as the issue states it (x = allowed). Columns: migration
 * officer, analyst, supervisor, auditor, admin.
 */
const MATRIX: Readonly<Record<Permission, string>> = {
  'assessment.submit': 'x . . . .',
  'assessment.read': 'x . . . .',
  'case.list': '. x x . .',
  'case.read': '. x x . .',
  'case.assign': '. x x . .',
  'case.note': '. x x . .',
  'case.evidence': '. x x . .',
  'case.propose': '. x . . .',
  'case.decide': '. . x . .',
  'case.bulk_signoff': '. . x . .',
  'watchlist.read': '. x x . .',
  'watchlist.write': '. . x . .',
  'audit.read': '. . . x .',
  'statistics.read': '. . x x .',
  'users.manage': '. . . . x',
};
const COLUMNS: readonly Role[] = ['migration_officer', 'analyst', 'supervisor', 'auditor', 'admin'];

function user(...roles: Role[]): Actor {
  return { kind: 'user', userId: 7, username: 'u', roles, agency: null };
}

const CELLS = PERMISSIONS_LIST.flatMap((permission) =>
  COLUMNS.map((role, column) => {
    const allowed = MATRIX[permission].split(' ')[column] === 'x';
    return [permission, role, allowed] as const;
  }),
);

describe('the role × permission matrix', () => {
  it('covers every role and every permission', () => {
    expect([...COLUMNS].sort()).toEqual([...ROLES].sort());
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS_LIST].sort());
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...PERMISSIONS_LIST].sort());
  });

  it.each(CELLS)('%s for %s: %s', (permission, role, allowed) => {
    expect(can(user(role), permission)).toBe(allowed);
    if (allowed) expect(() => requirePermission(user(role), permission)).not.toThrow();
    else expect(() => requirePermission(user(role), permission)).toThrow(ForbiddenError);
  });
});

describe('can', () => {
  it('does not give admin everything', () => {
    expect(permissionsOf(['admin'])).toEqual(['users.manage']);
  });

  it('unions the permissions of several roles', () => {
    const both = user('analyst', 'supervisor');
    expect(can(both, 'case.propose')).toBe(true);
    expect(can(both, 'case.decide')).toBe(true);
    expect(can(both, 'audit.read')).toBe(false);
  });

  it('gives a user without roles nothing', () => {
    for (const permission of PERMISSIONS_LIST) expect(can(user(), permission)).toBe(false);
  });

  it('gives system actors nothing', () => {
    const triage: Actor = { kind: 'system', name: 'triage' };
    const delivery: Actor = { kind: 'system', name: 'delivery' };
    for (const permission of PERMISSIONS_LIST) {
      expect(can(triage, permission)).toBe(false);
      expect(can(delivery, permission)).toBe(false);
    }
  });

  it('names the permission when refusing', () => {
    expect(() => requirePermission(user('analyst'), 'case.decide')).toThrow(
      "permission 'case.decide' is required (held by: supervisor)",
    );
    try {
      requirePermission(user('admin'), 'audit.read');
    } catch (error) {
      expect((error as ForbiddenError).details).toEqual({ permission: 'audit.read' });
    }
  });
});
