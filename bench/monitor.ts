import { join } from 'node:path';
import { importList } from '../src/lists/import-list.js';
import type { ListVersion } from '../src/lists/ports.js';
import { readList } from '../src/lists/read-list.js';
import { MatchIndex } from '../src/matching/index/match-index.js';
import { prepareEntity } from '../src/matching/prepare.js';
import type { Entity } from '../src/model/entity.js';
import {
  importSubjectRows,
  type JobKind,
  runRescreenJob,
  type SubjectRow,
} from '../src/screening/monitor/index.js';
import { queryEntity } from '../src/screening/query.js';
import { scoreCandidates } from '../src/screening/screen-batch.js';
import { systemClock } from '../src/shared/clock.js';
import { ListRepository } from '../src/store/list-repository.js';
import { MonitoringRepositoryStore } from '../src/store/monitoring-repository.js';
import { openDb } from '../src/store/open-db.js';
import { projectRoot } from './support.js';

const LISTS = join(projectRoot(), '..', 'shared', 'data', 'lists');

function arg(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const SUBJECTS = Number(arg('--subjects') ?? 100_000);
const FROM = arg('--from') ?? join(LISTS, 'ofac', 'sdn', '2021-07-07');
const TO = arg('--to') ?? join(LISTS, 'ofac', 'sdn', '2023-12-28');
/** The list's name in the store (`--dataset un` with the UN files). */
const DATASET = arg('--dataset') ?? 'ofac';
const CHECK = process.argv.includes('--check');
const FULL_AFTER = process.argv.includes('--full-after');

/** A deterministic pseudo-random generator (mulberry32), so every run screens the same names. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ONSETS = ['b', 'br', 'd', 'dr', 'f', 'g', 'gr', 'h', 'k', 'kl', 'l', 'm', 'n', 'p', 'pl'];
const MORE_ONSETS = ['r', 's', 'st', 't', 'tr', 'v', 'w', 'z', 'sh', 'ch', 'th', 'j'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ea', 'y'];
const CODAS = ['', 'n', 'r', 'l', 's', 'th', 'nd', 'rk', 'lm', 'x', 'ck', 'st'];

function inventedName(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const word = (syllables: number) => {
    let text = '';
    for (let i = 0; i < syllables; i++) {
      text += pick([...ONSETS, ...MORE_ONSETS]) + pick(VOWELS) + pick(CODAS);
    }
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return `${word(2 + Math.floor(next() * 2))} ${word(2 + Math.floor(next() * 2))}`;
}

async function entitiesOf(path: string): Promise<Entity[]> {
  const list = await readList({ dataset: DATASET, path });
  const out: Entity[] = [];
  for await (const entity of list.entities) out.push(entity);
  return out;
}

function seconds(ms: number): number {
  return Math.round(ms / 10) / 100;
}

async function main(): Promise<void> {
  const databaseUrl = arg('--database-url');
  const db = await openDb({ databaseUrl, dataDir: 'memory://' });
  const lists = new ListRepository(db);
  const store = new MonitoringRepositoryStore(db);
  const deps = { store, lists, clock: systemClock };
  const report: Record<string, unknown> = {
    store: db.dialect,
    subjects: SUBJECTS,
    from: FROM,
    to: TO,
  };
  try {
    const next = random(20_260_301);
    // Real names from both versions: some match the old list, some only the update.
    const [older, newer] = await Promise.all([entitiesOf(FROM), entitiesOf(TO)]);
    const real = [...older, ...newer].filter((entity) => entity.caption !== '');
    const rows: SubjectRow[] = [];
    for (let i = 0; i < SUBJECTS; i++) {
      const fromList = i % 100 === 0;
      const entity = fromList ? real[Math.floor(next() * real.length)]! : null;
      rows.push({
        line: i + 2,
        query: {
          id: `subject-${i}`,
          schema: entity?.schema === 'Organization' ? 'Organization' : 'Person',
          name: entity?.caption ?? inventedName(next),
          ...(entity === null ? { birthDate: `19${40 + Math.floor(next() * 60)}` } : {}),
        },
      });
    }

    let start = performance.now();
    const v1 = (
      await importList({ store: lists, clock: systemClock }, { dataset: DATASET, path: FROM })
    ).version;
    report.importFromSeconds = seconds(performance.now() - start);

    start = performance.now();
    await importSubjectRows(deps, rows);
    report.importSubjectsSeconds = seconds(performance.now() - start);

    const run = async (kind: JobKind, version: ListVersion | null) => {
      const job = await store.createJob(
        {
          kind,
          versionId: version?.id ?? null,
          source: version?.source ?? null,
          requestedBy: 'bench',
        },
        systemClock.now().toISOString(),
      );
      const began = performance.now();
      const done = await runRescreenJob(deps, job.id);
      const elapsed = performance.now() - began;
      return {
        seconds: seconds(elapsed),
        ms: elapsed,
        processed: done.processed,
        alertsRaised: done.alertsRaised,
        alertsClosed: done.alertsClosed,
      };
    };

    const firstFull = await run('full', null);
    report.firstFull = firstFull;
    process.stderr.write(`first full re-screen: ${JSON.stringify(firstFull)}\n`);

    start = performance.now();
    const v2 = (
      await importList({ store: lists, clock: systemClock }, { dataset: DATASET, path: TO })
    ).version;
    report.importToSeconds = seconds(performance.now() - start);
    const diff = await lists.diffVersions(v1.id, v2.id);
    report.diff = {
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      unchanged: v2.entityCount - diff.added.length - diff.changed.length,
    };

    const delta = await run('delta', v2);
    report.delta = delta;
    process.stderr.write(`delta re-screen: ${JSON.stringify(delta)}\n`);

    report.deltaOverFirstFull = Math.round((delta.ms / firstFull.ms) * 10_000) / 10_000;
    if (FULL_AFTER) {
      // The same state screened from scratch: every subject against the whole updated list.
      const full = await run('full', null);
      report.fullAfter = full;
      report.deltaOverFullAfter = Math.round((delta.ms / full.ms) * 10_000) / 10_000;
    }

    if (CHECK) {
      // Every subject, without the key pre-selection, against the delta's entities.
      const index = MatchIndex.build([...diff.added, ...diff.changed.map((c) => c.after)]);
      const exhaustive = new Set<string>();
      for (const row of rows) {
        const prepared = prepareEntity(queryEntity(row.query), true);
        for (const result of scoreCandidates(index, prepared).scored) {
          if (!result.match) break;
          exhaustive.add(`${row.query.id}\u0000${result.candidate.entity.id}`);
        }
      }
      const found = await db.query<{ external_id: string; entity_id: string }>(
        `SELECT s.external_id, a.entity_id
           FROM monitoring_alerts a JOIN monitored_subjects s ON s.id = a.subject_id
          WHERE a.source = $2 AND a.version_id = $1`,
        [v2.id, DATASET],
      );
      const delta = new Set(found.map((row) => `${row.external_id}\u0000${row.entity_id}`));
      const missed = [...exhaustive].filter((pair) => !delta.has(pair));
      report.check = {
        exhaustiveMatches: exhaustive.size,
        deltaAlerts: delta.size,
        missedByKeySelection: missed.length,
        missed: missed.slice(0, 10).map((pair) => pair.replace('\u0000', ' ~ ')),
      };
    }
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.close();
  }
}

await main();
