import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { ConflictError } from '../shared/errors.js';
import { type Db, type DbHandle, savepointDb } from './db.js';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process. PGlite keeps the database in this process's memory
 * and writes it back on its own schedule, with no lock of its own: a second process opening the
 * same directory works on a stale copy and the two overwrite each other (seen: a CLI
 * `users add` beside `sargas serve` made the server's next audit entry collide). A lock left by a
 * process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  // Beside the directory, not in it: PGlite creates a new database only in an empty directory.
  const path = `${dataDir.replace(/[/\\]+$/u, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
        throw new ConflictError(
          `the embedded store in ${dataDir} is in use by process ${holder} (e.g. sargas serve); stop it first, or use a PostgreSQL server (DATABASE_URL) to share one store between processes`,
          { dataDir, pid: holder },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new ConflictError(`could not lock the embedded store in ${dataDir}`, { dataDir });
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) on its single connection. PGlite itself queues every
 * query and transaction on one mutex, so transactions are serialised: while one runs, queries on
 * the root handle wait. That is why there is no pool and no migration lock on this driver.
 */
export class PgliteDb implements DbHandle {
  readonly dialect = 'pglite' as const;

  private constructor(
    private readonly pg: PGlite,
    private readonly unlock: () => void = () => {},
  ) {}

  /** Opens (creating if needed) the database in `dataDir`, or an in-memory one when omitted. */
  static async open(dataDir?: string): Promise<PgliteDb> {
    if (dataDir === undefined) return new PgliteDb(await PGlite.create('memory://'));
    await mkdir(dataDir, { recursive: true });
    const unlock = lockDataDir(dataDir);
    try {
      return new PgliteDb(await PGlite.create(dataDir), unlock);
    } catch (error) {
      unlock();
      throw error;
    }
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
    this.unlock();
  }
}
