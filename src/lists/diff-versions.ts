import { Entity } from '../model/entity.js';
import { PROPERTY_NAMES } from '../model/schemata.js';
import { canonicalJson, type JsonValue } from '../shared/canonical-json.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import type { ListStore, ListVersion } from './ports.js';

export interface ChangedEntry {
  readonly id: string;
  /** Property names whose value sets differ, plus `schema`, `caption`, `names`, `documents`. */
  readonly properties: readonly string[];
}

export interface VersionDiff {
  readonly source: string;
  /** Version ids. */
  readonly from: number;
  readonly to: number;
  /** Entity ids, sorted. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly ChangedEntry[];
  readonly counts: {
    readonly added: number;
    readonly removed: number;
    readonly changed: number;
    /** Entities of `to` that are in `from` with the same content. */
    readonly unchanged: number;
  };
}

function sortedCanonical(items: readonly object[]): string[] {
  return items.map((item) => canonicalJson(item as unknown as JsonValue)).sort();
}

function sameSorted(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((value, index) => value === right[index]);
}

/**
 * What differs between two publications of one entity: the properties whose value sets differ,
 * then `names` and `documents` (compared as the same sorted lists `Entity.contentHash` uses, so an
 * entity whose hash changed always has at least one entry here). Order never counts: a publisher
 * reordering aliases changes nothing. Result order: `schema`, `caption`, properties in schema
 * order, `names`, `documents`.
 */
export function changedProperties(before: Entity, after: Entity): string[] {
  const changed: string[] = [];
  if (before.schema !== after.schema) changed.push('schema');
  if (before.caption !== after.caption) changed.push('caption');
  for (const property of PROPERTY_NAMES) {
    if (!sameSorted(Entity.values(before, property), Entity.values(after, property))) {
      changed.push(property);
    }
  }
  if (!sameSorted(sortedCanonical(before.names), sortedCanonical(after.names))) {
    changed.push('names');
  }
  if (!sameSorted(sortedCanonical(before.documents), sortedCanonical(after.documents))) {
    changed.push('documents');
  }
  return changed;
}

/**
 * The difference between two versions of one list: entities added, removed, and changed with the
 * changed properties named. Both versions must belong to `source`; `from` may be newer than `to`
 * (the diff is then simply the other way round).
 */
export async function diffVersions(
  store: ListStore,
  source: string,
  fromVersion: number,
  toVersion: number,
): Promise<VersionDiff> {
  const [, to] = await Promise.all([
    requireVersion(store, source, fromVersion, 'from'),
    requireVersion(store, source, toVersion, 'to'),
  ]);
  const stored = await store.diffVersions(fromVersion, toVersion);
  const added = stored.added.map((entity) => entity.id).sort();
  const removed = stored.removed.map((entity) => entity.id).sort();
  const changed = stored.changed
    .map(({ id, before, after }) => ({ id, properties: changedProperties(before, after) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    source,
    from: fromVersion,
    to: toVersion,
    added,
    removed,
    changed,
    counts: {
      added: added.length,
      removed: removed.length,
      changed: changed.length,
      unchanged: to.entityCount - added.length - changed.length,
    },
  };
}

async function requireVersion(
  store: ListStore,
  source: string,
  id: number,
  field: 'from' | 'to',
): Promise<ListVersion> {
  const version = await store.getVersion(id);
  if (version === null) {
    throw new NotFoundError(`list version ${id} does not exist`, { field, version: id });
  }
  if (version.source !== source) {
    throw new ValidationError(
      `list version ${id} belongs to '${version.source}', not to '${source}'`,
      field,
    );
  }
  return version;
}
