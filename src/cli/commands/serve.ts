import type { Command } from 'commander';
import { createApiKey, parseScopes, storedKeyVerifier } from '../../api/api-keys.js';
import { buildServer } from '../../api/server.js';
import type { LoginThrottleLimits } from '../../api/v1/login-throttle.js';
import type { VettingSettings } from '../../config.js';
import type { ListStore } from '../../lists/ports.js';
import {
  DEFAULT_DATASET,
  type MatchService,
  MatchServiceHolder,
} from '../../screening/match-service.js';
import { systemClock } from '../../shared/clock.js';
import {
  ConflictError,
  errorCode,
  ForbiddenError,
  NotFoundError,
  type SargasError,
  ValidationError,
} from '../../shared/errors.js';
import type { User } from '../../vetting/index.js';
import type { VettingService } from '../../vetting/service.js';
import type { CommandContext } from '../services.js';
import { openVettingAdmin } from './users.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Default: `none` on a loopback address (the local embedded default), else `required`. */
  readonly auth?: 'required' | 'none';
  /**
   * Seconds between checks for new current list versions (imported by another process or a CLI
   * command); the index is then rebuilt in the background. 0 turns the check off. Default 60.
   */
  readonly refreshSeconds?: number;
  /**
   * Whether this process also runs re-screening jobs (default true). Only PostgreSQL can leave
   * them to `sargas monitor worker` processes: on PGlite the serving process is the only one that
   * can, so it always does.
   */
  readonly worker?: boolean;
  /** Limits of the `/api/v1` sign-in throttle; unset fields keep `DEFAULT_LOGIN_THROTTLE`. */
  readonly loginThrottle?: Partial<LoginThrottleLimits>;
}

export const DEFAULT_SERVE: ServeOptions = { port: 8000, host: '127.0.0.1', refreshSeconds: 60 };

/** Where `refreshIndex` writes its one line. */
export interface RefreshLog {
  info(details: object, message: string): void;
}

/**
 * The periodic check of `sargas serve`: when a list's current version in the store differs from
 * the one the index was built from, rebuilds the index and swaps it in (requests keep using the
 * old one meanwhile) and logs one line. Returns the new index, or null when nothing changed.
 */
export async function refreshIndex(
  holder: MatchServiceHolder,
  lists: Pick<ListStore, 'listVersions' | 'versionEntities'>,
  log: RefreshLog,
): Promise<MatchService | null> {
  const started = performance.now();
  const service = await holder.refresh(lists);
  if (service !== null) {
    const versions = service
      .datasets()
      .filter((dataset) => dataset.name !== DEFAULT_DATASET)
      .flatMap((dataset) => dataset.versions.map((version) => `${version.source} ${version.id}`));
    log.info(
      { versions, ms: Math.round(performance.now() - started) },
      'screening index rebuilt for new list versions',
    );
  }
  return service;
}

/** Where the vetting loops write: pino's `(details, message)` form. */
export interface LoopLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface VettingLoops {
  /** Starts a triage run now, or one more right after the run in progress. */
  triageSoon(): void;
  /** Stops the timers and waits for the runs in progress. */
  stop(): Promise<void>;
}

/** New cases per `triagePending` call; a full batch means more may wait, so the run goes on. */
const TRIAGE_BATCH = 500;

export const VETTING_TIMING = { triageSweepMs: 5_000, deliverySweepMs: 30_000 } as const;

/**
 * One task never overlapping itself: a trigger while it runs asks for one more run after it, so
 * a burst of triggers costs at most two runs.
 */
function singleFlight(task: () => Promise<void>, stopped: () => boolean) {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await task();
    } while (again && !stopped());
  };
  return {
    trigger() {
      if (stopped()) return;
      if (running !== null) {
        again = true;
        return;
      }
      running = loop().finally(() => {
        running = null;
      });
    },
    idle: () => running ?? Promise.resolve(),
  };
}

/**
 * The vetting work of `sargas serve`. Triage runs after each new submission and every few seconds
 * (for cases submitted while the index was still building, or by another process); approved
 * conclusions are offered to the agencies' webhooks every 30 s. A failed run is logged and the
 * next one retries: nothing is lost, the cases stay `new` and the deliveries due.
 */
export function startVettingLoops(
  vetting: Pick<VettingService, 'triagePending' | 'deliverDue'>,
  log: LoopLog,
  timing: { readonly triageSweepMs: number; readonly deliverySweepMs: number } = VETTING_TIMING,
): VettingLoops {
  let stopped = false;
  const triage = singleFlight(
    async () => {
      try {
        for (;;) {
          const summary = await vetting.triagePending(TRIAGE_BATCH);
          if (summary.triaged > 0) log.info({ ...summary }, 'new cases triaged');
          if (summary.triaged < TRIAGE_BATCH || stopped) return;
        }
      } catch (error) {
        log.error({ err: error }, 'triage failed; the next sweep retries');
      }
    },
    () => stopped,
  );
  const delivery = singleFlight(
    async () => {
      try {
        const delivered = await vetting.deliverDue();
        if (delivered > 0) log.info({ delivered }, 'conclusions delivered by webhook');
      } catch (error) {
        log.error({ err: error }, 'webhook delivery failed; the next sweep retries');
      }
    },
    () => stopped,
  );
  const timers = [
    setInterval(triage.trigger, timing.triageSweepMs).unref(),
    setInterval(delivery.trigger, timing.deliverySweepMs).unref(),
  ];
  triage.trigger();
  return {
    triageSoon: triage.trigger,
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.all([triage.idle(), delivery.idle()]);
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Resolves on the first SIGTERM or SIGINT (and stops listening for the other). Aborting `release`
 * removes both handlers without resolving, so a server that never started leaves none behind.
 */
export function untilSignal(release?: AbortSignal): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const off = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    };
    const stop = (signal: NodeJS.Signals) => {
      off();
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    release?.addEventListener('abort', off, { once: true });
  });
}

/** The fields of a Node.js system error that a failed `listen` carries. */
interface ListenFailure {
  readonly code: string;
  readonly address?: string;
  readonly port?: number;
}

function asListenFailure(error: unknown): ListenFailure | null {
  const code = errorCode(error);
  if (code === undefined) return null;
  const { address, port } = error as { address?: unknown; port?: unknown };
  return {
    code,
    ...(typeof address === 'string' ? { address } : {}),
    ...(typeof port === 'number' ? { port } : {}),
  };
}

/**
 * A failed `listen` that the operator caused and can fix (a port taken or privileged, a host that
 * is not this machine's) as a user error with a one-line message, so the CLI reports it with an
 * exit code of its kind instead of as a bug; null for anything else. The error codes pick the
 * exit code through `cli/exit.ts`: in use → `conflict` (75, retrying once the port is free may
 * help), permission → `forbidden` (77, EX_NOPERM), a wrong `--host` → `validation` (2).
 */
export function listenError(error: unknown, host: string, port: number): SargasError | null {
  const failure = asListenFailure(error);
  if (failure === null) return null;
  const where = `port ${failure.port ?? port} on ${failure.address ?? host}`;
  switch (failure.code) {
    case 'EADDRINUSE':
      return new ConflictError(
        `${where} is already in use (EADDRINUSE); stop the other process or pass --port`,
        { host, port },
      );
    case 'EACCES': {
      const hint =
        (failure.port ?? port) < 1024
          ? 'ports below 1024 need privileges: pass --port 1024 or higher'
          : 'pass another --port';
      return new ForbiddenError(`no permission to listen on ${where} (EACCES); ${hint}`, {
        host,
        port,
      });
    }
    case 'EADDRNOTAVAIL':
      return new ValidationError(
        `cannot listen on ${host}: not an address of this machine (EADDRNOTAVAIL); pass another --host`,
        'host',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ValidationError(
        `cannot listen on ${host}: the host name does not resolve (${failure.code}); pass an IP address as --host`,
        'host',
      );
    default:
      return null;
  }
}

function parseRefresh(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 86_400) {
    throw new ValidationError(
      `--refresh must be a number of seconds (0-86400, 0: off), not '${value}'`,
      'refresh',
    );
  }
  return seconds;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ValidationError(`--port must be a port number (0-65535), not '${value}'`, 'port');
  }
  return port;
}

/**
 * Serves the HTTP API until `stop` resolves (SIGTERM/SIGINT by default), then closes gracefully:
 * Fastify stops accepting connections, answers in-flight requests and closes. The server listens
 * before the index is built, so orchestrators see `/healthz` at once and `/readyz` when ready.
 * A port in use (and the like) is a user error (`listenError`), not a crash.
 */
export async function serveApi(
  ctx: CommandContext,
  options: ServeOptions,
  stop?: Promise<unknown>,
): Promise<void> {
  // Signals are caught from the start (a Ctrl-C while the store opens still ends in an orderly
  // shutdown) and released on every way out, also when the server never listened.
  const release = new AbortController();
  try {
    await serveUntil(ctx, options, stop ?? untilSignal(release.signal));
  } finally {
    release.abort();
  }
}

async function serveUntil(
  ctx: CommandContext,
  options: ServeOptions,
  stop: Promise<unknown>,
): Promise<void> {
  const api = ctx.services.api;
  if (api === undefined) throw new Error('the HTTP API is not wired into this build');
  const { lists, apiKeys, vetting: openVetting } = await api();
  const auth = options.auth ?? (LOOPBACK.has(options.host) ? 'none' : 'required');
  const holder = new MatchServiceHolder();
  const vetting = await openVetting?.(() => holder.current());
  // Started once the server listens (submissions cannot arrive earlier).
  let vettingLoops: VettingLoops | null = null;
  // The composition root owns the monitoring service and closes it (and its worker) after us.
  const monitoring = await ctx.services.monitor?.();
  const app = buildServer({
    screening: holder,
    lists,
    apiKeys: storedKeyVerifier(apiKeys),
    config: { auth },
    ...(options.loginThrottle === undefined ? {} : { loginThrottle: options.loginThrottle }),
    ...(monitoring === undefined ? {} : { monitoring }),
    ...(vetting === undefined
      ? {}
      : { vetting, onAssessmentSubmitted: () => vettingLoops?.triageSoon() }),
  });
  if (monitoring !== undefined) {
    const embedded = ctx.services.config.databaseUrl === null;
    if (options.worker !== false || embedded) {
      await monitoring.startWorker({
        started: (jobId) => app.log.info({ jobId }, 're-screening job started'),
        finished: (job) =>
          app.log.info(
            { jobId: job.id, state: job.state, processed: job.processed },
            're-screening job finished',
          ),
        failed: (jobId, error) => app.log.error({ jobId, err: error }, 're-screening job failed'),
      });
    }
    if (options.worker === false && embedded) {
      app.log.warn('--no-worker ignored: on PGlite only the serving process can run jobs');
    }
  }
  let address: string;
  try {
    address = await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    // Closing a server that never listened only runs the close hooks; its failure would hide
    // the reason the operator needs to see.
    await app.close().catch(() => undefined);
    throw listenError(error, options.host, options.port) ?? error;
  }
  if (vetting !== undefined) vettingLoops = startVettingLoops(vetting, app.log);
  ctx.io.stderr.write(
    `sargas: serving on ${address} (auth ${auth === 'none' ? 'off: local use only' : 'required'}); docs at ${address}/docs\n`,
  );
  // A failed build ends the service: an API that can never become ready is worse than none.
  const failure = new Promise<{ error: unknown }>((resolve) => {
    holder.reload(lists).then(
      (service) => {
        const counts = service
          .datasets()
          .map((dataset) => `${dataset.name} ${dataset.entityCount}`);
        app.log.info({ datasets: counts }, 'screening index ready');
        // Cases submitted while the index was building need not wait for the next sweep.
        vettingLoops?.triageSoon();
      },
      (error: unknown) => resolve({ error }),
    );
  });
  // A failed rebuild is logged and retried at the next check; the previous index keeps serving.
  const refreshSeconds = options.refreshSeconds ?? DEFAULT_SERVE.refreshSeconds ?? 60;
  const timer =
    refreshSeconds > 0
      ? setInterval(() => {
          refreshIndex(holder, lists, app.log).catch((error: unknown) => {
            app.log.error({ err: error }, 'screening index rebuild failed; the old index serves');
          });
        }, refreshSeconds * 1000).unref()
      : null;
  const outcome = await Promise.race([stop.then(() => null), failure]);
  if (timer !== null) clearInterval(timer);
  app.log.info('shutting down');
  await app.close();
  // After the server: no request can start a triage run once the sweeps have stopped.
  await vettingLoops?.stop();
  if (outcome !== null) throw outcome.error;
}

/** The command line of `sargas serve`, as commander parses it. */
interface ServeFlags {
  readonly port: string;
  readonly host: string;
  readonly auth?: string;
  readonly refresh: string;
  /** False with `--no-worker`. */
  readonly worker: boolean;
}

/** The sign-in throttle's limits set in the environment; unset ones keep the defaults. */
export function loginThrottleOf(settings: VettingSettings): Partial<LoginThrottleLimits> {
  return {
    ...(settings.loginMaxFailuresPerUser === null
      ? {}
      : { perUsername: settings.loginMaxFailuresPerUser }),
    ...(settings.loginMaxFailuresPerAddress === null
      ? {}
      : { perAddress: settings.loginMaxFailuresPerAddress }),
    ...(settings.loginWindowMinutes === null
      ? {}
      : { windowMs: settings.loginWindowMinutes * 60_000 }),
  };
}

/** `sargas serve [--port 8000] [--host 127.0.0.1] [--auth required|none]` */
export function registerServeCommand(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('serve the yente-compatible HTTP API (OpenAPI at /openapi.json, docs at /docs)')
    .option('--port <port>', 'TCP port (0: any free port)', String(DEFAULT_SERVE.port))
    .option('--host <host>', 'address to listen on', DEFAULT_SERVE.host)
    .option(
      '--auth <mode>',
      "'required' (API keys) or 'none'; default: none on loopback, required elsewhere",
    )
    .option(
      '--refresh <seconds>',
      'seconds between checks for new list versions, which rebuild the index (0: off)',
      String(DEFAULT_SERVE.refreshSeconds),
    )
    .option(
      '--no-worker',
      'PostgreSQL: leave re-screening jobs to `sargas monitor worker` processes (PGlite: ignored)',
    )
    .action(async (options: ServeFlags) => {
      if (options.auth !== undefined && options.auth !== 'required' && options.auth !== 'none') {
        throw new ValidationError(`--auth must be 'required' or 'none'`, 'auth');
      }
      await serveApi(ctx, {
        port: parsePort(options.port),
        host: options.host,
        refreshSeconds: parseRefresh(options.refresh),
        worker: options.worker,
        loginThrottle: loginThrottleOf(ctx.services.config.vetting),
        ...(options.auth === undefined ? {} : { auth: options.auth }),
      });
    });
}

/** The active vetting user a key is bound to (`apikeys add --user`). */
async function vettingUser(ctx: CommandContext, username: string): Promise<User> {
  const found = await (await openVettingAdmin(ctx)).store.userByUsername(username);
  if (found === null) throw new NotFoundError(`no user '${username}'`, { username });
  if (!found.user.active) {
    throw new ValidationError(`user '${username}' is disabled; a key cannot act as them`, 'user');
  }
  return found.user;
}

/** `sargas apikeys add|list|revoke`: the key is printed once, at creation, and never again. */
export function registerApiKeysCommands(program: Command, ctx: CommandContext): Command {
  const apikeys = program.command('apikeys').description('manage API keys for the HTTP API');
  const store = async () => {
    const api = ctx.services.api;
    if (api === undefined) throw new Error('the HTTP API is not wired into this build');
    return (await api()).apiKeys;
  };
  apikeys
    .command('add')
    .description('create a key and print it (only this once)')
    .requiredOption('--name <name>', 'who or what uses the key')
    .option(
      '--scope <scope...>',
      'match, search, monitor and/or admin (repeat or separate with commas)',
      ['match'],
    )
    .option('--user <username>', 'bind the key to a vetting user: on /api/v1 it acts as them')
    .action(async (options: { name: string; scope: string[]; user?: string }) => {
      const scopes = parseScopes(options.scope);
      const user = options.user === undefined ? null : await vettingUser(ctx, options.user);
      const { key, record } = await createApiKey(
        { store: await store(), clock: systemClock },
        { name: options.name, scopes, ...(user === null ? {} : { userId: user.id }) },
      );
      ctx.io.stdout.write(`${key}\n`);
      const actsAs = user === null ? '' : `, acts as user '${user.username}' on /api/v1`;
      ctx.io.stderr.write(
        `sargas: key ${record.id} '${record.name}' (${record.scopes.join(', ')}${actsAs}); it is shown only now\n`,
      );
    });
  apikeys
    .command('list')
    .description('list keys (prefix, name, scopes; never the key)')
    .action(async () => {
      for (const key of await (await store()).list()) {
        const state = key.revokedAt === null ? 'active' : `revoked ${key.revokedAt}`;
        ctx.io.stdout.write(
          `${key.id}\t${key.prefix}…\t${key.name}\t${key.scopes.join(',')}\t${key.createdAt}\t${state}\n`,
        );
      }
    });
  apikeys
    .command('revoke <id>')
    .description('revoke a key by its id')
    .action(async (id: string) => {
      const done = await (await store()).revoke(Number(id), systemClock.now().toISOString());
      if (!done) throw new NotFoundError(`no active API key with id '${id}'`, { id });
      ctx.io.stdout.write(`revoked key ${id}\n`);
    });
  return apikeys;
}
