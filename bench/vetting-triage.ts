/**
 * Triage of a vetting year (`npm run bench:vetting`; `BENCH_ASSESSMENTS=N` or `--assessments N`,
 * default 121,577: the real service's year; `--database-url URL` for PostgreSQL, else PGlite in
 * memory; `--sample N` in-memory triage sample, default 20,000).
 *
 * A fresh store with the four bundled lists (`lists/`, as `sargas start` imports them) receives
 * the synthetic year of `sargas demo seed` (same generator, same validation, bulk-inserted), and
 * the real triage sweep (`triagePending`, 1,000 cases a call) routes every request: screening of
 * names and employers against the lists and the watchlist, the risk rules, the QA draw, and the
 * stored result, timeline and audit entries. Measured in the same run:
 * - `triage_sweep`: the whole sweep, store included: "the time triage of the year takes";
 * - `triage_in_memory`: `triageApplicant` alone (screening and rules, no store) on a sample;
 * - `baseline_exact_lookup`: the naive triage, exact folded-name lookup of the same names and
 *   employers (`bench/baseline.ts`) in a hash set of every list name; the ratios are against it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBundleManifest } from '../src/cli/bundle.js';
import { importList } from '../src/lists/import-list.js';
import type { Entity } from '../src/model/entity.js';
import { NAME_PROPERTIES } from '../src/model/schemata.js';
import { MatchService } from '../src/screening/match-service.js';
import { fixedClock, systemClock } from '../src/shared/clock.js';
import { ListRepository } from '../src/store/list-repository.js';
import { openDb } from '../src/store/open-db.js';
import { VettingRepositoryStore } from '../src/store/vetting-repository.js';
import { createVettingService } from '../src/vetting/create-service.js';
import { generateApplications, selectListEntities } from '../src/vetting/demo/generate-year.js';
import { SeededRandom } from '../src/vetting/demo/random.js';
import { DEMO_AGENCY, demoCase, seededUuid } from '../src/vetting/demo/seed-year.js';
import type { PasswordHasher } from '../src/vetting/ports.js';
import { DEFAULT_SLA_POLICY } from '../src/vetting/sla.js';
import {
  buildWatchlistIndex,
  DEFAULT_RISK_RULES,
  triageApplicant,
} from '../src/vetting/triage/index.js';
import type { VettingCase } from '../src/vetting/types.js';
import { baselineKey } from './baseline.js';
import { argNumber, projectRoot } from './support.js';

const ASSESSMENTS = argNumber('--assessments', Number(process.env.BENCH_ASSESSMENTS ?? 121_577));
const SAMPLE = argNumber('--sample', 20_000);
const SEED = argNumber('--seed', 1);
const YEAR = new Date().getUTCFullYear() - 1;
const INSERT_BATCH = 5_000;
const SWEEP_LIMIT = 1_000;

/** Triage hashes no password; a call would mean the benchmark measures something else. */
const NO_PASSWORDS: PasswordHasher = {
  hash: () => Promise.reject(new Error('the triage benchmark hashes no password')),
  verify: () => Promise.reject(new Error('the triage benchmark verifies no password')),
};

function arg(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function seconds(ms: number): number {
  return Math.round(ms / 10) / 100;
}

/** Wall and CPU time of `fn`. */
async function timed<T>(
  fn: () => Promise<T> | T,
): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The naive triage of one applicant: is any name or employer, folded, a list name? */
function exactLookupFlags(keys: ReadonlySet<string>, item: VettingCase): boolean {
  const texts = [...item.applicant.names, ...item.applicant.employment.map((job) => job.employer)];
  return texts.some((text) => keys.has(baselineKey(text)));
}

async function main(): Promise<void> {
  if (!Number.isInteger(ASSESSMENTS) || ASSESSMENTS < 1) {
    throw new Error(`--assessments must be a positive whole number, not ${ASSESSMENTS}`);
  }
  const databaseUrl = arg('--database-url');
  const db = await openDb({ databaseUrl, dataDir: 'memory://' });
  const log = (text: string) => process.stderr.write(`bench:vetting: ${text}\n`);
  try {
    const lists = new ListRepository(db);
    const store = new VettingRepositoryStore(db);

    const imported = await timed(async () => {
      for (const list of await readBundleManifest(join(projectRoot(), 'lists'))) {
        await importList(
          { store: lists, clock: systemClock },
          { dataset: list.source, path: list.path, format: list.format },
        );
      }
    });
    const versions = (await lists.listVersions()).filter((version) => version.current);
    log(`imported ${versions.map((v) => `${v.source} (${v.entityCount})`).join(', ')}`);

    const entities: Entity[] = [];
    for (const version of versions) {
      for await (const entity of lists.versionEntities(version.id)) entities.push(entity);
    }
    const index = await timed(() => MatchService.fromEntities(entities, versions));
    const sanctions = index.value;

    // The year, generated and inserted as `sargas demo seed` does (without the human side).
    const clock = fixedClock(`${YEAR + 1}-01-01T00:00:00.000Z`);
    const vetting = createVettingService({
      store,
      hasher: NO_PASSWORDS,
      clock,
      screening: () => sanctions,
      webhook: null,
      config: { sla: DEFAULT_SLA_POLICY, rules: DEFAULT_RISK_RULES, webhookSecret: null },
    });
    await vetting.upsertAgency('cli', { ...DEMO_AGENCY, webhookUrl: null });
    const planted = selectListEntities(entities, SEED);
    const ids = new SeededRandom(SEED ^ 0x1d5);
    const cases: VettingCase[] = [];
    const generated = await timed(() => {
      for (const application of generateApplications({
        count: ASSESSMENTS,
        seed: SEED,
        year: YEAR,
        ...planted,
      })) {
        cases.push(demoCase(application, seededUuid(ids), DEFAULT_SLA_POLICY));
      }
    });
    const inserted = await timed(async () => {
      for (let start = 0; start < cases.length; start += INSERT_BATCH) {
        await store.insertCases(cases.slice(start, start + INSERT_BATCH));
      }
    });
    log(`inserted ${cases.length} requests for ${YEAR} in ${seconds(inserted.ms)} s`);

    // The baseline: exact lookup of folded names in every list name.
    const keys = new Set<string>();
    for (const entity of entities) {
      for (const property of NAME_PROPERTIES) {
        for (const name of entity.properties[property] ?? []) keys.add(baselineKey(name));
      }
    }
    const baseline = await timed(() => cases.filter((item) => exactLookupFlags(keys, item)).length);

    // Triage alone, in memory, on a sample (the sweep below does it again, with the store).
    const sample = cases.slice(0, Math.min(SAMPLE, cases.length));
    const context = {
      sanctions,
      watchlist: buildWatchlistIndex([]),
      screenedAgainst: versions.map((version) => `${version.source}@${version.id}`),
      rules: DEFAULT_RISK_RULES,
      qaSampleRate: 0.05,
    };
    const at = clock.now().toISOString();
    const inMemory = await timed(
      () =>
        sample.filter(
          (item) =>
            triageApplicant({ caseId: item.id, applicant: item.applicant, at }, context).routing ===
            'flagged',
        ).length,
    );
    log(`in-memory triage of ${sample.length}: ${seconds(inMemory.ms)} s`);

    const routed = { triaged: 0, flagged: 0, qaSample: 0, clean: 0 };
    const sweep = await timed(async () => {
      for (;;) {
        const run = await vetting.triagePending(SWEEP_LIMIT);
        routed.triaged += run.triaged;
        routed.flagged += run.flagged;
        routed.qaSample += run.qaSample;
        routed.clean += run.clean;
        if (routed.triaged % 10_000 < SWEEP_LIMIT) log(`triaged ${routed.triaged}`);
        if (run.triaged < SWEEP_LIMIT) break;
      }
    });
    if (routed.triaged !== cases.length) {
      throw new Error(`the sweep triaged ${routed.triaged} of ${cases.length} requests`);
    }

    const perCase = (ms: number, count: number) => Math.round((ms / count) * 1000) / 1000;
    const baselinePerCase = baseline.ms / cases.length;
    const results = {
      store: db.dialect,
      assessments: cases.length,
      year: YEAR,
      seed: SEED,
      lists: Object.fromEntries(versions.map((version) => [version.source, version.entityCount])),
      list_import_seconds: seconds(imported.ms),
      index_build_seconds: seconds(index.ms),
      generate_seconds: seconds(generated.ms),
      insert_seconds: seconds(inserted.ms),
      triage_sweep: {
        seconds: seconds(sweep.ms),
        cpu_seconds: seconds(sweep.cpuMs),
        cases_per_second: Math.round(cases.length / (sweep.ms / 1000)),
        ms_per_case: perCase(sweep.ms, cases.length),
        ...routed,
      },
      triage_in_memory: {
        sample: sample.length,
        seconds: seconds(inMemory.ms),
        ms_per_case: perCase(inMemory.ms, sample.length),
        flagged: inMemory.value,
      },
      baseline_exact_lookup: {
        seconds: seconds(baseline.ms),
        ms_per_case: perCase(baseline.ms, cases.length),
        flagged: baseline.value,
      },
      ratio_sweep_to_baseline: Math.round(sweep.ms / cases.length / baselinePerCase),
      ratio_in_memory_to_baseline: Math.round(inMemory.ms / sample.length / baselinePerCase),
    };
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    const outDir = join(projectRoot(), 'bench', 'results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(
      join(outDir, `vetting-triage-${cases.length}.json`),
      `${JSON.stringify(results, null, 2)}\n`,
    );
  } finally {
    await db.close();
  }
}

await main();
