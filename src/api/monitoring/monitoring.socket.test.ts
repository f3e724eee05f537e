import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { serveApi } from '../../cli/commands/serve.js';
import { bufferIo } from '../../cli/io.js';
import type { CliServices, CommandContext } from '../../cli/services.js';
import { loadConfig } from '../../config.js';
import { importList } from '../../lists/import-list.js';
import { createMonitoringService, type MonitoringService } from '../../screening/monitor/index.js';
import { fixedClock, systemClock } from '../../shared/clock.js';
import { ApiKeyRepository } from '../../store/api-key-repository.js';
import type { DbHandle } from '../../store/db.js';
import { openJobQueue } from '../../store/job-queue.js';
import { ListRepository } from '../../store/list-repository.js';
import { MonitoringRepositoryStore } from '../../store/monitoring-repository.js';
import { DIALECTS, openTestDb, TEST_SERVER_URL } from '../../store/testing.js';
import { createApiKey } from '../api-keys.js';
import type { Alert, Job } from './schemas.js';

/**
 * Through a real socket, on `sargas serve`'s own code path: subjects are imported and a re-screen
 * is queued over HTTP, and the job runs in the serving process (nobody else starts a worker here)
 * while the client polls its progress. On PGlite that process is the only one that can run jobs,
 * so even `--no-worker` is overruled there; on PostgreSQL the server works pg-boss jobs by default.
 */
describe.each(DIALECTS)('monitoring over a real socket on %s', (dialect) => {
  let db: DbHandle;
  let monitoring: MonitoringService;
  let ctx: CommandContext;
  let key: string;

  beforeAll(async () => {
    db = await openTestDb(dialect);
    let databaseUrl: string | null = null;
    if (dialect === 'postgres') {
      const [row] = await db.query<{ name: string }>('SELECT current_database() AS name');
      databaseUrl = `${TEST_SERVER_URL}/${row!.name}`;
    }
    const lists = new ListRepository(db);
    const apiKeys = new ApiKeyRepository(db);
    const clock = fixedClock('2026-03-01T08:00:00Z');
    await importList(
      { store: lists, clock },
      { dataset: 'un', path: sharedData('lists', 'un', '2026-02-27.xml') },
    );
    key = (await createApiKey({ store: apiKeys, clock }, { name: 'anna', scopes: ['monitor'] }))
      .key;
    monitoring = createMonitoringService({
      store: new MonitoringRepositoryStore(db),
      lists,
      queue: await openJobQueue(db, { databaseUrl, pollingIntervalSeconds: 0.5 }),
      clock: systemClock,
    });
    const services: CliServices = {
      config: loadConfig(databaseUrl === null ? {} : { DATABASE_URL: databaseUrl }),
      lists: () => Promise.reject(new Error('not used')),
      api: async () => ({ lists, apiKeys }),
      monitor: async () => monitoring,
    };
    ctx = { services, io: bufferIo(), exitCode: 0 };
  });

  afterAll(async () => {
    // As the composition root does after `serve` returns: the worker stops, then the store.
    await monitoring?.close();
    await db?.close();
  });

  it('imports, queues and runs a re-screen in the serving process, with progress to the end', async () => {
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const serving = serveApi(
      ctx,
      { port: 0, host: '127.0.0.1', refreshSeconds: 0, worker: dialect === 'postgres' },
      stopped,
    );
    let base = '';
    for (let attempt = 0; attempt < 400 && base === ''; attempt++) {
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/u.exec(
        (ctx.io as ReturnType<typeof bufferIo>).err(),
      );
      if (match) base = match[1]!;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(base).not.toBe('');
    const headers = { authorization: `ApiKey ${key}` };

    const imported = await fetch(`${base}/monitoring/subjects`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: 'id,schema,name,birth_date,nationality,id_number\np-1,Person,Germain Katanga,1978-04-28,cd,\np-2,Person,Quorvel Plenthorpe,,,\n',
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ rows: 2, inserted: 2 });

    const queued = await fetch(`${base}/monitoring/jobs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'full' }),
    });
    expect(queued.status).toBe(202);
    const location = queued.headers.get('location')!;

    const states: string[] = [];
    let job: Job | null = null;
    for (let attempt = 0; attempt < 600; attempt++) {
      const response = await fetch(`${base}${location}`, { headers });
      expect(response.status).toBe(200);
      job = (await response.json()) as Job;
      if (states.at(-1) !== job.state) states.push(job.state);
      if (job.state === 'completed' || job.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job).toMatchObject({ state: 'completed', processed: 2, total: 2, progress: 1 });
    expect(job!.alerts_raised).toBeGreaterThanOrEqual(1);
    // States only move forward.
    expect(['queued', 'running', 'completed'].filter((state) => states.includes(state))).toEqual(
      states,
    );

    const alerts = (await (
      await fetch(`${base}/monitoring/alerts?subject=p-1`, { headers })
    ).json()) as { alerts: Alert[] };
    expect(alerts.alerts.map((alert) => alert.entity_id)).toContain('un:6907998');

    stop();
    await serving;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
