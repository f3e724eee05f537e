import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import { main } from '../main.js';
import { bufferIo } from './io.js';

/** The program in-process: parsing, help, errors and the store-free commands. */

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sargas-cli-'));
  env = { SARGAS_DATA_DIR: join(dir, 'data') };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const io = bufferIo();
  const code = await main(args, { io, env });
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('sargas (in-process)', () => {
  it('prints help listing the commands, exit 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: sargas/u);
    expect(stdout).toContain('start');
    expect(stdout).toContain('lists');
    const lists = await run(['lists', '--help']);
    for (const command of ['import', 'stats', 'versions', 'diff', 'update']) {
      expect(lists.stdout).toContain(command);
    }
  });

  it('reports an unknown command as a usage error, exit 2', async () => {
    const { code, stderr } = await run(['lists', 'frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sargas: unknown command 'frobnicate'/u);
  });

  it('requires --list for import', async () => {
    const { code, stderr } = await run(['lists', 'import']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^sargas: required option '--list <source=path>' not specified/u);
  });

  it('lists stats runs without a store: no data dir is created', async () => {
    const { code, stdout, stderr } = await run([
      'lists',
      'stats',
      '--list',
      `un=${sharedData('lists', 'un', '2026-02-27.xml')}`,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^un: un-sc-xml, 1 file\(s\), published 2026-02-27\n/u);
    expect(stdout).toMatch(/Person\s+730\n/u);
    expect(stdout).toMatch(/Organization\s+273\n/u);
    expect(stdout).toMatch(/1003 entities, \d+ names\n/u);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('rejects a bad configuration before running anything', async () => {
    const io = bufferIo();
    const code = await main(['lists', 'versions'], {
      io,
      env: { ...env, SARGAS_URL_UK: 'not a url' },
    });
    expect(code).toBe(2);
    expect(io.err()).toBe('sargas: SARGAS_URL_UK is not an http(s) URL: not a url\n');
  });
});
