import type { DbHandle } from './db.js';
import { migrate } from './migrate.js';
import { PgliteDb } from './pglite-db.js';
import { PostgresDb } from './postgres-db.js';

export interface OpenDbOptions {
  /** A PostgreSQL URL selects the server; without one, the embedded PGlite is used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite's data directory; `memory://` keeps the database in memory (tests). */
  readonly dataDir: string;
}

/** Chooses the driver once, opens the database and brings its schema up to date. */
export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  const db =
    options.databaseUrl !== undefined && options.databaseUrl !== ''
      ? PostgresDb.open(options.databaseUrl)
      : await PgliteDb.open(options.dataDir === 'memory://' ? undefined : options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
