/**
 * `sargas monitor ...`: subjects under watch, re-screening jobs and alerts.
 *
 *   monitor import --input subjects.csv
 *   monitor rescreen [--full] [--list-version V] [--detach]  (`--version` is the program's own)
 *   monitor jobs [--json]
 *   monitor alerts [--status open] [--subject ID] [--limit N] [--json]
 *   monitor history ALERT_ID [--json]
 *   monitor dismiss ALERT_ID --reason R --actor A
 *   monitor confirm ALERT_ID --reason R --actor A
 *   monitor worker            (PostgreSQL: runs queued jobs until SIGINT/SIGTERM, one line a job)
 */
import { hostname } from 'node:os';
import cliProgress from 'cli-progress';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  ALERT_STATUSES,
  type Alert,
  type AlertStatus,
  type MonitoringService,
  type RescreenJob,
} from '../../screening/monitor/index.js';
import type { CommandContext } from '../services.js';

function parseId(value: string): number {
  if (!/^\d+$/u.test(value.trim()) || Number(value) < 1) {
    throw new InvalidArgumentError(`expected a positive whole number, got '${value}'`);
  }
  return Number(value);
}

async function service(ctx: CommandContext): Promise<MonitoringService> {
  const open = ctx.services.monitor;
  if (open === undefined) throw new Error('monitoring is not wired into this build of sargas');
  return open();
}

export function describeJob(job: RescreenJob): string {
  const what =
    job.kind === 'full' ? 'full' : `delta ${job.source ?? '?'} version ${job.versionId ?? '?'}`;
  const error = job.error === null ? '' : ` error: ${job.error}`;
  return (
    `job ${job.id} ${what}: ${job.state}, ${job.processed}/${job.total} subjects, ` +
    `${job.alertsRaised} alerts raised, ${job.alertsClosed} closed${error}`
  );
}

function describeAlert(alert: Alert): string {
  return (
    `${alert.id}\t${alert.status}\t${alert.score.toFixed(3)}\t${alert.externalId}\t${alert.subjectName}` +
    `\t${alert.entityId}\t${alert.entityCaption}\t${alert.source} v${alert.versionId}`
  );
}

/** Waits for a job, with a progress bar on a terminal and one final line everywhere. */
async function follow(ctx: CommandContext, monitor: MonitoringService, job: RescreenJob) {
  const bar = ctx.io.isTTY
    ? new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `job ${job.id} [{bar}] {percentage}% | {value}/{total} subjects | {alerts} alerts | {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
          fps: 10,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  try {
    return await monitor.waitForJob(job.id, {
      onProgress: (row) => {
        if (bar === null || row.state === 'queued') return;
        if (!started) {
          bar.start(Math.max(row.total, 1), 0, { alerts: 0 });
          started = true;
        }
        bar.update(row.processed, { alerts: row.alertsRaised });
      },
    });
  } finally {
    bar?.stop();
  }
}

export function registerMonitorCommand(program: Command, ctx: CommandContext): Command {
  const monitor = program
    .command('monitor')
    .description('watch subjects: import them, re-screen them on list updates, review alerts');

  monitor
    .command('import')
    .description(
      'import subjects from CSV (id,schema,name,birth_date,nationality,id_number; id = your id); re-importing updates by id',
    )
    .requiredOption('--input <subjects.csv>', 'subjects, CSV with a header row')
    .action(async (options: { input: string }) => {
      const result = await (await service(ctx)).importSubjects(options.input);
      ctx.io.stdout.write(
        `imported ${result.rows} subjects: ${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged\n`,
      );
      if (result.inserted + result.updated > 0) {
        ctx.io.stdout.write(
          'new and changed subjects are screened by `sargas monitor rescreen --full`\n',
        );
      }
    });

  monitor
    .command('rescreen')
    .description(
      'queue a re-screening job and follow it: a delta of one list version (default: the newest), or --full',
    )
    .option('--full', 'all subjects against all current lists')
    .option('--list-version <id>', 'the list version whose changes to screen (delta)', parseId)
    .option('--detach', 'queue the job and return (a worker runs it)')
    .action(async (options: { full?: boolean; listVersion?: number; detach?: boolean }) => {
      const service_ = await service(ctx);
      const job = await service_.requestRescreen({
        kind: options.full === true ? 'full' : 'delta',
        ...(options.listVersion === undefined ? {} : { versionId: options.listVersion }),
        requestedBy: 'cli',
      });
      if (options.detach === true) {
        ctx.io.stdout.write(`${describeJob(job)}\n`);
        return;
      }
      // This process works too: on PGlite it is the only worker; on PostgreSQL it helps.
      await service_.startWorker();
      const done = await follow(ctx, service_, job);
      ctx.io.stdout.write(`${describeJob(done)}\n`);
      if (done.state === 'failed') ctx.exitCode = 1;
    });

  monitor
    .command('jobs')
    .description('re-screening jobs with their progress, newest first')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }) => {
      for (const job of await (await service(ctx)).listJobs()) {
        ctx.io.stdout.write(`${options.json === true ? JSON.stringify(job) : describeJob(job)}\n`);
      }
    });

  monitor
    .command('alerts')
    .description('alerts: id, status, score, subject, list entity, list version')
    .addOption(
      new Option('--status <status>', 'only alerts in this status').choices(ALERT_STATUSES),
    )
    .option('--subject <id>', "only this subject's alerts (your id)")
    .option('--limit <n>', 'at most this many (default 1000)', parseId)
    .option('--json', 'one JSON object per line, with the explanation')
    .action(
      async (options: {
        status?: AlertStatus;
        subject?: string;
        limit?: number;
        json?: boolean;
      }) => {
        const alerts = await (await service(ctx)).listAlerts({
          ...(options.status === undefined ? {} : { status: options.status }),
          ...(options.subject === undefined ? {} : { subjectExternalId: options.subject }),
          ...(options.limit === undefined ? {} : { limit: options.limit }),
        });
        for (const alert of alerts) {
          ctx.io.stdout.write(
            `${options.json === true ? JSON.stringify(alert) : describeAlert(alert)}\n`,
          );
        }
      },
    );

  monitor
    .command('history')
    .description("an alert's history: who did what, when and why")
    .argument('<alert-id>', 'the alert', parseId)
    .option('--json', 'one JSON object per line')
    .action(async (alertId: number, options: { json?: boolean }) => {
      for (const entry of await (await service(ctx)).alertHistory(alertId)) {
        ctx.io.stdout.write(
          options.json === true
            ? `${JSON.stringify(entry)}\n`
            : `${entry.at}\t${entry.actor}\t${entry.action}\t${entry.fromStatus ?? '-'} -> ${entry.toStatus}\t${entry.reason ?? ''}\n`,
        );
      }
    });

  for (const decision of ['dismissed', 'confirmed'] as const) {
    monitor
      .command(decision === 'dismissed' ? 'dismiss' : 'confirm')
      .description(
        decision === 'dismissed'
          ? 'dismiss an alert as a false positive (suppressed until the list entity changes)'
          : 'confirm an alert as a true match',
      )
      .argument('<alert-id>', 'the alert', parseId)
      .requiredOption('--reason <text>', 'why (recorded)')
      .requiredOption('--actor <name>', 'who decides (recorded)')
      .action(async (alertId: number, options: { reason: string; actor: string }) => {
        const alert = await (await service(ctx)).decideAlert({
          alertId,
          decision,
          actor: options.actor,
          reason: options.reason,
        });
        ctx.io.stdout.write(`${describeAlert(alert)}\n`);
      });
  }

  monitor
    .command('worker')
    .description(
      'run queued re-screening jobs until SIGINT or SIGTERM (PostgreSQL: any number of them)',
    )
    .action(async () => {
      const service_ = await service(ctx);
      // One line per job, so that an operator running several workers sees which ran what.
      const worker = `${hostname()}/${process.pid}`;
      const log = (line: string) => ctx.io.stderr.write(`monitor worker ${worker}: ${line}\n`);
      await service_.startWorker({
        started: (jobId) => log(`job ${jobId} started`),
        finished: (job) => log(describeJob(job)),
        failed: (jobId, error) =>
          log(`job ${jobId} failed: ${error instanceof Error ? error.message : String(error)}`),
      });
      log('waiting for re-screening jobs (Ctrl-C or SIGTERM to stop)');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      log('stopping: the running job, if any, finishes first');
      await service_.close();
      log('stopped');
    });

  return monitor;
}
