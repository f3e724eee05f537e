import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { type Db, type DbHandle, savepointDb } from './db.js';

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) on its single connection. PGlite itself queues every
 * query and transaction on one mutex, so transactions are serialised: while one runs, queries on
 * the root handle wait. That is why there is no pool and no migration lock on this driver.
 */
export class PgliteDb implements DbHandle {
  readonly dialect = 'pglite' as const;

  private constructor(private readonly pg: PGlite) {}

  /** Opens (creating if needed) the database in `dataDir`, or an in-memory one when omitted. */
  static async open(dataDir?: string): Promise<PgliteDb> {
    if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
    const pg = await PGlite.create(dataDir ?? 'memory://');
    return new PgliteDb(pg);
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<Row[]> {
    const result = await this.pg.query<Row>(sql, [...params]);
    return result.rows;
  }

  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.pg.transaction(async (tx) => {
      const txDb = savepointDb(
        'pglite',
        async (sql, params = []) =>
          (await tx.query<Record<string, unknown>>(sql, [...params])).rows,
        async (sql) => {
          await tx.exec(sql);
        },
      );
      return fn(txDb);
    });
  }

  async close(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}
