import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../shared/sha256.js';
import type { Db } from './db.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Any constant; it only has to be the same for every Sargas process migrating one database. */
const MIGRATION_LOCK_KEY = 7_302_149_817;

/**
 * Where the `.sql` files are. `tsc` does not copy them to `dist/`, so the compiled module
 * (`dist/src/store/migrate.js`) reads them from the source tree beside it, three levels up.
 */
export function migrationsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    join(here, 'migrations'),
    resolve(here, '..', '..', '..', 'src', 'store', 'migrations'),
  ];
  for (const dir of candidates) {
    if (existsSync(dir) && readdirSync(dir).some((file) => FILE_PATTERN.test(file))) return dir;
  }
  throw new Error(`no migrations found (looked in ${candidates.join(', ')})`);
}

export async function loadMigrations(dir: string = migrationsDir()): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_PATTERN.exec(file);
    if (!match) continue;
    migrations.push({
      version: Number(match[1]),
      name: file,
      sql: await readFile(join(dir, file), 'utf8'),
    });
  }
  const versions = migrations.map((migration) => migration.version);
  if (new Set(versions).size !== versions.length) {
    throw new Error(`two migrations share a number in ${dir}`);
  }
  return migrations;
}

/**
 * Applies the pending migrations in order, each in its own transaction together with its row in
 * `schema_migrations`, so a failed migration leaves no trace. On PostgreSQL an advisory lock makes
 * two processes starting at once apply each migration exactly once; PGlite has one connection.
 * Returns the names of the migrations applied now (empty when the schema was up to date).
 */
export async function migrate(db: Db, migrations?: readonly Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const lock = async (tx: Db): Promise<void> => {
    if (tx.dialect === 'postgres') {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    }
  };
  await db.transaction(async (tx) => {
    await lock(tx);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      sha256 text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: string[] = [];
  for (const migration of all) {
    const done = await db.transaction(async (tx) => {
      await lock(tx);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
        migration.version,
      ]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, sha256) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        sha256Hex(migration.sql),
      ]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
