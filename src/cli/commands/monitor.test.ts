import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { main } from '../../main.js';
import type { Alert, RescreenJob } from '../../screening/monitor/index.js';
import { bufferIo } from '../io.js';

let dir: string;
let env: Record<string, string>;

async function sargas(...args: string[]) {
  const io = bufferIo();
  const code = await main(args, { io, env });
  return { code, stdout: io.out(), stderr: io.err() };
}

function lines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sargas-monitor-cli-'));
  env = { SARGAS_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  await writeFile(
    join(dir, 'subjects.csv'),
    [
      'id,schema,name,birth_date,nationality,id_number',
      'p-1,Person,GEDO HAMDAN AHMED,,sd,',
      'p-2,Person,TIJANI IBRAHIM MOUSSA MOHAMED,,,',
      'p-3,Person,Quorvel Vrilhaven,1961,fr,',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sargas monitor', () => {
  it('imports subjects, re-screens on a list update, and records decisions', async () => {
    const un = (date: string) => `un=${sharedData('lists', 'un', `${date}.xml`)}`;
    expect((await sargas('lists', 'import', '--list', un('2026-01-28'))).code).toBe(0);

    const imported = await sargas('monitor', 'import', '--input', join(dir, 'subjects.csv'));
    expect(imported.stdout).toContain('imported 3 subjects: 3 new, 0 updated, 0 unchanged');

    const full = await sargas('monitor', 'rescreen', '--full');
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/^job 1 full: completed, 3\/3 subjects/mu);

    // The update adds the two listings these subjects are named after; the import queues a delta.
    expect((await sargas('lists', 'import', '--list', un('2026-02-27'))).code).toBe(0);
    const queued = lines<RescreenJob>((await sargas('monitor', 'jobs', '--json')).stdout);
    expect(queued[0]).toMatchObject({
      kind: 'delta',
      state: 'queued',
      requestedBy: 'lists import',
    });

    // Running the worker finishes the queued delta (it raises the alerts) and then this one.
    const delta = await sargas(
      'monitor',
      'rescreen',
      '--list-version',
      String(queued[0]!.versionId),
    );
    expect(delta.stdout).toMatch(/delta un version \d+: completed/u);
    const jobs = lines<RescreenJob>((await sargas('monitor', 'jobs', '--json')).stdout);
    expect(jobs.every((job) => job.state === 'completed')).toBe(true);

    const open = lines<Alert>(
      (await sargas('monitor', 'alerts', '--status', 'open', '--json')).stdout,
    );
    const gedo = open.find(
      (alert) => alert.externalId === 'p-1' && alert.entityId === 'un:6909526',
    );
    expect(gedo).toBeDefined();
    expect(
      open.some((alert) => alert.externalId === 'p-2' && alert.entityId === 'un:6909529'),
    ).toBe(true);
    expect(open.some((alert) => alert.externalId === 'p-3')).toBe(false);

    const missing = await sargas('monitor', 'dismiss', String(gedo!.id), '--actor', 'ana');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--reason <text>' not specified");

    const dismissed = await sargas(
      'monitor',
      'dismiss',
      String(gedo!.id),
      '--reason',
      'different person',
      '--actor',
      'ana',
    );
    expect(dismissed.code).toBe(0);
    expect(dismissed.stdout).toContain(`${gedo!.id}\tdismissed`);

    const history = await sargas('monitor', 'history', String(gedo!.id));
    expect(history.stdout).toMatch(/\tsystem\traised\t- -> open\t/u);
    expect(history.stdout).toMatch(/\tana\tdismissed\topen -> dismissed\tdifferent person/u);

    const again = await sargas(
      'monitor',
      'dismiss',
      String(gedo!.id),
      '--reason',
      'x',
      '--actor',
      'ana',
    );
    expect(again.code).toBe(75);
    expect(again.stderr).toContain("cannot move from 'dismissed' to 'dismissed'");
  });

  it('queues the delta re-screen when `lists update` imports a new version', async () => {
    // A publisher on 127.0.0.1 serving the next UN publication; its own data dir and store.
    const body = await readFile(sharedData('lists', 'un', '2026-02-27.xml'));
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-length': String(body.length) }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const saved = env;
    try {
      const { port } = server.address() as AddressInfo;
      env = {
        SARGAS_DATA_DIR: join(dir, 'data-update'),
        DATABASE_URL: '',
        SARGAS_URL_UN: `http://127.0.0.1:${port}/un.xml`,
      };
      const old = `un=${sharedData('lists', 'un', '2026-01-28.xml')}`;
      expect((await sargas('lists', 'import', '--list', old)).code).toBe(0);
      expect((await sargas('monitor', 'import', '--input', join(dir, 'subjects.csv'))).code).toBe(
        0,
      );
      expect(lines<RescreenJob>((await sargas('monitor', 'jobs', '--json')).stdout)).toEqual([]);

      const update = await sargas('lists', 'update', '--list', 'un');
      expect(update.code).toBe(0);
      expect(update.stdout).toMatch(/^imported un: /mu);
      const versions = JSON.parse(
        (await sargas('lists', 'versions', '--list', 'un', '--json')).stdout,
      ) as { id: number; current: boolean }[];
      // The job is the delta of the version the update just made current.
      const current = versions.find((version) => version.current);
      const jobs = lines<RescreenJob>((await sargas('monitor', 'jobs', '--json')).stdout);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]).toMatchObject({
        kind: 'delta',
        state: 'queued',
        source: 'un',
        requestedBy: 'lists update',
      });
      expect(versions).toHaveLength(2);
      expect(jobs[0]!.versionId).toBe(current?.id);
    } finally {
      env = saved;
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
