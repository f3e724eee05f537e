import pg from 'pg';
import { type Db, type DbHandle, savepointDb } from './db.js';

/**
 * A PostgreSQL server through a `pg.Pool`. Plain queries take any pooled client; a transaction
 * holds one client from BEGIN to COMMIT/ROLLBACK, so concurrent transactions really run
 * concurrently and the server's locks decide.
 */
export class PostgresDb implements DbHandle {
  readonly dialect = 'postgres' as const;

  private constructor(private readonly pool: pg.Pool) {}

  static open(databaseUrl: string, options: { maxConnections?: number } = {}): PostgresDb {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
    // An idle client losing its connection (server restart) must not crash the process: the pool
    // drops it and the next query opens a new one.
    pool.on('error', () => {});
    return new PostgresDb(pool);
  }

  async query<Row = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<Row[]> {
    const result = await this.pool.query(sql, [...params]);
    return result.rows as Row[];
  }

  async exec(sql: string): Promise<void> {
    // Without parameters `pg` uses the simple query protocol, which runs several statements.
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const tx = savepointDb(
        'postgres',
        async (sql, params = []) =>
          (await client.query(sql, [...params])).rows as Record<string, unknown>[],
        async (sql) => {
          await client.query(sql);
        },
      );
      try {
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          // The connection itself failed: do not give it back to the pool.
          broken = true;
        }
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
