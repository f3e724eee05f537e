import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DbHandle, Dialect } from './db.js';
import { migrate } from './migrate.js';
import { PgliteDb } from './pglite-db.js';
import { PostgresDb } from './postgres-db.js';

/** Only for tests: the store suite runs once per driver, as Kysely's tests loop over dialects. */
export const DIALECTS: readonly Dialect[] = ['pglite', 'postgres'];

/** The real server the tests use (trust authentication); `.ci/run` starts it when it is down. */
export const TEST_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432';

/**
 * A fresh, migrated database: PGlite in memory, or a new database `sargas_test_<random>` on the
 * test server that `close()` drops again. Open one per test file (PGlite takes about a second).
 */
export async function openTestDb(dialect: Dialect): Promise<DbHandle> {
  if (dialect === 'pglite') {
    const db = await PgliteDb.open();
    await migrate(db);
    return db;
  }
  const name = `sargas_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const db = PostgresDb.open(`${TEST_SERVER_URL}/${name}`);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  return {
    dialect: db.dialect,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    async close() {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Empties the list tables between tests that share one database. */
export async function resetListTables(db: DbHandle): Promise<void> {
  await db.exec(
    'TRUNCATE version_entities, entity_records, list_versions RESTART IDENTITY CASCADE',
  );
}

/**
 * Runs one statement against `audit_log` with its append-only trigger disabled, as a database
 * superuser could: how tests tamper with the log to show that verification catches it.
 */
export async function tamperAuditLog(
  db: DbHandle,
  sql: string,
  params: readonly unknown[] = [],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await tx.query(sql, params);
    await tx.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
  });
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${TEST_SERVER_URL}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
