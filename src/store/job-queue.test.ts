import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import { importList } from '../lists/import-list.js';
import {
  importSubjectRows,
  type JobHandler,
  type RescreenJob,
  runRescreenJob,
  waitForJob,
} from '../screening/monitor/index.js';
import { systemClock } from '../shared/clock.js';
import type { DbHandle } from './db.js';
import { InProcessJobQueue, type JobQueue, openJobQueue, PgBossJobQueue } from './job-queue.js';
import { ListRepository } from './list-repository.js';
import { MonitoringRepositoryStore } from './monitoring-repository.js';
import { DIALECTS, openTestDb, TEST_SERVER_URL } from './testing.js';

const SUBJECTS = 120;

describe.each(DIALECTS)('re-screening jobs on %s', (dialect) => {
  let db: DbHandle;
  let store: MonitoringRepositoryStore;
  let databaseUrl: string | null = null;
  const open: JobQueue[] = [];

  async function openQueue(): Promise<JobQueue> {
    const queue = await openJobQueue(db, { databaseUrl, pollingIntervalSeconds: 0.5 });
    open.push(queue);
    return queue;
  }
  const handler: JobHandler = async (jobId) => {
    await runRescreenJob(
      { store, lists: new ListRepository(db), clock: systemClock, options: { pageSize: 25 } },
      jobId,
    );
  };
  const full = { kind: 'full', versionId: null, source: null, requestedBy: 'test' } as const;

  beforeAll(async () => {
    db = await openTestDb(dialect);
    store = new MonitoringRepositoryStore(db);
    if (dialect === 'postgres') {
      const [row] = await db.query<{ name: string }>('SELECT current_database() AS name');
      databaseUrl = `${TEST_SERVER_URL}/${row!.name}`;
    }
    await importList(
      { store: new ListRepository(db), clock: systemClock },
      { dataset: 'un', path: sharedData('lists', 'un', '2026-01-28.xml') },
    );
    const rows = Array.from({ length: SUBJECTS }, (_, i) => ({
      line: i + 2,
      query: { id: `s-${i}`, schema: 'Person' as const, name: `Quorvel Plenthorpe ${i}` },
    }));
    await importSubjectRows({ store, clock: systemClock }, rows);
  });
  afterAll(async () => {
    for (const queue of open) await queue.stop();
    await db?.close();
  });

  it('uses pg-boss on PostgreSQL and the in-process runner on PGlite', async () => {
    const queue = await openQueue();
    expect(queue).toBeInstanceOf(dialect === 'postgres' ? PgBossJobQueue : InProcessJobQueue);
  });

  it('runs a queued job in a worker, with its progress visible in the job row', async () => {
    const queue = await openQueue();
    await queue.work(handler);
    const job = await queue.enqueue(full);
    expect(job).toMatchObject({ state: 'queued', processed: 0, kind: 'full' });
    const seen: RescreenJob[] = [];
    const done = await waitForJob(store, job.id, {
      intervalMs: 20,
      timeoutMs: 60_000,
      onProgress: (row) => seen.push(row),
    });
    expect(done).toMatchObject({ state: 'completed', processed: SUBJECTS, total: SUBJECTS });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect(seen.every((row) => row.processed <= SUBJECTS)).toBe(true);
    if (queue instanceof PgBossJobQueue) {
      const [row] = await db.query<{ queue_job_id: string }>(
        'SELECT queue_job_id FROM rescreen_jobs WHERE id = $1',
        [job.id],
      );
      expect(row?.queue_job_id).toMatch(/^[0-9a-f-]{36}$/u);
      await expect.poll(() => queue.queueState(row!.queue_job_id)).toBe('completed');
    }
    await queue.stop();
  });

  it('keeps a queued job across closing and reopening the queue, then runs it', async () => {
    const first = await openQueue();
    const job = await first.enqueue(full);
    await first.stop();
    expect((await store.getJob(job.id))!.state).toBe('queued');

    // A new queue on the same database (a restarted process) finds the job and runs it.
    const second = await openQueue();
    await second.work(handler);
    const done = await waitForJob(store, job.id, { intervalMs: 20, timeoutMs: 60_000 });
    expect(done).toMatchObject({ state: 'completed', processed: SUBJECTS, total: SUBJECTS });
    await second.stop();
  });

  it('shares jobs between several workers', async () => {
    const workers = [await openQueue(), await openQueue()];
    for (const worker of workers) await worker.work(handler);
    const jobs = [];
    for (let i = 0; i < 4; i++) jobs.push(await workers[i % 2]!.enqueue(full));
    for (const job of jobs) {
      const done = await waitForJob(store, job.id, { intervalMs: 20, timeoutMs: 60_000 });
      expect(done).toMatchObject({ state: 'completed', processed: SUBJECTS });
    }
    for (const worker of workers) await worker.stop();
  });
});
