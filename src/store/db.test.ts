import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DbHandle, sqlState, UNIQUE_VIOLATION } from './db.js';
import { DIALECTS, openTestDb } from './testing.js';

describe.each(DIALECTS)('Db on %s', (dialect) => {
  let db: DbHandle;
  beforeAll(async () => {
    db = await openTestDb(dialect);
    await db.exec('CREATE TABLE t (k text PRIMARY KEY, n integer)');
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(async () => {
    await db.exec('TRUNCATE t');
  });

  const keys = async (): Promise<string[]> =>
    (await db.query<{ k: string }>('SELECT k FROM t ORDER BY k')).map((row) => row.k);

  it('reads parameters and results the same way on both drivers', async () => {
    const [row] = await db.query(
      `SELECT $1::int AS i, $2::text AS s, $3::jsonb AS j, $4::boolean AS b, $5::text AS nothing,
              count(*)::int AS c, $6::timestamptz AS at`,
      [7, 'ünï', JSON.stringify({ a: [1, 'x'] }), true, null, '2026-01-28T10:00:00Z'],
    );
    expect(row).toEqual({
      i: 7,
      s: 'ünï',
      j: { a: [1, 'x'] },
      b: true,
      nothing: null,
      c: 1,
      at: new Date('2026-01-28T10:00:00Z'),
    });
    expect(db.dialect).toBe(dialect);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES ($1, 1)', ['kept']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1, 1)', ['dropped']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await keys()).toEqual(['kept']);
  });

  it('nests transactions as savepoints', async () => {
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES ('outer', 1)");
      await expect(
        tx.transaction(async (inner) => {
          await inner.query("INSERT INTO t VALUES ('inner', 1)");
          throw new Error('inner fails');
        }),
      ).rejects.toThrow('inner fails');
      await tx.transaction(async (inner) => {
        await inner.query("INSERT INTO t VALUES ('inner2', 1)");
      });
    });
    expect(await keys()).toEqual(['inner2', 'outer']);
  });

  it('exposes the SQLSTATE of a failed statement', async () => {
    await db.query("INSERT INTO t VALUES ('a', 1)");
    const error = await db
      .query("INSERT INTO t VALUES ('a', 2)")
      .catch((caught: unknown) => caught);
    expect(sqlState(error)).toBe(UNIQUE_VIOLATION);
  });

  it('runs queries issued while a transaction is open after it, or beside it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tx = db.transaction(async (t) => {
      await t.query("INSERT INTO t VALUES ('tx', 1)");
      await gate;
    });
    // Not committed yet: PostgreSQL does not show it to another client, PGlite waits for the
    // transaction to end, so neither sees a half-done transaction.
    const outside = db.query<{ k: string }>('SELECT k FROM t');
    setTimeout(release, 500);
    await tx;
    const seen = (await outside).map((row) => row.k);
    expect(seen).toEqual(dialect === 'pglite' ? ['tx'] : []);
  });
});
