import type { Command } from 'commander';
import { createApiKey, parseScopes, storedKeyVerifier } from '../../api/api-keys.js';
import { buildServer } from '../../api/server.js';
import type { ListStore } from '../../lists/ports.js';
import {
  DEFAULT_DATASET,
  type MatchService,
  MatchServiceHolder,
} from '../../screening/match-service.js';
import { systemClock } from '../../shared/clock.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { CommandContext } from '../services.js';

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

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Resolves on the first SIGTERM or SIGINT (and stops listening for the other). */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
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
 */
export async function serveApi(
  ctx: CommandContext,
  options: ServeOptions,
  stop: Promise<unknown> = untilSignal(),
): Promise<void> {
  const api = ctx.services.api;
  if (api === undefined) throw new Error('the HTTP API is not wired into this build');
  const { lists, apiKeys } = await api();
  const auth = options.auth ?? (LOOPBACK.has(options.host) ? 'none' : 'required');
  const holder = new MatchServiceHolder();
  const app = buildServer({
    screening: holder,
    lists,
    apiKeys: storedKeyVerifier(apiKeys),
    config: { auth },
  });
  const address = await app.listen({ port: options.port, host: options.host });
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
  if (outcome !== null) throw outcome.error;
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
    .action(async (options: { port: string; host: string; auth?: string; refresh: string }) => {
      if (options.auth !== undefined && options.auth !== 'required' && options.auth !== 'none') {
        throw new ValidationError(`--auth must be 'required' or 'none'`, 'auth');
      }
      await serveApi(ctx, {
        port: parsePort(options.port),
        host: options.host,
        refreshSeconds: parseRefresh(options.refresh),
        ...(options.auth === undefined ? {} : { auth: options.auth }),
      });
    });
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
    .option('--scope <scope...>', 'match, search and/or admin (repeat or separate with commas)', [
      'match',
    ])
    .action(async (options: { name: string; scope: string[] }) => {
      const { key, record } = await createApiKey(
        { store: await store(), clock: systemClock },
        { name: options.name, scopes: parseScopes(options.scope) },
      );
      ctx.io.stdout.write(`${key}\n`);
      ctx.io.stderr.write(
        `sargas: key ${record.id} '${record.name}' (${record.scopes.join(', ')}); it is shown only now\n`,
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
