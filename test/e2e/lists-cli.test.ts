import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../support/shared-data.js';
import { runCli } from './run-cli.js';

/**
 * The `sargas lists` commands as a user runs them: the compiled bin in a child process, a temp
 * data dir (embedded PGlite), real list files from ../shared/data.
 */

const UN_PREVIOUS = sharedData('lists', 'un', '2026-01-28.xml');
const UN_NEWEST = sharedData('lists', 'un', '2026-02-27.xml');

interface VersionJson {
  id: number;
  source: string;
  entityCount: number;
  current: boolean;
}

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sargas-e2e-'));
  env = { SARGAS_DATA_DIR: join(dir, 'data') };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sargas lists stats --json', () => {
  it('prints exactly one JSON object with entities by schema, names and no errors', async () => {
    const run = await runCli(['lists', 'stats', '--list', `un=${UN_NEWEST}`, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const stats = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(stats)).toEqual(['source', 'entities', 'names', 'errors']);

    // Independent count: the records as they appear in the raw XML.
    const raw = readFileSync(UN_NEWEST, 'utf8');
    const individuals = raw.match(/<INDIVIDUAL>/gu)?.length ?? 0;
    const entities = raw.match(/<ENTITY>/gu)?.length ?? 0;
    expect([individuals, entities]).toEqual([730, 273]);
    expect(stats).toEqual({
      source: 'un',
      entities: { Person: individuals, Organization: entities },
      names: expect.any(Number),
      errors: [],
    });
    // Every record has a primary name; most have aliases too.
    expect(stats.names).toBeGreaterThan(individuals + entities);
  });

  it('reports a parse error inside the JSON and exits non-zero, with a one-line message', async () => {
    const broken = join(dir, 'un-stats-truncated.xml');
    const bytes = readFileSync(UN_NEWEST);
    await writeFile(broken, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const run = await runCli(['lists', 'stats', '--list', `un=${broken}`, '--json']);
    expect(run.code).not.toBe(0);
    const stats = JSON.parse(run.stdout) as { source: string; errors: string[] };
    expect(stats.source).toBe('un');
    expect(stats.errors).toHaveLength(1);
    expect(stats.errors[0]).toMatch(/un-stats-truncated\.xml, line \d+/u);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('sargas lists import / versions / diff', () => {
  it('imports, skips an identical file, imports the next publication and diffs the two', async () => {
    const first = await runCli(['lists', 'import', '--list', `un=${UN_PREVIOUS}`], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^imported un: version (\d+), 999 entities \(Person 726, Organization 273\), \d+ names, published 2026-01-28\n$/u,
    );

    const again = await runCli(['lists', 'import', '--list', `un=${UN_PREVIOUS}`], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^unchanged un: version \d+, 999 entities/u);

    const next = await runCli(['lists', 'import', '--list', `un=${UN_NEWEST}`], env);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^imported un: version \d+, 1003 entities/u);

    const versions = await runCli(['lists', 'versions', '--json'], env);
    expect(versions.code).toBe(0);
    const list = (JSON.parse(versions.stdout) as VersionJson[]).filter((v) => v.source === 'un');
    expect(list).toHaveLength(2);
    const older = list.find((version) => version.entityCount === 999);
    const newer = list.find((version) => version.entityCount === 1003);
    expect(older?.current).toBe(false);
    expect(newer?.current).toBe(true);

    const human = await runCli(['lists', 'versions'], env);
    expect(human.stdout).toMatch(/^id\s+list\s+current\s+entities/u);

    const diff = await runCli(
      ['lists', 'diff', 'un', String(older?.id), String(newer?.id), '--json'],
      env,
    );
    expect(diff.code).toBe(0);
    const parsed = JSON.parse(diff.stdout) as {
      added: string[];
      removed: string[];
      changed: unknown[];
    };
    // The shared README: 2026-01-28 → 2026-02-27 adds DATAID 6909526–6909529 (Sudan), nothing else.
    expect(parsed.added).toEqual(['un:6909526', 'un:6909527', 'un:6909528', 'un:6909529']);
    expect(parsed.removed).toEqual([]);
    expect(parsed.changed).toEqual([]);

    const summary = await runCli(
      ['lists', 'diff', 'un', String(older?.id), String(newer?.id)],
      env,
    );
    expect(summary.stdout).toContain('4 added, 0 removed, 0 changed, 999 unchanged');
    expect(summary.stdout).toContain('added: un:6909526 un:6909527 un:6909528 un:6909529');
  });

  it('rejects a truncated file: one-line error naming file and line, no stack, previous version current', async () => {
    const before = JSON.parse(
      (await runCli(['lists', 'versions', '--json'], env)).stdout,
    ) as VersionJson[];
    const current = before.find((version) => version.source === 'un' && version.current);
    expect(current).toBeDefined();

    // A real publication cut off mid-record, as an interrupted download leaves it.
    const broken = join(dir, 'consolidated-truncated.xml');
    await copyFile(UN_PREVIOUS, broken);
    const bytes = readFileSync(UN_PREVIOUS);
    await writeFile(broken, bytes.subarray(0, Math.floor(bytes.length * 0.6)));

    const run = await runCli(['lists', 'import', '--list', `un=${broken}`], env);
    expect(run.code).toBe(65);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sargas: consolidated-truncated\.xml, line \d+/u);
    expect(run.stderr).not.toMatch(/\n\s+at /u);

    const after = JSON.parse(
      (await runCli(['lists', 'versions', '--json'], env)).stdout,
    ) as VersionJson[];
    expect(after).toEqual(before);
  });

  it('refers to a version of another list or a missing one clearly', async () => {
    const missing = await runCli(['lists', 'diff', 'un', '1', '999'], env);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toBe('sargas: list version 999 does not exist\n');
  });
});

describe('usage errors', () => {
  it('explains bad --list syntax on one line and exits 2', async () => {
    const run = await runCli(['lists', 'import', '--list', 'un'], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "sargas: option '--list <source=path>' argument 'un' is invalid. expected SOURCE=PATH (e.g. --list eu=lists/eu.xml), got 'un' (see --help)\n",
    );
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it('names a missing file without a stack trace', async () => {
    const run = await runCli(['lists', 'stats', '--list', `un=${join(dir, 'nope.xml')}`], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sargas: list file not found: ${join(dir, 'nope.xml')}\n`);
  });

  it('rejects an unknown --format and a non-numeric version id', async () => {
    const format = await runCli(['lists', 'stats', '--list', `un=${UN_NEWEST}`, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(
      /^sargas: option '--format <format>' argument 'pdf' is invalid\. unknown format 'pdf'/u,
    );
    const id = await runCli(['lists', 'diff', 'un', 'one', '2'], env);
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/expected a version id \(a positive integer\), got 'one'/u);
  });
});
