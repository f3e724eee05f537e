/**
 * API keys: generation, hashing and verification. A key is `sargas_` plus 32 random bytes
 * (base64url). Only its SHA-256 is stored. A slow password hash (argon2, scrypt) protects
 * low-entropy secrets that people choose; a 256-bit random key cannot be guessed from its SHA-256,
 * and a fast hash lets every request be checked with one indexed lookup (hash first, then compare
 * in the database, so no timing leak on the key itself).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import { ValidationError } from '../shared/errors.js';

/** `monitor`: subjects under watch, re-screening jobs and alert decisions (`/monitoring`). */
export const API_SCOPES = ['match', 'search', 'monitor', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

const KEY_PREFIX = 'sargas_';
/** Characters of the key kept in clear for listings: the fixed prefix plus 6 random ones. */
const SHOWN_CHARS = KEY_PREFIX.length + 6;

/** Who made a request: a key's id and name and what it may do (`anonymous` when auth is off). */
export interface Principal {
  readonly keyId: number | null;
  readonly name: string;
  readonly scopes: readonly ApiScope[];
}

export interface StoredApiKey {
  readonly id: number;
  readonly name: string;
  readonly prefix: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
  /** The vetting user the key acts as on `/api/v1` (the migration authority's system); or null. */
  readonly userId?: number | null;
}

/** The storage the API keys need (implemented by `store/api-key-repository.ts`). */
export interface ApiKeyStore {
  insert(key: {
    name: string;
    prefix: string;
    keyHash: string;
    scopes: readonly string[];
    createdAt: string;
    userId?: number | null;
  }): Promise<StoredApiKey>;
  findActiveByHash(keyHash: string): Promise<StoredApiKey | null>;
}

/** The key store as the `sargas apikeys` commands use it. */
export interface ApiKeyAdmin extends ApiKeyStore {
  list(): Promise<StoredApiKey[]>;
  revoke(id: number, at: string): Promise<boolean>;
}

/** What the auth plugin needs: a key → the principal it stands for, or null. */
export interface ApiKeyVerifier {
  verify(key: string): Promise<Principal | null>;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function parseScopes(values: readonly string[]): ApiScope[] {
  const scopes = [
    ...new Set(values.flatMap((value) => value.split(',')).map((value) => value.trim())),
  ].filter((value) => value !== '');
  if (scopes.length === 0) {
    throw new ValidationError(`give at least one scope (${API_SCOPES.join(', ')})`, 'scope');
  }
  for (const scope of scopes) {
    if (!isApiScope(scope)) {
      throw new ValidationError(
        `unknown scope '${scope}' (expected ${API_SCOPES.join(', ')})`,
        'scope',
      );
    }
  }
  return scopes as ApiScope[];
}

/** Creates a key; the returned `key` is the only time the clear key exists. */
export async function createApiKey(
  deps: { readonly store: ApiKeyStore; readonly clock: Clock },
  input: {
    readonly name: string;
    readonly scopes: readonly ApiScope[];
    /** Binds the key to a vetting user: on `/api/v1` it acts as that user. */
    readonly userId?: number;
  },
): Promise<{ key: string; record: StoredApiKey }> {
  if (input.name.trim() === '') throw new ValidationError('the key needs a name', 'name');
  const key = generateApiKey();
  const record = await deps.store.insert({
    name: input.name.trim(),
    prefix: key.slice(0, SHOWN_CHARS),
    keyHash: hashApiKey(key),
    scopes: input.scopes,
    createdAt: deps.clock.now().toISOString(),
    ...(input.userId === undefined ? {} : { userId: input.userId }),
  });
  return { key, record };
}

/** A verifier over stored keys. */
export function storedKeyVerifier(store: Pick<ApiKeyStore, 'findActiveByHash'>): ApiKeyVerifier {
  return {
    async verify(key) {
      // Anything that cannot be one of our keys is rejected without a database round trip.
      if (!key.startsWith(KEY_PREFIX) || key.length > 128) return null;
      const record = await store.findActiveByHash(hashApiKey(key));
      if (record === null) return null;
      return { keyId: record.id, name: record.name, scopes: record.scopes.filter(isApiScope) };
    },
  };
}
