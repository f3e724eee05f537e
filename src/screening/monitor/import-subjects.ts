import { prepareEntity } from '../../matching/prepare.js';
import { canonicalJson } from '../../shared/canonical-json.js';
import type { Clock } from '../../shared/clock.js';
import { sha256Hex } from '../../shared/sha256.js';
import { queryEntity, type ScreeningQuery } from '../query.js';
import { matchKeys } from './match-keys.js';
import type { MonitoringStore, UpsertCounts } from './ports.js';
import { readSubjectsCsv, type SubjectRow } from './subjects-csv.js';
import type { SubjectUpsert } from './types.js';

export interface ImportSubjectsInput {
  /** A CSV file with the `sargas screen` columns; `id` is the external id. */
  readonly path: string;
}

export interface ImportSubjectsResult extends UpsertCounts {
  readonly rows: number;
}

const BATCH = 1000;

/** What the store keeps of a subject: the query, its content hash and its lookup keys. */
export function toSubjectUpsert(query: ScreeningQuery): SubjectUpsert {
  return {
    query,
    contentHash: sha256Hex(
      canonicalJson({
        schema: query.schema,
        name: query.name,
        birthDate: query.birthDate ?? null,
        nationality: query.nationality ?? null,
        idNumber: query.idNumber ?? null,
      }),
    ),
    matchKeys: matchKeys(prepareEntity(queryEntity(query), true)),
  };
}

/**
 * Imports subjects from a CSV in one transaction: a bad row (reported with its line) leaves the
 * subjects as they were. A subject already known by its external id is updated when it differs,
 * and left alone otherwise. Alerts are not touched: new and changed subjects are screened by the
 * next full re-screen.
 */
export async function importSubjects(
  deps: { readonly store: MonitoringStore; readonly clock: Clock },
  input: ImportSubjectsInput,
  onProgress?: (rows: number) => void,
): Promise<ImportSubjectsResult> {
  return importSubjectRows(deps, readSubjectsCsv(input.path), onProgress);
}

/** The same from rows already read (the HTTP API passes a parsed body). */
export async function importSubjectRows(
  deps: { readonly store: MonitoringStore; readonly clock: Clock },
  rows: AsyncIterable<SubjectRow> | Iterable<SubjectRow>,
  onProgress?: (rows: number) => void,
): Promise<ImportSubjectsResult> {
  const at = deps.clock.now().toISOString();
  return deps.store.transaction(async (tx) => {
    let count = 0;
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    let batch: SubjectUpsert[] = [];
    const flush = async () => {
      const counts = await tx.upsertSubjects(batch, at);
      inserted += counts.inserted;
      updated += counts.updated;
      unchanged += counts.unchanged;
      batch = [];
    };
    for await (const row of rows) {
      batch.push(toSubjectUpsert(row.query));
      count += 1;
      if (batch.length >= BATCH) {
        await flush();
        onProgress?.(count);
      }
    }
    if (batch.length > 0) await flush();
    onProgress?.(count);
    return { rows: count, inserted, updated, unchanged };
  });
}
