import type { Entity } from '../model/entity.js';
import type { SchemaName } from '../model/schemata.js';
import type { ListFormat, ParseInfo } from './types.js';

/** One file of a list version as imported. */
export interface ListFileInfo {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** One import of one list: a version. Re-importing identical files creates no new version. */
export interface ListVersion {
  readonly id: number;
  /** The list's name (dataset), e.g. `eu`, `un`, `ofac`, `uk`, or a user's own. */
  readonly source: string;
  readonly format: ListFormat;
  /** SHA-256 over the files' own SHA-256s (one file: that file's), identifying the content. */
  readonly sha256: string;
  readonly files: readonly ListFileInfo[];
  readonly publishedAt: string | null;
  readonly importedAt: string;
  readonly entityCount: number;
  readonly countsBySchema: Readonly<Partial<Record<SchemaName, number>>>;
  readonly nameCount: number;
  /** The parser's non-fatal warnings (`ParseInfo.warnings`), each naming file and line/element. */
  readonly warnings: readonly string[];
  readonly current: boolean;
}

export interface NewListVersion {
  readonly source: string;
  readonly format: ListFormat;
  readonly sha256: string;
  readonly files: readonly ListFileInfo[];
  readonly importedAt: string;
}

export interface ChangedEntity {
  readonly id: string;
  readonly before: Entity;
  readonly after: Entity;
}

/** What the store returns for two versions of one list; `changedProperties` is the domain's job. */
export interface StoredVersionDiff {
  readonly added: readonly Entity[];
  readonly removed: readonly Entity[];
  readonly changed: readonly ChangedEntity[];
}

/** The storage the lists domain needs. Implemented once in `store/`, on PGlite and PostgreSQL. */
export interface ListStore {
  findVersionBySha(source: string, sha256: string): Promise<ListVersion | null>;
  /**
   * Stores a new version from a stream of entities, in one transaction: the version becomes
   * current only after the last entity is written. If the stream throws (a malformed file), nothing
   * of the new version remains and the previous version stays current. `info` is read after the
   * stream has ended (publication date, warnings). `onEntity` is called after each entity is
   * buffered, for progress.
   */
  saveVersion(
    version: NewListVersion,
    entities: AsyncIterable<Entity>,
    info: ParseInfo,
    onEntity?: (count: number) => void,
  ): Promise<ListVersion>;
  listVersions(source?: string): Promise<ListVersion[]>;
  getVersion(id: number): Promise<ListVersion | null>;
  currentVersion(source: string): Promise<ListVersion | null>;
  /** Entities of a version (streamed in id order). */
  versionEntities(versionId: number): AsyncIterable<Entity>;
  /** Added, removed and changed (content hash differs) between two versions. */
  diffVersions(fromVersionId: number, toVersionId: number): Promise<StoredVersionDiff>;
}
