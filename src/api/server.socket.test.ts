import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import { serveApi } from '../cli/commands/serve.js';
import { bufferIo } from '../cli/io.js';
import type { CliServices, CommandContext } from '../cli/services.js';
import { loadConfig } from '../config.js';
import { importList } from '../lists/import-list.js';
import { fixedClock } from '../shared/clock.js';
import { ApiKeyRepository } from '../store/api-key-repository.js';
import type { DbHandle } from '../store/db.js';
import { ListRepository } from '../store/list-repository.js';
import { openTestDb } from '../store/testing.js';
import { createApiKey } from './api-keys.js';

/** Through a real socket: `sargas serve`'s own code path, listening on a free loopback port. */
let db: DbHandle;
let ctx: CommandContext;
let key: string;

beforeAll(async () => {
  db = await openTestDb('pglite');
  const lists = new ListRepository(db);
  const apiKeys = new ApiKeyRepository(db);
  const clock = fixedClock('2026-03-01T08:00:00Z');
  await importList(
    { store: lists, clock },
    { dataset: 'un', path: sharedData('lists', 'un', '2026-02-27.xml') },
  );
  key = (await createApiKey({ store: apiKeys, clock }, { name: 'test', scopes: ['match'] })).key;
  const services: CliServices = {
    config: loadConfig({}),
    lists: () => Promise.reject(new Error('not used')),
    api: async () => ({ lists, apiKeys }),
  };
  ctx = { services, io: bufferIo(), exitCode: 0 };
});

afterAll(async () => {
  await db?.close();
});

/** Waits until `url` answers 200 (the index builds after the server listens). */
async function waitReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const response = await fetch(url);
    if (response.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never became ready`);
}

describe('sargas serve over a real socket', () => {
  it('listens, reports readiness, screens with an API key and shuts down gracefully', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    // Port 0: the OS picks a free port; the address is read from the log line on stderr.
    const serving = serveApi(ctx, { port: 0, host: '127.0.0.1', auth: 'required' }, stopped);
    let base = '';
    for (let attempt = 0; attempt < 200 && base === ''; attempt++) {
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/u.exec(
        (ctx.io as ReturnType<typeof bufferIo>).err(),
      );
      if (match) base = match[1]!;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(base).not.toBe('');

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await waitReady(`${base}/readyz`);

    const body = JSON.stringify({
      queries: { q1: { schema: 'Person', properties: { name: ['Germain Katanga'] } } },
    });
    const denied = await fetch(`${base}/match/default`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(denied.status).toBe(401);

    const response = await fetch(`${base}/match/default`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const json = (await response.json()) as {
      responses: { q1: { results: { id: string; match: boolean }[] } };
    };
    expect(json.responses.q1.results[0]).toMatchObject({ id: 'un:6907998', match: true });

    stop();
    await serving;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
