import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PgliteDb } from './pglite-db.js';

describe('PgliteDb data directory lock', () => {
  const root = mkdtempSync(join(tmpdir(), 'sargas-pglite-lock-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second opening while a live process holds the directory, and frees it on close', async () => {
    const dir = join(root, 'held');
    const first = await PgliteDb.open(dir);
    // The holder is another live process (this test's parent), as a running `sargas serve` would be.
    writeFileSync(`${dir}.lock`, String(process.ppid));
    await expect(PgliteDb.open(dir)).rejects.toThrow(
      `the embedded store in ${dir} is in use by process ${process.ppid}`,
    );
    writeFileSync(`${dir}.lock`, String(process.pid));
    await first.close();
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const again = await PgliteDb.open(dir);
    await again.query('SELECT 1');
    await again.close();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = join(root, 'stale');
    writeFileSync(`${dir}.lock`, '2147483646');
    const db = await PgliteDb.open(dir);
    expect((await db.query<{ one: number }>('SELECT 1 AS one'))[0]?.one).toBe(1);
    await db.close();
  });
});
