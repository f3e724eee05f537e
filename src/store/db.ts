/**
 * The store's port: PostgreSQL SQL with `$1` parameters, on one of two drivers (embedded PGlite or
 * a PostgreSQL server through `pg`). Repositories are written once against `Db`.
 */
import { errorCode } from '../shared/errors.js';

export type Dialect = 'pglite' | 'postgres';

export interface Db {
  readonly dialect: Dialect;
  /**
   * Runs one parameterised statement and returns its rows. Values come back as each driver parses
   * them: cast `bigint` results (`count(*)`) to `int` in SQL, because `pg` returns int8 as a string.
   */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * Runs a trusted script of several statements without parameters (migrations). Never pass user
   * input here: there is no parameter binding.
   */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. Inside a
   * transaction, `tx.transaction` opens a savepoint, so use cases compose. Only use `tx` inside
   * `fn`: on PGlite the outer `Db` waits for the transaction to end, so using it would deadlock.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

/** An open database: the root `Db` plus its lifetime. */
export interface DbHandle extends Db {
  close(): Promise<void>;
}

/** The SQLSTATE of a driver error (both drivers put it in `code`), or undefined. */
export function sqlState(error: unknown): string | undefined {
  return errorCode(error);
}

export const UNIQUE_VIOLATION = '23505';

/**
 * A savepoint-based nested transaction on top of a transaction's query function. Both drivers use
 * it, so nested transactions behave the same on each.
 */
export function savepointDb(
  dialect: Dialect,
  run: (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>,
  runScript: (sql: string) => Promise<void>,
): Db {
  let depth = 0;
  const db: Db = {
    dialect,
    query: <Row>(sql: string, params?: readonly unknown[]) => run(sql, params) as Promise<Row[]>,
    exec: runScript,
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      depth += 1;
      const name = `sargas_sp_${depth}`;
      await runScript(`SAVEPOINT ${name}`);
      try {
        const result = await fn(db);
        await runScript(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        await runScript(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      } finally {
        depth -= 1;
      }
    },
  };
  return db;
}
