/**
 * Where re-screening jobs wait and run: the `JobQueue` port (declared by the monitoring domain)
 * with its two implementations. Both keep each job's row in `rescreen_jobs`, which is where the
 * CLI and the API read progress, whichever process runs the job.
 *
 * - PostgreSQL: pg-boss 10. The job row and the pg-boss message are written in one transaction,
 *   so a job is never queued without its row or the other way round. Any number of processes
 *   (on any number of machines) can `work()`; pg-boss hands each job to one of them. A worker
 *   that dies mid-job leaves it active until its expiry, then pg-boss retries it; re-running a job
 *   is harmless (see `runRescreenJob`).
 * - PGlite: pg-boss needs its own `pg` connections, which an embedded single-connection database
 *   cannot give. A small in-process runner takes the jobs one at a time; on `work()` it resumes
 *   the jobs a previous process left queued or running.
 */
import PgBoss from 'pg-boss';
import type { JobHandler, JobQueue } from '../screening/monitor/ports.js';
import type { NewRescreenJob, RescreenJob } from '../screening/monitor/types.js';
import { type Clock, systemClock } from '../shared/clock.js';
import type { Db } from './db.js';
import { MonitoringRepositoryDb } from './monitoring-repository.js';

export type { JobHandler, JobQueue } from '../screening/monitor/ports.js';

/** The pg-boss queue all Sargas processes share. */
export const RESCREEN_QUEUE = 'sargas-rescreen';

interface RescreenMessage {
  readonly jobId: number;
}

export interface QueueOptions {
  readonly clock?: Clock;
  /** A job that failed in a way the handler did not record (the handler records its own). */
  readonly onError?: (error: unknown) => void;
}

/** The in-process runner for PGlite: one job at a time, in the order they were queued. */
export class InProcessJobQueue implements JobQueue {
  private readonly repository: MonitoringRepositoryDb;
  private readonly clock: Clock;
  private readonly pending: number[] = [];
  private handler: JobHandler | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    db: Db,
    private readonly options: QueueOptions = {},
  ) {
    this.repository = new MonitoringRepositoryDb(db);
    this.clock = options.clock ?? systemClock;
  }

  async enqueue(job: NewRescreenJob): Promise<RescreenJob> {
    const row = await this.repository.createJob(job, this.clock.now().toISOString());
    this.pending.push(row.id);
    this.kick();
    return row;
  }

  async work(handler: JobHandler): Promise<void> {
    this.handler = handler;
    this.stopped = false;
    // Jobs still queued or running belong to a process that ended before finishing them.
    for (const job of await this.repository.unfinishedJobs()) {
      if (!this.pending.includes(job.id)) this.pending.push(job.id);
    }
    this.pending.sort((a, b) => a - b);
    this.kick();
  }

  /** Resolves when no job is running or waiting (tests, and a CLI that waits for its job). */
  async idle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private kick(): void {
    if (this.running !== null || this.handler === null || this.stopped) return;
    const handler = this.handler;
    this.running = (async () => {
      while (this.pending.length > 0 && !this.stopped) {
        const id = this.pending.shift()!;
        try {
          await handler(id);
        } catch (error) {
          this.options.onError?.(error);
        }
      }
    })().finally(() => {
      this.running = null;
    });
  }
}

export interface PgBossQueueOptions extends QueueOptions {
  /** The same database as `db`, as a URL: pg-boss opens its own small pool. */
  readonly connectionString: string;
  /** How often an idle worker looks for a job (pg-boss's minimum is 0.5 s). */
  readonly pollingIntervalSeconds?: number;
  /** A job running longer than this is considered lost and retried (default 1 hour). */
  readonly expireInSeconds?: number;
  /** Retries after a failure or expiry (default 3). */
  readonly retryLimit?: number;
  /** pg-boss's connections per process (default 3). */
  readonly maxConnections?: number;
}

/** pg-boss on PostgreSQL. */
export class PgBossJobQueue implements JobQueue {
  private readonly clock: Clock;
  private workerId: string | null = null;

  private constructor(
    private readonly db: Db,
    private readonly boss: PgBoss,
    private readonly options: PgBossQueueOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /** Starts pg-boss (creating or migrating its schema `pgboss` if needed) and the queue. */
  static async open(db: Db, options: PgBossQueueOptions): Promise<PgBossJobQueue> {
    const boss = new PgBoss({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 3,
      application_name: 'sargas',
      // No cron schedules in Sargas: skip pg-boss's clock monitor.
      schedule: false,
    });
    boss.on('error', (error) => options.onError?.(error));
    await boss.start();
    const settings = {
      name: RESCREEN_QUEUE,
      retryLimit: options.retryLimit ?? 3,
      retryDelay: 5,
      expireInSeconds: options.expireInSeconds ?? 3600,
    };
    if ((await boss.getQueue(RESCREEN_QUEUE)) === null) {
      try {
        await boss.createQueue(RESCREEN_QUEUE, settings);
      } catch (error) {
        // Another process created it between the check and the insert.
        if ((await boss.getQueue(RESCREEN_QUEUE)) === null) {
          await boss.stop({ graceful: false });
          throw error;
        }
      }
    }
    return new PgBossJobQueue(db, boss, options);
  }

  enqueue(job: NewRescreenJob): Promise<RescreenJob> {
    return this.db.transaction(async (tx) => {
      const repository = new MonitoringRepositoryDb(tx);
      const row = await repository.createJob(job, this.clock.now().toISOString());
      const message: RescreenMessage = { jobId: row.id };
      // pg-boss writes its message through our transaction: both commit or neither does.
      const queueJobId = await this.boss.send(RESCREEN_QUEUE, message, {
        db: { executeSql: async (text, values) => ({ rows: await tx.query(text, values) }) },
      });
      if (queueJobId !== null) await repository.setQueueJobId(row.id, queueJobId);
      return row;
    });
  }

  async work(handler: JobHandler): Promise<void> {
    if (this.workerId !== null) return;
    this.workerId = await this.boss.work<RescreenMessage>(
      RESCREEN_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        // A throw fails the pg-boss job, which retries it (the row records the error meanwhile).
        for (const job of jobs) await handler(job.data.jobId);
      },
    );
  }

  /** pg-boss's own record of the job behind a row (state, retries), for diagnostics. */
  async queueState(queueJobId: string): Promise<string | null> {
    const job = await this.boss.getJobById<RescreenMessage>(RESCREEN_QUEUE, queueJobId);
    return job?.state ?? null;
  }

  async stop(): Promise<void> {
    // Graceful: the running job may finish; after the timeout pg-boss fails it, so it is retried.
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}

/**
 * The queue for a database, chosen once as the driver is: pg-boss on PostgreSQL (it needs the
 * server's URL for its own connections), the in-process runner on PGlite.
 */
export async function openJobQueue(
  db: Db,
  options: QueueOptions & { readonly databaseUrl?: string | null } & Partial<
      Omit<PgBossQueueOptions, 'connectionString'>
    >,
): Promise<JobQueue> {
  if (db.dialect === 'pglite') return new InProcessJobQueue(db, options);
  if (options.databaseUrl == null || options.databaseUrl === '') {
    throw new Error('the pg-boss job queue needs the PostgreSQL URL of the database');
  }
  return PgBossJobQueue.open(db, { ...options, connectionString: options.databaseUrl });
}
