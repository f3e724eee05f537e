/**
 * Users, sessions and agencies: login with a password (argon2 behind `PasswordHasher`), bearer
 * sessions, API keys bound to a user, and the admin's user and agency management.
 */
import { randomBytes } from 'node:crypto';
import {
  ConflictError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../../shared/errors.js';
import { sha256Hex } from '../../shared/sha256.js';
import { requirePermission } from '../access.js';
import type { Agency } from '../ports.js';
import type { Session } from '../service.js';
import { type Actor, isRole, type Role, type User } from '../types.js';
import { auditActor, nowIso, type UseCaseDeps } from './context.js';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,64}$/u;
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes only the first 4 GiB anyway; a bound keeps a request from costing more. */
export const MAX_PASSWORD_LENGTH = 1_024;
const AGENCY_CODE = /^[a-z0-9][a-z0-9_-]*$/u;

const HOUR_MS = 3_600_000;

/** The actor a user acts as, whichever credential identified them. */
export function userActor(user: User): Actor {
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    roles: user.roles,
    agency: user.agency,
  };
}

/**
 * Checks a password and opens a session. Every failure (unknown user, wrong password, inactive
 * user) gives the same `UnauthenticatedError` and takes the same time: an unknown username is
 * verified against a hash of a random password, so response times do not reveal which usernames
 * exist. Only the token's SHA-256 is stored; the token is returned once.
 */
export async function login(
  deps: UseCaseDeps,
  username: string,
  password: string,
): Promise<Session> {
  const found =
    typeof username === 'string' && USERNAME_PATTERN.test(username)
      ? await deps.store.userByUsername(username)
      : null;
  const hash = found?.passwordHash ?? (await dummyHash(deps));
  const passwordOk =
    typeof password === 'string' &&
    password.length <= MAX_PASSWORD_LENGTH &&
    (await deps.hasher.verify(hash, password));
  const at = nowIso(deps);
  if (found === null || !passwordOk || !found.user.active) {
    const reason =
      found === null ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive_user';
    await deps.store.appendAudit(
      {
        actor: 'anonymous',
        action: 'user.login_failed',
        objectType: 'user',
        objectId: String(username).slice(0, 64),
        details: { username: String(username).slice(0, 64), reason },
      },
      at,
    );
    throw new UnauthenticatedError('invalid username or password');
  }
  const { user } = found;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.parse(at) + deps.config.sessionHours * HOUR_MS).toISOString();
  await deps.store.transaction(async (tx) => {
    await tx.insertSession({
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: at,
      expiresAt,
    });
    await tx.appendAudit(
      {
        actor: `user:${user.username}`,
        action: 'user.login',
        objectType: 'user',
        objectId: String(user.id),
        details: { username: user.username, expiresAt },
      },
      at,
    );
  });
  return { token, user, expiresAt };
}

/**
 * Records that repeated failed sign-ins locked a username or a client address (the HTTP layer
 * throttles; the lock itself is its business). One entry when a lock begins, none for the
 * refusals during it, so a password-guessing run leaves a trace without flooding the log.
 */
export async function recordSignInLock(
  deps: UseCaseDeps,
  lock: {
    readonly username: string;
    readonly address: string;
    readonly lockedBy: readonly ('username' | 'address')[];
    readonly until: string;
  },
): Promise<void> {
  const username = String(lock.username).slice(0, 64);
  await deps.store.appendAudit(
    {
      actor: 'anonymous',
      action: 'user.login_locked',
      objectType: 'user',
      objectId: username,
      details: {
        username,
        address: String(lock.address).slice(0, 64),
        lockedBy: [...lock.lockedBy],
        until: lock.until,
      },
    },
    nowIso(deps),
  );
}

function dummyHash(deps: UseCaseDeps): Promise<string> {
  deps.memory.dummyHash ??= deps.hasher.hash(randomBytes(24).toString('base64url'));
  return deps.memory.dummyHash;
}

export async function logout(deps: UseCaseDeps, token: string): Promise<void> {
  const tokenHash = sha256Hex(token);
  const at = nowIso(deps);
  await deps.store.transaction(async (tx) => {
    const user = await tx.sessionUser(tokenHash, at);
    await tx.deleteSession(tokenHash);
    if (user === null) return;
    await tx.appendAudit(
      {
        actor: `user:${user.username}`,
        action: 'user.logout',
        objectType: 'user',
        objectId: String(user.id),
        details: { username: user.username },
      },
      at,
    );
  });
}

/**
 * The actor behind a bearer session token or an API key bound to a user (the key's SHA-256, as
 * `api/api-keys.ts` stores it). Not audited: it runs on every request; what the request then
 * does is.
 */
export async function authenticate(
  deps: UseCaseDeps,
  credential: { readonly token?: string; readonly apiKey?: string },
): Promise<Actor | null> {
  if (credential.token !== undefined && credential.token !== '') {
    const user = await deps.store.sessionUser(sha256Hex(credential.token), nowIso(deps));
    if (user !== null) return userActor(user);
  }
  if (credential.apiKey !== undefined && credential.apiKey !== '') {
    const user = await deps.store.apiKeyUser(sha256Hex(credential.apiKey));
    if (user !== null) return userActor(user);
  }
  return null;
}

export interface NewUserInput {
  readonly username: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly agency: string | null;
}

export async function createUser(
  deps: UseCaseDeps,
  actor: Actor | 'cli',
  input: NewUserInput,
): Promise<User> {
  if (actor !== 'cli') requirePermission(actor, 'users.manage');
  if (typeof input.username !== 'string' || !USERNAME_PATTERN.test(input.username)) {
    throw new ValidationError(
      'a username is 3 to 64 characters of a-z, 0-9, dot, underscore or hyphen',
      'username',
    );
  }
  if (typeof input.password !== 'string' || [...input.password].length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError(
      `a password needs at least ${MIN_PASSWORD_LENGTH} characters`,
      'password',
    );
  }
  if (input.password.length > MAX_PASSWORD_LENGTH) {
    throw new ValidationError(
      `a password has at most ${MAX_PASSWORD_LENGTH} characters`,
      'password',
    );
  }
  const roles = checkRoles(input.roles);
  const agency = await checkAgency(deps, roles, input.agency);
  const passwordHash = await deps.hasher.hash(input.password);
  const at = nowIso(deps);
  return deps.store.transaction(async (tx) => {
    if ((await tx.userByUsername(input.username)) !== null) {
      throw new ConflictError(`the username '${input.username}' is taken`, {
        username: input.username,
      });
    }
    const user = await tx.insertUser({
      username: input.username,
      passwordHash,
      roles,
      agency,
      createdAt: at,
    });
    await tx.appendAudit(
      {
        actor: auditActor(actor),
        action: 'user.created',
        objectType: 'user',
        objectId: String(user.id),
        details: { username: user.username, roles: [...roles], agency },
      },
      at,
    );
    return user;
  });
}

function checkRoles(values: readonly string[]): Role[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new ValidationError('a user needs at least one role', 'roles');
  }
  const roles: Role[] = [];
  values.forEach((value, index) => {
    if (typeof value !== 'string' || !isRole(value)) {
      throw new ValidationError(`unknown role '${String(value)}'`, `roles.${index}`);
    }
    if (!roles.includes(value)) roles.push(value);
  });
  return roles;
}

/**
 * A migration officer works for exactly one existing agency; the service's own staff for none, so
 * that no analyst's account can ever pass the agency check of the authority's endpoints.
 */
async function checkAgency(
  deps: UseCaseDeps,
  roles: readonly Role[],
  agency: string | null,
): Promise<string | null> {
  if (!roles.includes('migration_officer')) {
    if (agency !== null && agency !== undefined) {
      throw new ValidationError('only a migration officer belongs to an agency', 'agency');
    }
    return null;
  }
  if (agency === null || agency === undefined || agency === '') {
    throw new ValidationError('a migration officer needs an agency', 'agency');
  }
  if ((await deps.store.agency(agency)) === null) {
    throw new ValidationError(`unknown agency '${agency}'`, 'agency');
  }
  return agency;
}

export async function listUsers(deps: UseCaseDeps, actor: Actor): Promise<User[]> {
  requirePermission(actor, 'users.manage');
  return deps.store.listUsers();
}

export async function setUserActive(
  deps: UseCaseDeps,
  actor: Actor | 'cli',
  userId: number,
  active: boolean,
): Promise<User> {
  if (actor !== 'cli') requirePermission(actor, 'users.manage');
  const at = nowIso(deps);
  return deps.store.transaction(async (tx) => {
    if (!(await tx.setUserActive(userId, active))) {
      throw new NotFoundError(`user ${userId} not found`, { userId });
    }
    const user = (await tx.userById(userId))!;
    await tx.appendAudit(
      {
        actor: auditActor(actor),
        action: active ? 'user.activated' : 'user.deactivated',
        objectType: 'user',
        objectId: String(userId),
        details: { username: user.username },
      },
      at,
    );
    return user;
  });
}

export async function upsertAgency(
  deps: UseCaseDeps,
  actor: Actor | 'cli',
  agency: Agency,
): Promise<void> {
  if (actor !== 'cli') requirePermission(actor, 'users.manage');
  if (typeof agency.code !== 'string' || !AGENCY_CODE.test(agency.code)) {
    throw new ValidationError(
      'an agency code is lower-case letters, digits, _ and -, starting with a letter or digit',
      'code',
    );
  }
  if (typeof agency.name !== 'string' || agency.name.trim() === '') {
    throw new ValidationError('an agency needs a name', 'name');
  }
  const webhookUrl = agency.webhookUrl ?? null;
  if (webhookUrl !== null && !isHttpUrl(webhookUrl)) {
    throw new ValidationError('the webhook URL must be an http(s) URL', 'webhook_url');
  }
  const at = nowIso(deps);
  await deps.store.transaction(async (tx) => {
    const existing = await tx.agency(agency.code);
    const stored = { code: agency.code, name: agency.name.trim(), webhookUrl };
    await tx.upsertAgency(stored);
    await tx.appendAudit(
      {
        actor: auditActor(actor),
        action: existing === null ? 'agency.created' : 'agency.updated',
        objectType: 'agency',
        objectId: agency.code,
        details: { name: stored.name, webhookUrl },
      },
      at,
    );
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
