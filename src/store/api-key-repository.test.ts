import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../shared/errors.js';
import { ApiKeyRepository } from './api-key-repository.js';
import type { DbHandle } from './db.js';
import { DIALECTS, openTestDb } from './testing.js';

const hash = (c: string) => c.repeat(64);

describe.each(DIALECTS)('ApiKeyRepository on %s', (dialect) => {
  let db: DbHandle;
  let keys: ApiKeyRepository;

  beforeAll(async () => {
    db = await openTestDb(dialect);
    keys = new ApiKeyRepository(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('inserts, finds by hash, lists and revokes', async () => {
    const created = await keys.insert({
      name: 'ci',
      prefix: 'sargas_abc123',
      keyHash: hash('a'),
      scopes: ['match', 'search'],
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(created).toEqual({
      id: expect.any(Number),
      name: 'ci',
      prefix: 'sargas_abc123',
      keyHash: hash('a'),
      scopes: ['match', 'search'],
      createdAt: '2026-03-01T10:00:00.000Z',
      revokedAt: null,
      userId: null,
    });
    expect(await keys.findActiveByHash(hash('a'))).toEqual(created);
    expect(await keys.findActiveByHash(hash('b'))).toBeNull();
    expect((await keys.list()).map((key) => key.id)).toContain(created.id);

    expect(await keys.revoke(created.id, '2026-03-02T00:00:00.000Z')).toBe(true);
    expect(await keys.revoke(created.id, '2026-03-03T00:00:00.000Z')).toBe(false);
    expect(await keys.findActiveByHash(hash('a'))).toBeNull();
    const [listed] = (await keys.list()).filter((key) => key.id === created.id);
    expect(listed?.revokedAt).toBe('2026-03-02T00:00:00.000Z');
  });

  it('refuses a duplicate hash, an unknown scope and an empty scope list', async () => {
    const key = {
      name: 'x',
      prefix: 'sargas_x',
      keyHash: hash('c'),
      scopes: ['match'],
      createdAt: '2026-03-01T10:00:00.000Z',
    };
    await keys.insert(key);
    await expect(keys.insert(key)).rejects.toBeInstanceOf(ConflictError);
    await expect(keys.insert({ ...key, keyHash: hash('d'), scopes: ['root'] })).rejects.toThrow();
    await expect(keys.insert({ ...key, keyHash: hash('e'), scopes: [] })).rejects.toThrow();
    await expect(keys.insert({ ...key, keyHash: 'short' })).rejects.toThrow();
  });

  it('binds a key to a vetting user, and refuses a user that does not exist', async () => {
    const [user] = await db.query<{ id: number }>(
      `INSERT INTO users (username, password_hash, roles, created_at)
       VALUES ('mig.system', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', ARRAY['analyst'], now())
       RETURNING id`,
    );
    const key = {
      name: 'migration system',
      prefix: 'sargas_m',
      keyHash: hash('f'),
      scopes: ['match'],
      createdAt: '2026-03-01T10:00:00.000Z',
    };
    const bound = await keys.insert({ ...key, userId: user!.id });
    expect(bound.userId).toBe(user!.id);
    expect((await keys.findActiveByHash(hash('f')))?.userId).toBe(user!.id);
    await expect(
      keys.insert({ ...key, keyHash: hash('0'), userId: user!.id + 1000 }),
    ).rejects.toThrow();
  });
});
