/**
 * The sign-in throttle at `POST /api/v1/auth/login`, over the real vetting service (PGlite store,
 * argon2 hashes) and a clock the test moves by hand: no sleeping.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../store/db.js';
import { openTestDb } from '../../store/testing.js';
import { VettingRepositoryStore } from '../../store/vetting-repository.js';
import { buildServer } from '../server.js';
import { PASSWORD, TestClock, testVettingService } from './testing.js';

const WINDOW_MS = 15 * 60_000;
const PER_USERNAME = 3;
const PER_ADDRESS = 6;

let db: DbHandle;
let store: VettingRepositoryStore;
let app: FastifyInstance;
const clock = new TestClock('2026-03-02T09:00:00Z');

beforeAll(async () => {
  db = await openTestDb('pglite');
  store = new VettingRepositoryStore(db);
  const vetting = testVettingService(store, clock, () => null);
  for (const username of ['alice', 'bob', 'carol', 'dave']) {
    await vetting.createUser('cli', {
      username,
      password: PASSWORD,
      roles: ['analyst'],
      agency: null,
    });
  }
  app = buildServer({
    screening: { current: () => null },
    lists: { listVersions: async () => [] },
    apiKeys: null,
    config: { auth: 'required' },
    vetting,
    clock,
    loginThrottle: { perUsername: PER_USERNAME, perAddress: PER_ADDRESS, windowMs: WINDOW_MS },
    logger: false,
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await db?.close();
});

function login(username: string, password: string, remoteAddress: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress,
  });
}

async function failedLoginsAudited(username: string): Promise<number> {
  const entries = await store.auditEntries(0, 10_000);
  return entries.filter(
    (entry) =>
      entry.action === 'user.login_failed' &&
      (entry.details as { username?: unknown }).username === username,
  ).length;
}

describe('POST /api/v1/auth/login throttling', () => {
  it('answers 429 with Retry-After after N failures, also to the right password, until the window has passed', async () => {
    for (let i = 0; i < PER_USERNAME; i++) {
      const wrong = await login('alice', 'not the password at all', '10.0.0.1');
      expect(wrong.statusCode).toBe(401);
    }
    const locked = await login('alice', PASSWORD, '10.0.0.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(WINDOW_MS / 1000));
    expect(locked.json()).toEqual({
      detail: `too many failed sign-in attempts; try again in ${WINDOW_MS / 1000} seconds`,
    });
    // Another address does not help: the username is locked.
    expect((await login('alice', PASSWORD, '10.0.0.2')).statusCode).toBe(429);

    // Each failure that reached the password check is in the audit log; refused ones never
    // reached it (no argon2 work, no audit entry).
    expect(await failedLoginsAudited('alice')).toBe(PER_USERNAME);
    // The failure that started the lock is audited once, with when it ends.
    const locks = (await store.auditEntries(0, 10_000)).filter(
      (entry) => entry.action === 'user.login_locked' && entry.objectId === 'alice',
    );
    expect(locks).toHaveLength(1);
    expect(locks[0]!.details).toMatchObject({
      username: 'alice',
      lockedBy: ['username'],
      until: new Date(clock.now().getTime() + WINDOW_MS).toISOString(),
    });

    clock.advance(WINDOW_MS - 1_000);
    const almost = await login('alice', PASSWORD, '10.0.0.1');
    expect(almost.statusCode).toBe(429);
    expect(almost.headers['retry-after']).toBe('1');

    clock.advance(1_000);
    const ok = await login('alice', PASSWORD, '10.0.0.1');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toHaveProperty('token');
  });

  it('does not tell an unknown username from a known one', async () => {
    const answers = async (username: string, address: string) => {
      const out: { status: number; retryAfter: unknown; body: string }[] = [];
      for (let i = 0; i <= PER_USERNAME; i++) {
        const response = await login(username, 'not the password at all', address);
        out.push({
          status: response.statusCode,
          retryAfter: response.headers['retry-after'],
          body: response.body,
        });
      }
      return out;
    };
    const known = await answers('bob', '10.0.1.1');
    const unknown = await answers('nobody.here', '10.0.1.2');
    expect(unknown).toEqual(known);
    expect(known.map((answer) => answer.status)).toEqual([401, 401, 401, 429]);
  });

  it('resets the username count on a successful sign-in', async () => {
    for (let i = 0; i < PER_USERNAME - 1; i++) {
      expect((await login('carol', 'not the password at all', '10.0.2.1')).statusCode).toBe(401);
    }
    expect((await login('carol', PASSWORD, '10.0.2.1')).statusCode).toBe(200);
    for (let i = 0; i < PER_USERNAME; i++) {
      expect((await login('carol', 'not the password at all', '10.0.2.2')).statusCode).toBe(401);
    }
    expect((await login('carol', PASSWORD, '10.0.2.2')).statusCode).toBe(429);
  });

  it('locks an address that sprays usernames, and only that address', async () => {
    for (let i = 0; i < PER_ADDRESS; i++) {
      expect((await login(`spray${i}`, 'not the password at all', '10.0.3.1')).statusCode).toBe(
        401,
      );
    }
    const locked = await login('dave', PASSWORD, '10.0.3.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe(String(WINDOW_MS / 1000));
    expect((await login('dave', PASSWORD, '10.0.3.2')).statusCode).toBe(200);
  });

  it('documents 429 in the OpenAPI document', async () => {
    const document = (await app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, { post?: { responses?: Record<string, unknown> } }>;
    }>();
    expect(Object.keys(document.paths['/api/v1/auth/login']?.post?.responses ?? {})).toContain(
      '429',
    );
  });
});
