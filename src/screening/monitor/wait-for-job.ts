import type { MonitoringRepository } from './ports.js';
import type { RescreenJob } from './types.js';

export interface WaitOptions {
  /** How often to read the job's row (default 250 ms). */
  readonly intervalMs?: number;
  /** Give up after this long (default: never). */
  readonly timeoutMs?: number;
  readonly onProgress?: (job: RescreenJob) => void;
}

/**
 * Waits until a job is completed or failed by reading its row, whichever process runs it: the
 * row is the only progress channel, so the CLI and the API see the same thing.
 */
export async function waitForJob(
  store: Pick<MonitoringRepository, 'getJob'>,
  jobId: number,
  options: WaitOptions = {},
): Promise<RescreenJob> {
  const started = Date.now();
  for (;;) {
    const job = await store.getJob(jobId);
    if (job === null) throw new Error(`re-screening job ${jobId} vanished`);
    options.onProgress?.(job);
    if (job.state === 'completed' || job.state === 'failed') return job;
    if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) {
      throw new Error(`re-screening job ${jobId} still ${job.state} after ${options.timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}
