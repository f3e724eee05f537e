import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../support/shared-data.js';
import { runCli } from './run-cli.js';

/**
 * `sargas lists update` against a publisher on 127.0.0.1 (the URLs come from the environment, as
 * an operator would point Sargas at a mirror). No test needs the internet.
 */

let server: Server;
let served = sharedData('lists', 'un', '2026-01-28.xml');
let failing = false;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (failing) {
      response.writeHead(503, 'Service Unavailable').end();
      return;
    }
    const body = readFileSync(served);
    const etag = `"${body.length}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { etag, 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  dir = await mkdtemp(join(tmpdir(), 'sargas-update-e2e-'));
  env = {
    SARGAS_DATA_DIR: join(dir, 'data'),
    SARGAS_URL_UN: `http://127.0.0.1:${port}/resources/xml/en/consolidated.xml`,
  };
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('sargas lists update', () => {
  it('imports, then reports "not modified", then imports the next publication', async () => {
    const first = await runCli(['lists', 'update', '--list', 'un'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^imported un: version \d+, 999 entities .* published 2026-01-28\n$/u,
    );

    const second = await runCli(['lists', 'update', '--list', 'un'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^not modified un: version \d+, 999 entities/u);

    served = sharedData('lists', 'un', '2026-02-27.xml');
    const third = await runCli(['lists', 'update', '--list', 'un'], env);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/^imported un: version \d+, 1003 entities/u);
  });

  it('fails with a one-line message and exit 69 when the publisher is down', async () => {
    failing = true;
    const run = await runCli(['lists', 'update', '--list', 'un'], env);
    failing = false;
    expect(run.code).toBe(69);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^sargas: un: http:\/\/127\.0\.0\.1:\d+\/resources\/xml\/en\/consolidated\.xml answered HTTP 503 Service Unavailable\n$/u,
    );
    const versions = JSON.parse((await runCli(['lists', 'versions', '--json'], env)).stdout) as {
      entityCount: number;
      current: boolean;
    }[];
    expect(versions.find((version) => version.current)?.entityCount).toBe(1003);
  });

  it('rejects a list it cannot download', async () => {
    const run = await runCli(['lists', 'update', '--list', 'opensanctions'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /'opensanctions' is not an official list .*known: eu, un, ofac, uk/u,
    );
  });
});
