import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Clock } from '../shared/clock.js';
import { DownloadError, ValidationError } from '../shared/errors.js';
import { sha256File } from '../shared/sha256.js';
import { type ImportProgress, type ImportResult, importList } from './import-list.js';
import type { ListStore, ListVersion } from './ports.js';
import type { ListFormat } from './types.js';

/**
 * `sargas lists update`: fetches a list from its publisher, only when it changed (conditional
 * requests with the ETag / Last-Modified of the last download), checks it, then imports it as any
 * other file. A failed or broken download never reaches the store: the previous version stays
 * current.
 */

/** One file of a list as its publisher serves it. */
export interface DownloadFileSpec {
  /** Local file name; parsers find a list's companion files (OFAC) by these names. */
  readonly name: string;
  readonly url: string;
  /** An optional file may be absent on the server (HTTP 404). */
  readonly required: boolean;
  /** Expected SHA-256 (hex) of the bytes, when the operator pins one. */
  readonly sha256: string | null;
}

export interface ListDownloadSpec {
  readonly source: string;
  readonly files: readonly DownloadFileSpec[];
  readonly format?: ListFormat;
}

export interface UpdateDeps {
  readonly store: ListStore;
  readonly clock: Clock;
  /** Where downloaded files (`<dir>/<source>/<name>`) and `state.json` are kept. */
  readonly downloadDir: string;
  /** Node's global `fetch` unless given. */
  readonly fetch?: typeof globalThis.fetch;
  /** Per file; default 10 minutes (OFAC's and OFSI's servers can be slow). */
  readonly timeoutMs?: number;
}

export type FileOutcome = 'downloaded' | 'not-modified' | 'absent';

export interface UpdateResult {
  readonly source: string;
  /** `not-modified`: the publisher says nothing changed since the last download; no import ran. */
  readonly status: 'not-modified' | ImportResult['status'];
  /** The version now current for this list (null only if it was never imported). */
  readonly version: ListVersion | null;
  readonly files: readonly { readonly name: string; readonly outcome: FileOutcome }[];
}

export type UpdateEvent =
  | {
      readonly kind: 'download';
      readonly file: string;
      readonly bytes: number;
      readonly total: number | null;
    }
  | { readonly kind: 'import'; readonly progress: ImportProgress };

/** What is remembered of the last successful download of a file. */
interface FileState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly sha256: string;
  readonly bytes: number;
  readonly downloadedAt: string;
}

interface DownloadState {
  readonly version: 1;
  lists: Record<string, { files: Record<string, FileState> }>;
}

type Staged =
  | {
      readonly kind: 'downloaded';
      readonly spec: DownloadFileSpec;
      readonly temp: string;
      readonly state: FileState;
    }
  | { readonly kind: 'not-modified'; readonly spec: DownloadFileSpec; readonly state: FileState }
  | { readonly kind: 'absent'; readonly spec: DownloadFileSpec };

const USER_AGENT = 'sargas (sanctions list update; +https://github.com/sargas)';

export function statePath(downloadDir: string): string {
  return join(downloadDir, 'state.json');
}

async function readState(downloadDir: string): Promise<DownloadState> {
  try {
    const parsed = JSON.parse(await readFile(statePath(downloadDir), 'utf8')) as DownloadState;
    if (parsed.version === 1 && typeof parsed.lists === 'object') return parsed;
  } catch {
    // Missing or unreadable state only costs one unconditional download.
  }
  return { version: 1, lists: {} };
}

async function writeState(downloadDir: string, state: DownloadState): Promise<void> {
  const path = statePath(downloadDir);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temp, path);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/**
 * Downloads one file to a temporary name beside its final place, hashing as it streams. Returns
 * null on 304 (or 404 for an optional file).
 */
async function fetchFile(
  deps: UpdateDeps,
  source: string,
  spec: DownloadFileSpec,
  local: string,
  previous: FileState | undefined,
  onEvent?: (event: UpdateEvent) => void,
): Promise<Staged> {
  const headers: Record<string, string> = { 'user-agent': USER_AGENT };
  // Only ask "has it changed?" when the copy we would keep is really the one we downloaded.
  const conditional =
    previous !== undefined &&
    previous.url === spec.url &&
    existsSync(local) &&
    (await sha256File(local)) === previous.sha256;
  if (conditional && previous.etag !== null) headers['if-none-match'] = previous.etag;
  if (conditional && previous.lastModified !== null) {
    headers['if-modified-since'] = previous.lastModified;
  }

  const fetchFn = deps.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetchFn(spec.url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(deps.timeoutMs ?? 600_000),
    });
  } catch (error) {
    throw new DownloadError(`${source}: cannot download ${spec.url}: ${describe(error)}`, {
      source,
      url: spec.url,
    });
  }
  if (response.status === 304 && conditional) {
    await response.body?.cancel();
    return { kind: 'not-modified', spec, state: previous };
  }
  if (response.status === 404 && !spec.required) {
    await response.body?.cancel();
    return { kind: 'absent', spec };
  }
  if (response.status !== 200 || response.body === null) {
    await response.body?.cancel();
    throw new DownloadError(
      `${source}: ${spec.url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      { source, url: spec.url, status: response.status },
    );
  }

  const declared = Number.parseInt(response.headers.get('content-length') ?? '', 10);
  const total = Number.isFinite(declared) ? declared : null;
  const temp = `${local}.${randomBytes(6).toString('hex')}.part`;
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const body = Readable.fromWeb(response.body as WebReadableStream);
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
      onEvent?.({ kind: 'download', file: spec.name, bytes, total });
    });
    await pipeline(body, createWriteStream(temp));
  } catch (error) {
    await rm(temp, { force: true });
    throw new DownloadError(
      `${source}: download of ${spec.url} broke off after ${bytes} bytes: ${describe(error)}`,
      { source, url: spec.url, bytes },
    );
  }
  // A server may close a connection early without the client noticing (no length check for
  // every transfer encoding); a short file must never be imported as if it were the list.
  if (total !== null && bytes !== total) {
    await rm(temp, { force: true });
    throw new DownloadError(
      `${source}: download of ${spec.url} is truncated: ${bytes} of ${total} bytes`,
      { source, url: spec.url, bytes, total },
    );
  }
  const sha256 = hash.digest('hex');
  if (spec.sha256 !== null && spec.sha256 !== sha256) {
    await rm(temp, { force: true });
    throw new DownloadError(
      `${source}: checksum mismatch for ${spec.url}: expected sha256 ${spec.sha256}, got ${sha256}`,
      { source, url: spec.url, expected: spec.sha256, actual: sha256 },
    );
  }
  return {
    kind: 'downloaded',
    spec,
    temp,
    state: {
      url: spec.url,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
      sha256,
      bytes,
      downloadedAt: deps.clock.now().toISOString(),
    },
  };
}

/** Downloads one list if its publisher has a new one, and imports it. */
export async function updateList(
  deps: UpdateDeps,
  spec: ListDownloadSpec,
  onEvent?: (event: UpdateEvent) => void,
): Promise<UpdateResult> {
  const [main] = spec.files;
  if (main === undefined) throw new ValidationError(`${spec.source}: no files to download`);
  const dir = join(deps.downloadDir, spec.source);
  await mkdir(dir, { recursive: true });
  const state = await readState(deps.downloadDir);
  const previous = state.lists[spec.source]?.files ?? {};

  const staged: Staged[] = [];
  try {
    for (const file of spec.files) {
      const local = join(dir, file.name);
      staged.push(await fetchFile(deps, spec.source, file, local, previous[file.name], onEvent));
    }
    const files = staged.map((item) => ({ name: item.spec.name, outcome: item.kind }));
    const current = await deps.store.currentVersion(spec.source);
    // Nothing new from the publisher, and the store already holds a list: nothing to do. (With an
    // empty store, e.g. a fresh DATABASE_URL, the kept files are imported below.)
    if (!staged.some((item) => item.kind === 'downloaded') && current !== null) {
      return { source: spec.source, status: 'not-modified', version: current, files };
    }

    // Move the verified files into place (rename is atomic within one folder), and drop a stale
    // optional file the publisher no longer serves, so it is not read as part of the new list.
    for (const item of staged) {
      const local = join(dir, item.spec.name);
      if (item.kind === 'downloaded') await rename(item.temp, local);
      if (item.kind === 'absent') await rm(local, { force: true });
    }
    const result = await importList(
      deps,
      {
        dataset: spec.source,
        // For several files (OFAC) the main file's companions are found beside it.
        path: join(dir, main.name),
        ...(spec.format === undefined ? {} : { format: spec.format }),
      },
      onEvent ? (progress) => onEvent({ kind: 'import', progress }) : undefined,
    );

    // Remember the validators only once the import has succeeded: after a failed import the next
    // update downloads again instead of being told "not modified".
    const next: Record<string, FileState> = {};
    for (const item of staged) if (item.kind !== 'absent') next[item.spec.name] = item.state;
    state.lists[spec.source] = { files: next };
    await writeState(deps.downloadDir, state);
    return { source: spec.source, status: result.status, version: result.version, files };
  } finally {
    for (const item of staged) {
      if (item.kind === 'downloaded') await rm(item.temp, { force: true });
    }
  }
}
