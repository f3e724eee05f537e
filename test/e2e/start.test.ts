import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/** `npm start` on a fresh machine: the bundled lists go into an empty store, once. */

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sargas-start-'));
  env = { SARGAS_DATA_DIR: join(dir, 'data') };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sargas start', () => {
  it('imports the four bundled lists, then finds them unchanged on the second run', async () => {
    const first = await runCli(['start'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`store: PGlite in ${join(dir, 'data', 'pglite')}`);
    // Entity counts from ../shared/data/README.md (and the EU README), not from the parser.
    expect(first.stdout).toMatch(
      /^imported eu: version \d+, 5795 entities \(Person 4302, Organization 1493\)/mu,
    );
    expect(first.stdout).toMatch(
      /^imported un: version \d+, 1003 entities \(Person 730, Organization 273\)/mu,
    );
    expect(first.stdout).toMatch(/^imported ofac: version \d+, 13821 entities/mu);
    expect(first.stdout).toMatch(/^imported uk: version \d+, 4688 entities/mu);
    expect(first.stdout).toContain('current list versions:');

    const second = await runCli(['start'], env);
    expect(second.code).toBe(0);
    for (const source of ['eu', 'un', 'ofac', 'uk']) {
      expect(second.stdout).toMatch(new RegExp(`^unchanged ${source}: version \\d+`, 'mu'));
    }
    expect(second.stdout).not.toMatch(/^imported /mu);
  });
});
