import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Clock } from '../shared/clock.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { sha256File, sha256Hex } from '../shared/sha256.js';
import type { ListFileInfo, ListStore, ListVersion } from './ports.js';
import { readList } from './read-list.js';
import type { ListFormat } from './types.js';

export interface ImportListInput {
  /** The list's name, e.g. `eu`, `un`, `ofac`: lowercase letters, digits, `_` and `-`. */
  readonly dataset: string;
  /** A file, or (OFAC CSV) the folder holding `sdn.csv` and its companions. */
  readonly path: string;
  /** Detected from the content when omitted. */
  readonly format?: ListFormat;
}

export interface ImportProgress {
  readonly entities: number;
  /** Bytes read so far across the list's files, out of `totalBytes` (both as stored on disk). */
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export type ImportResult =
  | { readonly status: 'imported'; readonly version: ListVersion }
  /** The same files were imported before: no new version; `version` is that earlier one. */
  | { readonly status: 'unchanged'; readonly version: ListVersion };

const DATASET_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function validateDataset(dataset: string): void {
  if (!DATASET_PATTERN.test(dataset)) {
    throw new ValidationError(
      `invalid list name '${dataset}': use 1 to 64 lowercase letters, digits, '_' or '-', starting with a letter or digit`,
      'dataset',
    );
  }
}

/**
 * Imports one list as a new version, unless identical files were imported before. The files are
 * hashed before any parsing, so an unchanged list costs one read of its bytes. The entities are
 * streamed into the store in one transaction: a malformed file leaves the previous version current.
 */
export async function importList(
  deps: { readonly store: ListStore; readonly clock: Clock },
  input: ImportListInput,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  validateDataset(input.dataset);
  const list = await readList({
    dataset: input.dataset,
    path: input.path,
    ...(input.format === undefined ? {} : { format: input.format }),
  });
  const files: ListFileInfo[] = await Promise.all(
    list.files.map((file: string) => describeFile(file)),
  );
  const sha256 = versionSha256(files);

  const existing = await deps.store.findVersionBySha(input.dataset, sha256);
  if (existing) return { status: 'unchanged', version: existing };

  const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
  try {
    const version = await deps.store.saveVersion(
      {
        source: input.dataset,
        format: list.format,
        sha256,
        files,
        importedAt: deps.clock.now().toISOString(),
      },
      list.entities,
      list.info,
      onProgress
        ? (entities) => onProgress({ entities, bytesRead: list.info.bytesRead, totalBytes })
        : undefined,
    );
    return { status: 'imported', version };
  } catch (error) {
    // Another import of the same files committed while this one ran: same outcome as above.
    if (error instanceof ConflictError) {
      const raced = await deps.store.findVersionBySha(input.dataset, sha256);
      if (raced) return { status: 'unchanged', version: raced };
    }
    throw error;
  }
}

async function describeFile(path: string): Promise<ListFileInfo> {
  const [sha256, info] = await Promise.all([sha256File(path), stat(path)]);
  return { name: basename(path), sha256, bytes: info.size };
}

/**
 * One file: its own SHA-256. Several (OFAC's CSV triple): the SHA-256 of their SHA-256s, one per
 * line in the reader's fixed file order, so that the same files always give the same version.
 */
export function versionSha256(files: readonly ListFileInfo[]): string {
  const [only] = files;
  if (files.length === 1 && only) return only.sha256;
  return sha256Hex(files.map((file) => `${file.sha256}\n`).join(''));
}
