import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { ValidationError } from '../shared/errors.js';
import {
  type ApiKeyStore,
  createApiKey,
  generateApiKey,
  hashApiKey,
  parseScopes,
  type StoredApiKey,
  storedKeyVerifier,
} from './api-keys.js';

/** A map standing in for the table: these tests are about the key logic, not SQL. */
function memoryStore(): ApiKeyStore & { rows: (StoredApiKey & { keyHash: string })[] } {
  const rows: (StoredApiKey & { keyHash: string })[] = [];
  return {
    rows,
    async insert(key) {
      const row = { ...key, id: rows.length + 1, revokedAt: null };
      rows.push(row);
      return row;
    },
    async findActiveByHash(keyHash) {
      return rows.find((row) => row.keyHash === keyHash && row.revokedAt === null) ?? null;
    },
  };
}

describe('API keys', () => {
  it('generates distinct 256-bit keys with a recognisable prefix', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^sargas_[A-Za-z0-9_-]{43}$/u);
    expect(hashApiKey(a)).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('stores only the hash and a short prefix, and verifies the clear key', async () => {
    const store = memoryStore();
    const { key, record } = await createApiKey(
      { store, clock: fixedClock('2026-03-01T00:00:00Z') },
      { name: ' ci ', scopes: ['match', 'search'] },
    );
    expect(record.name).toBe('ci');
    expect(record.prefix).toBe(key.slice(0, 13));
    expect(JSON.stringify(store.rows)).not.toContain(key);
    const verifier = storedKeyVerifier(store);
    expect(await verifier.verify(key)).toEqual({
      keyId: 1,
      name: 'ci',
      scopes: ['match', 'search'],
    });
    expect(await verifier.verify(`${key}x`)).toBeNull();
    expect(await verifier.verify('not-ours')).toBeNull();
  });

  it('parses scopes and names the field when one is unknown', () => {
    expect(parseScopes(['match,search', 'match'])).toEqual(['match', 'search']);
    expect(() => parseScopes(['root'])).toThrow(ValidationError);
    expect(() => parseScopes([])).toThrow(/at least one scope/u);
  });
});
