import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './db.js';
import { loadMigrations, migrate, migrationsDir } from './migrate.js';
import { openDb } from './open-db.js';
import { DIALECTS, openTestDb } from './testing.js';

describe('migration files', () => {
  it('are numbered, unique and found beside the module', async () => {
    const migrations = await loadMigrations(migrationsDir());
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations[0]?.name).toBe('0001_lists.sql');
    const versions = migrations.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});

describe.each(DIALECTS)('migrate on %s', (dialect) => {
  let db: DbHandle;
  beforeAll(async () => {
    db = await openTestDb(dialect);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('is idempotent: a second run applies nothing and records each migration once', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    const files = await loadMigrations();
    expect(rows).toEqual(files.map(({ version, name }) => ({ version, name })));
  });

  it('applies a new migration in one transaction, and rolls back a failing one whole', async () => {
    const good = { version: 9001, name: '9001_test_good.sql', sql: 'CREATE TABLE t_good (x int);' };
    const bad = {
      version: 9002,
      name: '9002_test_bad.sql',
      sql: 'CREATE TABLE t_bad (x int); SELECT no_such_function();',
    };
    expect(await migrate(db, [good])).toEqual(['9001_test_good.sql']);
    await expect(migrate(db, [good, bad])).rejects.toThrow(/no_such_function/);
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_name IN ('t_good', 't_bad') ORDER BY 1`,
    );
    expect(tables.map((table) => table.name)).toEqual(['t_good']);
    const recorded = await db.query<{ version: number }>(
      'SELECT version FROM schema_migrations WHERE version > 9000',
    );
    expect(recorded).toEqual([{ version: 9001 }]);
  });
});

describe('openDb', () => {
  it('without DATABASE_URL opens PGlite in the data directory, which persists', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sargas-db-'));
    try {
      const first = await openDb({ dataDir });
      expect(first.dialect).toBe('pglite');
      await first.exec('CREATE TABLE kept (x int); INSERT INTO kept VALUES (42);');
      await first.close();
      const second = await openDb({ dataDir });
      expect(await second.query('SELECT x FROM kept')).toEqual([{ x: 42 }]);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
