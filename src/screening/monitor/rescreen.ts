import { MatchIndex } from '../../matching/index/match-index.js';
import { prepareEntity } from '../../matching/prepare.js';
import { round } from '../../matching/score.js';
import { Entity } from '../../model/entity.js';
import type { Clock } from '../../shared/clock.js';
import { NotFoundError } from '../../shared/errors.js';
import { queryEntity } from '../query.js';
import { scoreCandidates } from '../screen-batch.js';
import { reconcile } from './alert-rules.js';
import { addMatchKeys } from './match-keys.js';
import type { ListReader, MonitoringRepository, MonitoringStore, NewDecision } from './ports.js';
import {
  type Alert,
  type Hit,
  type ReconcileCounts,
  type RescreenJob,
  type Subject,
  SYSTEM_ACTOR,
} from './types.js';

export interface RescreenOptions {
  /** Calibrated score from which a hit becomes an alert (default: the algorithm's threshold). */
  readonly threshold?: number;
  /** Alerts one subject can get from one re-screen, best first (default 10). */
  readonly maxAlertsPerSubject?: number;
  /** Subjects per page; each page's alerts and progress commit in one transaction. */
  readonly pageSize?: number;
  /** Candidates the index hands to the scorer per subject (default 200). */
  readonly candidates?: number;
}

export interface RescreenDeps {
  readonly store: MonitoringStore;
  readonly lists: ListReader;
  readonly clock: Clock;
  readonly options?: RescreenOptions;
}

export interface RescreenProgress {
  readonly processed: number;
  readonly total: number;
  readonly alertsRaised: number;
}

interface EntityMeta {
  readonly source: string;
  readonly versionId: number;
}

/** What one job screens: an index of list entities and the subjects to run against it. */
interface Plan {
  readonly index: MatchIndex;
  readonly meta: Map<Entity, EntityMeta>;
  /** All subjects, or only those sharing one of these lookup keys. */
  readonly keys: ReadonlySet<string> | null;
  /** Delta only: the entities the version removed from its list. */
  readonly removed: { readonly source: string; readonly versionId: number; ids: string[] } | null;
}

/**
 * Runs one persisted re-screening job to its end, writing progress to its row as it goes.
 *
 * - `full`: every subject against the current version of every list (the first run, and after
 *   importing subjects).
 * - `delta`: only what one list version changed. The version's added and changed entities (the
 *   store's diff with the list's previous version) go into a small `MatchIndex`, and only the
 *   subjects sharing a lookup key with them (see `match-keys.ts`) are prepared and run against
 *   it. Unchanged entities are never looked at. Open alerts on removed entities are closed as
 *   `list_removed`; confirmed and dismissed ones keep their decision, which is history.
 *
 * Running a job again (a retry after a crash) gives the same alerts: an existing pair is only
 * raised again when its entity's content hash changed. A completed job is not run again.
 */
export async function runRescreenJob(
  deps: RescreenDeps,
  jobId: number,
  onProgress?: (progress: RescreenProgress) => void,
): Promise<RescreenJob> {
  const { store, clock } = deps;
  const job = await store.getJob(jobId);
  if (job === null) throw new NotFoundError(`re-screening job ${jobId} does not exist`, { jobId });
  if (job.state === 'completed') return job;
  try {
    const plan =
      job.kind === 'full' ? await planFull(deps.lists) : await planDelta(deps.lists, job);
    const pageSize = deps.options?.pageSize ?? 500;
    const selected = plan.keys === null ? null : await selectSubjects(store, plan.keys);
    const total = selected === null ? await store.countSubjects() : selected.length;
    await store.startJob(job.id, total, clock.now().toISOString());
    if (plan.removed !== null && plan.removed.ids.length > 0) {
      const removed = plan.removed;
      await store.transaction(async (tx) => {
        const closed = await closeRemoved(tx, removed, clock.now().toISOString());
        await tx.addProgress(job.id, 0, 0, closed);
      });
    }
    let processed = 0;
    let raised = 0;
    for await (const page of subjectPages(store, selected, pageSize)) {
      const hits = page.flatMap((subject) => screenSubject(plan, subject, deps.options));
      const counts = await store.transaction(async (tx) => {
        const result = await applyHits(tx, hits, clock.now().toISOString());
        await tx.addProgress(job.id, page.length, result.raised + result.reopened, 0);
        return result;
      });
      processed += page.length;
      raised += counts.raised + counts.reopened;
      onProgress?.({ processed, total, alertsRaised: raised });
    }
    await store.finishJob(job.id, 'completed', clock.now().toISOString());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await store.finishJob(job.id, 'failed', clock.now().toISOString(), message);
    throw error;
  }
  return (await store.getJob(job.id))!;
}

async function planFull(lists: ListReader): Promise<Plan> {
  const index = new MatchIndex();
  const meta = new Map<Entity, EntityMeta>();
  for (const version of await lists.listVersions()) {
    if (!version.current) continue;
    for await (const entity of lists.versionEntities(version.id)) {
      index.add(entity);
      meta.set(entity, { source: version.source, versionId: version.id });
    }
  }
  index.freeze();
  return { index, meta, keys: null, removed: null };
}

async function planDelta(lists: ListReader, job: RescreenJob): Promise<Plan> {
  if (job.versionId === null) throw new Error(`delta job ${job.id} has no list version`);
  const version = await lists.getVersion(job.versionId);
  if (version === null) {
    throw new NotFoundError(`list version ${job.versionId} does not exist`, {
      version: job.versionId,
    });
  }
  const previous = (await lists.listVersions(version.source))
    .filter((other) => other.id < version.id)
    .at(-1);
  let entities: Entity[];
  let removed: string[] = [];
  if (previous === undefined) {
    // The list's first version: everything in it is new.
    entities = [];
    for await (const entity of lists.versionEntities(version.id)) entities.push(entity);
  } else {
    const diff = await lists.diffVersions(previous.id, version.id);
    entities = [...diff.added, ...diff.changed.map((change) => change.after)];
    removed = diff.removed.map((entity) => entity.id);
  }
  const index = new MatchIndex();
  const meta = new Map<Entity, EntityMeta>();
  const keys = new Set<string>();
  for (const entity of entities) {
    addMatchKeys(index.add(entity), keys);
    meta.set(entity, { source: version.source, versionId: version.id });
  }
  index.freeze();
  return {
    index,
    meta,
    keys,
    removed: { source: version.source, versionId: version.id, ids: removed },
  };
}

/**
 * The ids of the subjects sharing a lookup key with the delta's entities. Only ids and keys are
 * read (no subject is prepared), which is what makes a delta cheap.
 */
async function selectSubjects(
  store: MonitoringRepository,
  keys: ReadonlySet<string>,
): Promise<number[]> {
  const ids: number[] = [];
  if (keys.size === 0) return ids;
  let after = 0;
  for (;;) {
    const page = await store.subjectKeyPage(after, 20_000);
    for (const subject of page) {
      if (subject.keys.some((key) => keys.has(key))) ids.push(subject.id);
    }
    const last = page.at(-1);
    if (last === undefined) return ids;
    after = last.id;
  }
}

/** Subjects in pages: all of them by keyset, or the selected ones by id. */
async function* subjectPages(
  store: MonitoringRepository,
  selected: readonly number[] | null,
  pageSize: number,
): AsyncGenerator<Subject[]> {
  if (selected !== null) {
    for (let i = 0; i < selected.length; i += pageSize) {
      yield store.subjectsByIds(selected.slice(i, i + pageSize));
    }
    return;
  }
  let after = 0;
  for (;;) {
    const page = await store.subjectPage(after, pageSize);
    if (page.length === 0) return;
    yield page;
    after = page.at(-1)!.id;
  }
}

const hashes = new WeakMap<Entity, string>();

function contentHash(entity: Entity): string {
  let hash = hashes.get(entity);
  if (hash === undefined) {
    hash = Entity.contentHash(entity);
    hashes.set(entity, hash);
  }
  return hash;
}

/** The matches of one subject, best first, as hits. Explanations only for those. */
function screenSubject(plan: Plan, subject: Subject, options: RescreenOptions = {}): Hit[] {
  const prepared = prepareEntity(queryEntity(subject.query), true);
  const { scorer, scored } = scoreCandidates(plan.index, prepared, {
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(options.candidates === undefined ? {} : { candidates: options.candidates }),
  });
  const max = options.maxAlertsPerSubject ?? 10;
  const hits: Hit[] = [];
  for (const result of scored) {
    if (!result.match || hits.length >= max) break; // sorted by score: the rest score lower
    const entity = result.candidate.entity;
    const meta = plan.meta.get(entity);
    if (meta === undefined) throw new Error(`entity ${entity.id} is not from a screened version`);
    hits.push({
      subjectId: subject.id,
      entityId: entity.id,
      entityCaption: entity.caption,
      source: meta.source,
      versionId: meta.versionId,
      entityHash: contentHash(entity),
      score: round(result.score),
      explanation: scorer.explain(result),
    });
  }
  return hits;
}

function pairKey(subjectId: number, entityId: string): string {
  return `${subjectId}\u0000${entityId}`;
}

/** Meets a page of hits with the existing alerts (locked) and writes the outcome with history. */
export async function applyHits(
  tx: MonitoringRepository,
  hits: readonly Hit[],
  at: string,
): Promise<ReconcileCounts> {
  if (hits.length === 0) return { raised: 0, refreshed: 0, reopened: 0, suppressed: 0 };
  const existing = new Map<string, Alert>();
  for (const alert of await tx.alertsForPairs(hits)) {
    existing.set(pairKey(alert.subjectId, alert.entityId), alert);
  }
  const decisions: NewDecision[] = [];
  let raised = 0;
  let refreshed = 0;
  let reopened = 0;
  let suppressed = 0;
  const system = { actor: SYSTEM_ACTOR, at };
  for (const hit of hits) {
    const alert = existing.get(pairKey(hit.subjectId, hit.entityId)) ?? null;
    const outcome = reconcile(alert, hit);
    const found = { entityHash: hit.entityHash, versionId: hit.versionId };
    switch (outcome.kind) {
      case 'raise': {
        const id = await tx.insertAlert(hit, at);
        if (id === null) break; // raised by a concurrent job in the meantime
        raised += 1;
        decisions.push({
          ...system,
          ...found,
          alertId: id,
          action: 'raised',
          fromStatus: null,
          toStatus: 'open',
          reason: `score ${hit.score} against ${hit.source} version ${hit.versionId}`,
        });
        break;
      }
      case 'refresh':
        refreshed += 1;
        await tx.updateAlertFinding(alert!.id, hit, 'open', at);
        decisions.push({
          ...system,
          ...found,
          alertId: alert!.id,
          action: 'refreshed',
          fromStatus: 'open',
          toStatus: 'open',
          reason: `list entity changed in ${hit.source} version ${hit.versionId}`,
        });
        break;
      case 'reopen':
        reopened += 1;
        await tx.updateAlertFinding(alert!.id, hit, 'open', at);
        decisions.push({
          ...system,
          ...found,
          alertId: alert!.id,
          action: 'reopened',
          fromStatus: alert!.status,
          toStatus: 'open',
          reason:
            alert!.status === 'list_removed'
              ? `entity is back in ${hit.source} version ${hit.versionId}`
              : `list entity changed in ${hit.source} version ${hit.versionId} since the decision`,
        });
        break;
      case 'skip':
        if (outcome.why === 'suppressed') suppressed += 1;
        break;
    }
  }
  await tx.appendDecisions(decisions);
  return { raised, refreshed, reopened, suppressed };
}

/** Closes the open alerts on entities a version removed from its list. */
async function closeRemoved(
  tx: MonitoringRepository,
  removed: { readonly source: string; readonly versionId: number; readonly ids: string[] },
  at: string,
): Promise<number> {
  const open = await tx.openAlertsForEntities(removed.source, removed.ids);
  for (const alert of open) await tx.setAlertStatus(alert.id, 'list_removed', at);
  await tx.appendDecisions(
    open.map((alert) => ({
      alertId: alert.id,
      action: 'list_removed' as const,
      fromStatus: 'open' as const,
      toStatus: 'list_removed' as const,
      actor: SYSTEM_ACTOR,
      reason: `entity removed from ${removed.source} in version ${removed.versionId}`,
      entityHash: alert.entityHash,
      versionId: removed.versionId,
      at,
    })),
  );
  return open.length;
}
