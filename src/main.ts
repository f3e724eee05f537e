import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readFirstLine } from './cli/commands/users.js';
import { reportError } from './cli/exit.js';
import type { CliIo } from './cli/io.js';
import { processIo } from './cli/io.js';
import { runCli } from './cli/main.js';
import type { CliServices, ListsService } from './cli/services.js';
import { type Config, type Env, loadConfig, type VettingSettings } from './config.js';
import { diffVersions } from './lists/diff-versions.js';
import { type ImportResult, importList } from './lists/import-list.js';
import type { ListStore } from './lists/ports.js';
import { updateList } from './lists/update-lists.js';
import type { MatchService } from './screening/match-service.js';
import { createMonitoringService, type MonitoringService } from './screening/monitor/index.js';
import { type Clock, systemClock } from './shared/clock.js';
import { ParseError } from './shared/errors.js';
import { ApiKeyRepository } from './store/api-key-repository.js';
import type { DbHandle } from './store/db.js';
import { openJobQueue } from './store/job-queue.js';
import { ListRepository } from './store/list-repository.js';
import { MonitoringRepositoryStore } from './store/monitoring-repository.js';
import { openDb } from './store/open-db.js';
import { VettingRepositoryStore } from './store/vetting-repository.js';
import { argon2Hasher } from './vetting/argon2-hasher.js';
import { createVettingService, type VettingDeps } from './vetting/create-service.js';
import type { VettingService } from './vetting/service.js';
import { DEFAULT_SLA_POLICY, parseSlaPolicy } from './vetting/sla.js';
import { DEFAULT_RISK_RULES, parseRiskRules } from './vetting/triage/index.js';
import { fetchWebhookSender } from './vetting/webhook-sender.js';

/**
 * The composition root: the one place that reads the configuration, constructs adapters and binds
 * use cases to them. Everything else receives its dependencies.
 */

/** PGlite keeps its files in a folder of the data dir; downloads and their state sit beside it. */
export function pgliteDir(config: Config): string {
  return join(config.dataDir, 'pglite');
}

function storeLocation(config: Config): string {
  if (config.databaseUrl === null) return `PGlite in ${pgliteDir(config)}`;
  try {
    const url = new URL(config.databaseUrl);
    url.password = url.password === '' ? '' : '***';
    return `PostgreSQL at ${url.href}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/**
 * Binds the list use cases to a store; `afterImport` runs after each `importList` and after each
 * `updateList` that imported a new version, with the command that imported it.
 */
export function listsService(
  store: ListStore,
  config: Config,
  afterImport?: (result: ImportResult, origin: 'lists import' | 'lists update') => Promise<unknown>,
): ListsService {
  const deps = { store, clock: systemClock };
  return {
    location: storeLocation(config),
    importList: async (input, onProgress) => {
      const result = await importList(deps, input, onProgress);
      await afterImport?.(result, 'lists import');
      return result;
    },
    listVersions: (source) => store.listVersions(source),
    diffVersions: (source, from, to) => diffVersions(store, source, from, to),
    updateList: async (source, onEvent) => {
      const result = await updateList(
        { ...deps, downloadDir: join(config.dataDir, 'downloads') },
        { ...config.downloads[source] },
        onEvent,
      );
      // Same hook as `importList`: a downloaded new version queues its delta re-screen.
      if (result.status === 'imported' && result.version !== null) {
        await afterImport?.({ status: 'imported', version: result.version }, 'lists update');
      }
      return result;
    },
  };
}

async function readJsonFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ParseError({ file }, `not valid JSON: ${(error as Error).message}`);
  }
}

/** The vetting settings with their policy and rules files read and checked. */
async function vettingConfig(settings: VettingSettings): Promise<VettingDeps['config']> {
  const { slaPolicyFile, riskRulesFile, qaSampleRate, sessionHours } = settings;
  return {
    sla:
      slaPolicyFile === null
        ? DEFAULT_SLA_POLICY
        : parseSlaPolicy(await readJsonFile(slaPolicyFile), slaPolicyFile),
    rules:
      riskRulesFile === null
        ? DEFAULT_RISK_RULES
        : parseRiskRules(await readJsonFile(riskRulesFile), riskRulesFile),
    webhookSecret: settings.webhookSecret,
    ...(qaSampleRate === null ? {} : { qaSampleRate }),
    ...(sessionHours === null ? {} : { sessionHours }),
  };
}

function vettingService(
  handle: DbHandle,
  config: VettingDeps['config'],
  clock: Clock,
  screening: () => MatchService | null,
): VettingService {
  return createVettingService({
    store: new VettingRepositoryStore(handle),
    hasher: argon2Hasher(),
    clock,
    screening,
    webhook: fetchWebhookSender(),
    config,
  });
}

export interface MainOptions {
  readonly io?: CliIo;
  /** The environment to configure from (tests pass their own); the process's by default. */
  readonly env?: Env;
}

/** Runs one `sargas` command line and returns its exit code. */
export async function main(args: readonly string[], options: MainOptions = {}): Promise<number> {
  const io = options.io ?? processIo();
  let config: Config;
  try {
    config = loadConfig(options.env);
  } catch (error) {
    return reportError(error, false, io.stderr);
  }

  // The database opens only when a command asks for the store: `lists stats` and `screen` run
  // without one (no PGlite start-up, no data dir created).
  let db: Promise<DbHandle> | null = null;
  const open = () =>
    (db ??= openDb({ databaseUrl: config.databaseUrl ?? undefined, dataDir: pgliteDir(config) }));
  // Monitoring opens the job queue (pg-boss on PostgreSQL) only when a command needs it.
  let monitoring: Promise<MonitoringService> | null = null;
  const openMonitoring = () =>
    (monitoring ??= open().then(async (handle) =>
      createMonitoringService({
        store: new MonitoringRepositoryStore(handle),
        lists: new ListRepository(handle),
        queue: await openJobQueue(handle, { databaseUrl: config.databaseUrl }),
        clock: systemClock,
      }),
    ));
  // Read on first use: a broken policy file fails the vetting commands, not `lists import`.
  let vettingSettings: Promise<VettingDeps['config']> | null = null;
  const openVettingConfig = () => (vettingSettings ??= vettingConfig(config.vetting));
  const services: CliServices = {
    config,
    async lists() {
      const handle = await open();
      // A new list version queues the delta re-screen of the subjects under watch, if any.
      return listsService(new ListRepository(handle), config, async (result, origin) => {
        if (result.status !== 'imported') return;
        if ((await new MonitoringRepositoryStore(handle).countSubjects()) === 0) return;
        await (await openMonitoring()).onListImported(result, origin);
      });
    },
    monitor: openMonitoring,
    async api() {
      const handle = await open();
      return {
        lists: new ListRepository(handle),
        apiKeys: new ApiKeyRepository(handle),
        vetting: async (screening) =>
          vettingService(handle, await openVettingConfig(), systemClock, screening),
      };
    },
    readStdinLine: () => readFirstLine(process.stdin),
    // The console's commands never triage, so they need no screening index.
    async vetting() {
      return vettingService(await open(), await openVettingConfig(), systemClock, () => null);
    },
    async vettingAdmin() {
      const handle = await open();
      const settings = await openVettingConfig();
      return {
        store: new VettingRepositoryStore(handle),
        lists: new ListRepository(handle),
        sla: settings.sla,
        serviceWith: ({ clock, screening }) =>
          vettingService(handle, settings, clock, () => screening),
      };
    },
  };

  try {
    return await runCli(args, services, io);
  } finally {
    if (monitoring !== null) {
      const opened = await (monitoring as Promise<MonitoringService>).catch(() => null);
      await opened?.close();
    }
    if (db !== null) {
      const opened = await (db as Promise<DbHandle>).catch(() => null);
      await opened?.close();
    }
  }
}
