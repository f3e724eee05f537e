import type { ApiKeyAdmin } from '../api/api-keys.js';
import type { Config, OfficialList } from '../config.js';
import type { VersionDiff } from '../lists/diff-versions.js';
import type { ImportListInput, ImportProgress, ImportResult } from '../lists/import-list.js';
import type { ListStore, ListVersion } from '../lists/ports.js';
import type { UpdateEvent, UpdateResult } from '../lists/update-lists.js';
import type { MatchService } from '../screening/match-service.js';
import type { MonitoringService } from '../screening/monitor/index.js';
import type { Clock } from '../shared/clock.js';
import type { SlaPolicy, VettingService, VettingStore } from '../vetting/index.js';
import type { CliIo } from './io.js';

/** The store-backed list use cases, bound to their adapters by the composition root. */
export interface ListsService {
  importList(
    input: ImportListInput,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportResult>;
  listVersions(source?: string): Promise<ListVersion[]>;
  diffVersions(source: string, from: number, to: number): Promise<VersionDiff>;
  updateList(source: OfficialList, onEvent?: (event: UpdateEvent) => void): Promise<UpdateResult>;
  /** Where the store lives, for messages: a PGlite folder or a redacted PostgreSQL URL. */
  readonly location: string;
}

/**
 * What the CLI receives from `src/main.ts`. Commands that need no store (`lists stats`, `screen`)
 * never call `lists()`, so they never open the database.
 */
export interface CliServices {
  readonly config: Config;
  /** Opens (and migrates) the store on first use. */
  lists(): Promise<ListsService>;
  /** Monitoring use cases (`sargas monitor`); opens the store and the job queue on first use. */
  readonly monitor?: () => Promise<MonitoringService>;
  /** The stores `sargas serve` and `sargas apikeys` use (opens the store on first use). */
  readonly api?: () => Promise<ApiServices>;
  /**
   * Hook for `sargas start`: runs the long-lived service once the lists are in. Absent until the
   * HTTP API exists; then the composition root passes a function that listens until SIGTERM.
   */
  readonly serve?: () => Promise<void>;
  /** The vetting use cases (`sargas users|agencies|audit|report`); opens the store on first use. */
  readonly vetting?: () => Promise<VettingService>;
  /** What only the local operator's commands reach directly: `users list`, `demo seed`. */
  readonly vettingAdmin?: () => Promise<VettingAdmin>;
  /** Reads the first line of standard input, without its line break (`users add` password). */
  readonly readStdinLine?: () => Promise<string>;
}

/**
 * The vetting store and lists for the operator at the server's console (as `apikeys list` reads
 * the key store), and the vetting service rebuilt on another clock: `demo seed` replays a year.
 */
export interface VettingAdmin {
  readonly store: VettingStore;
  readonly lists: ListStore;
  readonly sla: SlaPolicy;
  serviceWith(options: { readonly clock: Clock; readonly screening: MatchService }): VettingService;
}

/** What the HTTP API needs from the composition root. */
export interface ApiServices {
  readonly lists: ListStore;
  readonly apiKeys: ApiKeyAdmin;
  /**
   * The vetting use cases over the server's screening index (`/api/v1`); reads the SLA policy and
   * risk rules files on the call, so other commands never depend on them. Absent: no `/api/v1`.
   */
  readonly vetting?: (screening: () => MatchService | null) => Promise<VettingService>;
}

/** What every command's action receives. */
export interface CommandContext {
  readonly services: CliServices;
  readonly io: CliIo;
  /** Set by a command that reported its own failure (e.g. one list of several failed). */
  exitCode: number;
}
