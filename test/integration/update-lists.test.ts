import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type DownloadFileSpec, statePath, updateList } from '../../src/lists/update-lists.js';
import { fixedClock } from '../../src/shared/clock.js';
import { DownloadError } from '../../src/shared/errors.js';
import type { DbHandle } from '../../src/store/db.js';
import { ListRepository } from '../../src/store/list-repository.js';
import { openDb } from '../../src/store/open-db.js';
import { sharedData } from '../support/shared-data.js';

/**
 * A publisher on 127.0.0.1 serving real list files, with strong ETags and Last-Modified, and
 * switchable failures. No test here needs the internet.
 */
type Mode = 'ok' | 'error500' | 'truncate';

interface Publisher {
  readonly server: Server;
  readonly base: string;
  /** URL path → file on disk served there (changeable between requests). */
  readonly files: Map<string, string>;
  mode: Mode;
  /** Requests seen: path and the conditional headers sent. */
  readonly log: { path: string; ifNoneMatch?: string; status: number }[];
}

async function startPublisher(): Promise<Publisher> {
  const files = new Map<string, string>();
  const publisher = { files, mode: 'ok' as Mode, log: [] } as unknown as Publisher;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const ifNoneMatch = request.headers['if-none-match'];
    const reply = (status: number) =>
      publisher.log.push({ path, status, ...(ifNoneMatch ? { ifNoneMatch } : {}) });
    const file = files.get(path);
    if (publisher.mode === 'error500') {
      reply(500);
      response.writeHead(500, 'Internal Server Error').end('oops');
      return;
    }
    if (file === undefined) {
      reply(404);
      response.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (ifNoneMatch === etag) {
      reply(304);
      response.writeHead(304, { etag }).end();
      return;
    }
    reply(200);
    response.writeHead(200, {
      etag,
      'last-modified': new Date('2026-02-27T00:00:00Z').toUTCString(),
      'content-length': String(body.length),
      'content-type': 'application/octet-stream',
    });
    if (publisher.mode === 'truncate') {
      // Half the body, then the connection drops: what a flaky proxy or a crash looks like.
      response.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => response.socket?.destroy(), 20);
      return;
    }
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(publisher, { server, base: `http://127.0.0.1:${port}` });
  return publisher;
}

const UN_OLD = sharedData('lists', 'un', '2026-01-28.xml');
const UN_NEW = sharedData('lists', 'un', '2026-02-27.xml');
const OFAC_DIR = sharedData('lists', 'ofac', 'sdn', '2021-07-07');

let publisher: Publisher;
let db: DbHandle;
let store: ListRepository;
let downloadDir: string;

const deps = () => ({ store, clock: fixedClock('2026-03-01T12:00:00Z'), downloadDir });

/**
 * Each test updates a list of its own name (`un1`, `un2`, ...) in one shared in-memory store:
 * creating a PGlite database costs seconds, and lists never see each other's versions.
 */
let source = 'un';
let testNumber = 0;

function unSpec(sha256: string | null = null) {
  const file: DownloadFileSpec = {
    name: 'un-consolidated.xml',
    url: `${publisher.base}/un/consolidated.xml`,
    required: true,
    sha256,
  };
  return { source, files: [file] };
}

beforeAll(async () => {
  publisher = await startPublisher();
  db = await openDb({ dataDir: 'memory://' });
  store = new ListRepository(db);
});

afterAll(async () => {
  await db.close();
  await new Promise((resolve) => publisher.server.close(resolve));
});

beforeEach(async () => {
  testNumber += 1;
  source = `un${testNumber}`;
  downloadDir = await mkdtemp(join(tmpdir(), 'sargas-update-'));
  publisher.files.clear();
  publisher.mode = 'ok';
  publisher.log.length = 0;
});

afterEach(async () => {
  await rm(downloadDir, { recursive: true, force: true });
});

describe('updateList', () => {
  it('imports, then asks conditionally and gets "not modified", then imports a new publication', async () => {
    publisher.files.set('/un/consolidated.xml', UN_OLD);

    const first = await updateList(deps(), unSpec());
    expect(first.status).toBe('imported');
    expect(first.version?.entityCount).toBe(999); // 726 individuals + 273 entities
    expect(publisher.log.at(-1)).toMatchObject({ status: 200 });
    expect(publisher.log.at(-1)?.ifNoneMatch).toBeUndefined();

    const second = await updateList(deps(), unSpec());
    expect(second.status).toBe('not-modified');
    expect(second.version?.id).toBe(first.version?.id);
    expect(publisher.log.at(-1)).toMatchObject({ status: 304 });
    expect(publisher.log.at(-1)?.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/u);
    expect(await store.listVersions(source)).toHaveLength(1);

    publisher.files.set('/un/consolidated.xml', UN_NEW);
    const third = await updateList(deps(), unSpec());
    expect(third.status).toBe('imported');
    expect(third.version?.entityCount).toBe(1003);
    expect((await store.currentVersion(source))?.id).toBe(third.version?.id);
    expect(await store.listVersions(source)).toHaveLength(2);
  });

  it('fails clearly on HTTP 500 and leaves the previous version current', async () => {
    publisher.files.set('/un/consolidated.xml', UN_OLD);
    const first = await updateList(deps(), unSpec());
    publisher.files.set('/un/consolidated.xml', UN_NEW);
    publisher.mode = 'error500';

    const failure = updateList(deps(), unSpec());
    await expect(failure).rejects.toBeInstanceOf(DownloadError);
    await expect(failure).rejects.toThrow(
      /^un\d+: http:\/\/127\.0\.0\.1:\d+\/un\/consolidated\.xml answered HTTP 500 Internal Server Error$/u,
    );
    expect((await store.currentVersion(source))?.id).toBe(first.version?.id);
    expect(await store.listVersions(source)).toHaveLength(1);

    // Once the publisher recovers, the new list comes in.
    publisher.mode = 'ok';
    expect((await updateList(deps(), unSpec())).status).toBe('imported');
  });

  it('rejects a truncated body: nothing imported, no partial file left behind', async () => {
    publisher.files.set('/un/consolidated.xml', UN_OLD);
    const first = await updateList(deps(), unSpec());
    publisher.files.set('/un/consolidated.xml', UN_NEW);
    publisher.mode = 'truncate';

    const failure = updateList(deps(), unSpec());
    await expect(failure).rejects.toBeInstanceOf(DownloadError);
    await expect(failure).rejects.toThrow(/un\d+: download of .* (broke off|is truncated)/u);
    expect((await store.currentVersion(source))?.id).toBe(first.version?.id);
    expect(await store.listVersions(source)).toHaveLength(1);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(downloadDir, source))).toEqual(['un-consolidated.xml']);
  });

  it('checks a pinned checksum before importing', async () => {
    publisher.files.set('/un/consolidated.xml', UN_NEW);
    const wrong = '0'.repeat(64);
    await expect(updateList(deps(), unSpec(wrong))).rejects.toThrow(
      /checksum mismatch .* expected sha256 0{64}, got 66b392a4/u,
    );
    expect(await store.listVersions(source)).toHaveLength(0);

    const right = createHash('sha256').update(readFileSync(UN_NEW)).digest('hex');
    expect((await updateList(deps(), unSpec(right))).status).toBe('imported');
  });

  it('downloads OFAC as several files beside each other; an absent optional file is skipped', async () => {
    for (const name of ['sdn.csv', 'add.csv', 'alt.csv']) {
      publisher.files.set(`/ofac/${name}`, join(OFAC_DIR, name));
    }
    const files: DownloadFileSpec[] = ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv'].map(
      (name) => ({
        name,
        url: `${publisher.base}/ofac/${name}`,
        required: name !== 'sdn_comments.csv',
        sha256: null,
      }),
    );
    const result = await updateList(deps(), { source: 'ofac', files });
    expect(result.status).toBe('imported');
    expect(result.files).toEqual([
      { name: 'sdn.csv', outcome: 'downloaded' },
      { name: 'add.csv', outcome: 'downloaded' },
      { name: 'alt.csv', outcome: 'downloaded' },
      { name: 'sdn_comments.csv', outcome: 'absent' },
    ]);
    expect(result.version?.entityCount).toBe(8976);
    expect(result.version?.files.map((file) => file.name)).toEqual([
      'sdn.csv',
      'add.csv',
      'alt.csv',
    ]);

    const again = await updateList(deps(), { source: 'ofac', files });
    expect(again.status).toBe('not-modified');
    const state = JSON.parse(readFileSync(statePath(downloadDir), 'utf8')) as {
      lists: Record<string, { files: Record<string, { etag: string }> }>;
    };
    expect(Object.keys(state.lists.ofac?.files ?? {})).toEqual(['sdn.csv', 'add.csv', 'alt.csv']);
  });
});
