/**
 * Who may do what, as data. Every use case calls `requirePermission` itself (whichever interface
 * calls it), and the API checks the same table per route. Least privilege: each role holds only
 * what its work needs; `admin` manages users and sees no case, no audit log and no statistics.
 */
import { ForbiddenError } from '../shared/errors.js';
import type { Actor, Role } from './types.js';

export const PERMISSIONS_LIST = [
  'assessment.submit',
  'assessment.read',
  'case.list',
  'case.read',
  'case.assign',
  'case.note',
  'case.evidence',
  'case.propose',
  'case.decide',
  'case.bulk_signoff',
  'watchlist.read',
  'watchlist.write',
  'audit.read',
  'statistics.read',
  'users.manage',
] as const;
export type Permission = (typeof PERMISSIONS_LIST)[number];

const CASE_WORKERS: readonly Role[] = ['analyst', 'supervisor'];

/**
 * The roles holding each permission. Proposing and deciding are split between analyst and
 * supervisor, which is the role half of the four-eyes rule (`four-eyes.ts` adds the person half:
 * a user holding both roles still cannot approve their own proposal).
 */
export const PERMISSIONS: Readonly<Record<Permission, readonly Role[]>> = Object.freeze({
  'assessment.submit': ['migration_officer'],
  'assessment.read': ['migration_officer'],
  'case.list': CASE_WORKERS,
  'case.read': CASE_WORKERS,
  'case.assign': CASE_WORKERS,
  'case.note': CASE_WORKERS,
  'case.evidence': CASE_WORKERS,
  'case.propose': ['analyst'],
  'case.decide': ['supervisor'],
  'case.bulk_signoff': ['supervisor'],
  'watchlist.read': CASE_WORKERS,
  'watchlist.write': ['supervisor'],
  'audit.read': ['auditor'],
  'statistics.read': ['auditor', 'supervisor'],
  'users.manage': ['admin'],
});

/**
 * Whether the actor holds the permission. System actors (triage, delivery) hold none: what they
 * do is not an act on behalf of a role, and each use case that lets them act states its own
 * narrow exception (triage may propose `no_objection`, see `assertMayPropose`).
 */
export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind !== 'user') return false;
  const holders = PERMISSIONS[permission];
  return actor.roles.some((role) => holders.includes(role));
}

/** Throws a `ForbiddenError` naming the permission and the roles that hold it. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (can(actor, permission)) return;
  throw new ForbiddenError(
    `permission '${permission}' is required (held by: ${PERMISSIONS[permission].join(', ')})`,
    { permission },
  );
}

/** The permissions a set of roles holds, in table order (for a user's profile, the CLI). */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS_LIST.filter((permission) =>
    PERMISSIONS[permission].some((role) => roles.includes(role)),
  );
}
