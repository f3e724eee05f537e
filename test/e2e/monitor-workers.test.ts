import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importList } from '../../src/lists/import-list.js';
import {
  createMonitoringService,
  type MonitoringService,
  type RescreenJob,
  waitForJob,
} from '../../src/screening/monitor/index.js';
import { systemClock } from '../../src/shared/clock.js';
import type { DbHandle } from '../../src/store/db.js';
import { openJobQueue } from '../../src/store/job-queue.js';
import { ListRepository } from '../../src/store/list-repository.js';
import { MonitoringRepositoryStore } from '../../src/store/monitoring-repository.js';
import { openTestDb, TEST_SERVER_URL } from '../../src/store/testing.js';
import { sharedData } from '../support/shared-data.js';
import { BIN } from './run-cli.js';

/**
 * Several `sargas monitor worker` processes share one pg-boss queue on the real PostgreSQL server:
 * every queued job runs to completion exactly once, the processes share the work, and SIGTERM
 * stops each of them cleanly. The jobs are queued from this process, which never works any.
 */
const SUBJECTS = 400;
const JOBS = 6;

interface Worker {
  readonly child: ChildProcess;
  stderr: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWorker(databaseUrl: string, dataDir: string): Worker {
  const child = spawn(process.execPath, [BIN, 'monitor', 'worker'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SARGAS_DATA_DIR: dataDir, SARGAS_DEBUG: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const worker: Worker = {
    child,
    stderr: '',
    exited: new Promise((resolve) => {
      child.on('exit', (code, signal) => resolve({ code, signal }));
    }),
  };
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    worker.stderr += text;
  });
  return worker;
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The job ids a worker's log says it started (`monitor worker <pid>: job 7 started`). */
function startedJobs(worker: Worker): number[] {
  return [...worker.stderr.matchAll(/: job (\d+) started$/gmu)].map((match) => Number(match[1]));
}

describe('several monitor worker processes on PostgreSQL', () => {
  let db: DbHandle;
  let dir: string;
  let databaseUrl: string;
  let monitoring: MonitoringService;
  const workers: Worker[] = [];

  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' first`);
    dir = await mkdtemp(join(tmpdir(), 'sargas-workers-'));
    db = await openTestDb('postgres');
    const [row] = await db.query<{ name: string }>('SELECT current_database() AS name');
    databaseUrl = `${TEST_SERVER_URL}/${row!.name}`;
    const lists = new ListRepository(db);
    await importList(
      { store: lists, clock: systemClock },
      { dataset: 'un', path: sharedData('lists', 'un', '2026-02-27.xml') },
    );
    const store = new MonitoringRepositoryStore(db);
    monitoring = createMonitoringService({
      store,
      lists,
      queue: await openJobQueue(db, { databaseUrl }),
      clock: systemClock,
    });
    const rows = Array.from({ length: SUBJECTS }, (_, i) => ({
      line: i + 2,
      query: {
        id: `s-${i}`,
        schema: 'Person' as const,
        name: i % 50 === 0 ? 'Germain Katanga' : `Quorvel Plenthorpe ${i}`,
      },
    }));
    await monitoring.importSubjectRows(rows);
  });

  afterAll(async () => {
    for (const worker of workers) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) {
        worker.child.kill('SIGKILL');
      }
    }
    await monitoring?.close();
    await db?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('runs every job exactly once, shared between the processes, and stops on SIGTERM', async () => {
    for (let i = 0; i < 2; i++) workers.push(startWorker(databaseUrl, join(dir, `data-${i}`)));
    for (const worker of workers) {
      await until(() => worker.stderr.includes('waiting for re-screening jobs'), 'a worker start');
    }

    const queued: RescreenJob[] = [];
    for (let i = 0; i < JOBS; i++) {
      queued.push(await monitoring.requestRescreen({ kind: 'full', requestedBy: 'test' }));
    }
    const store = new MonitoringRepositoryStore(db);
    for (const job of queued) {
      const done = await waitForJob(store, job.id, { intervalMs: 100, timeoutMs: 40_000 });
      expect(done).toMatchObject({ state: 'completed', processed: SUBJECTS, total: SUBJECTS });
    }

    // Each job was started once, by one of the processes, and both processes took jobs.
    const ids = queued.map((job) => job.id).sort((a, b) => a - b);
    const byWorker = workers.map(startedJobs);
    expect(byWorker.flat().sort((a, b) => a - b)).toEqual(ids);
    for (const taken of byWorker) expect(taken.length).toBeGreaterThan(0);
    // pg-boss agrees: every message completed at its first attempt.
    const attempts = await db.query<{ state: string; retry_count: number }>(
      `SELECT j.state, j.retry_count
         FROM rescreen_jobs r JOIN pgboss.job j ON j.id = r.queue_job_id::uuid
        WHERE r.id = ANY($1::int[])`,
      [ids],
    );
    expect(attempts).toHaveLength(JOBS);
    expect(attempts.every((row) => row.state === 'completed' && row.retry_count === 0)).toBe(true);
    // The first full re-screen raised the Katanga alerts; the later ones found them unchanged.
    const alerts = await monitoring.listAlerts({ status: 'open' });
    expect(alerts.length).toBeGreaterThanOrEqual(SUBJECTS / 50);
    expect(new Set(alerts.map((alert) => `${alert.subjectId} ${alert.entityId}`)).size).toBe(
      alerts.length,
    );

    for (const worker of workers) worker.child.kill('SIGTERM');
    for (const worker of workers) {
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      expect(worker.stderr).toMatch(/: stopped$/mu);
      expect(worker.stderr).not.toMatch(/error|failed/iu);
    }
  });
});
