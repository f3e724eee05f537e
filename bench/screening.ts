/**
 * Screening throughput benchmark (`node dist/bench/screening.js [--queries N] [--naive N]`).
 *
 * Loads the four real lists (EU, UN, OFAC SDN triple, UK OFSI), builds the `MatchIndex` and
 * measures in one run: index build time, RSS of the loaded engine, queries per second on one core
 * with full scoring and explanations (dev queries + synthetic negatives), the same for a naive
 * scan that scores every list name with Jaro-Winkler (the ratio), and q/s at 1x and 4x list size
 * (entities replicated under perturbed ids). Goals: >= 2,000 q/s, index < 10 s, RSS < 1 GB.
 * Also q/s with 50 candidates per query instead of the default, to show what the candidate
 * window costs. Each figure is the median of `PASSES` passes after a warm-up on other queries.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { readList } from '../src/lists/read-list.js';
import { DEFAULT_CANDIDATES, MatchIndex } from '../src/matching/index/match-index.js';
import { prepareEntity } from '../src/matching/prepare.js';
import { jaroWinkler } from '../src/matching/text/jaro-winkler.js';
import type { PreparedRecord } from '../src/matching/types.js';
import { Entity } from '../src/model/entity.js';
import { NAME_PROPERTIES } from '../src/model/schemata.js';
import { queryEntity, type ScreeningQuery } from '../src/screening/query.js';
import { screenQuery } from '../src/screening/screen-batch.js';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the benchmark');
    dir = parent;
  }
  return dir;
}

const ROOT = projectRoot();
const LISTS = join(ROOT, '..', 'shared', 'data', 'lists');
const EVAL = join(ROOT, '..', 'shared', 'data', 'eval');

function argNumber(flag: string, fallback: number): number {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const SOURCES = [
  { dataset: 'eu', path: join(LISTS, 'eu', 'eu-fsf-2026-01-28.xml') },
  { dataset: 'un', path: join(LISTS, 'un', '2026-02-27.xml') },
  { dataset: 'ofac', path: join(LISTS, 'ofac', 'sdn', '2023-12-28') },
  { dataset: 'uk', path: join(LISTS, 'uk', 'ConList-2025-04-14.csv') },
];

function mb(bytes: number): number {
  return Math.round(bytes / 1_048_576);
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
}

function loadQueries(count: number): ScreeningQuery[] {
  const queries: ScreeningQuery[] = [];
  for (const row of readCsv(join(EVAL, 'queries.csv'))) {
    queries.push({
      id: row.id!,
      schema: 'Person',
      name: row.name!,
      ...(row.birth_date ? { birthDate: row.birth_date } : {}),
    });
  }
  const negatives = readCsv(
    join(LISTS, 'pairs', 'yente_candidate_generation', 'negatives_global.csv'),
  );
  for (const [i, row] of negatives.entries()) {
    if (queries.length >= count) break;
    queries.push({
      id: `n${i}`,
      schema: 'Person',
      name: row.full_name!,
      ...(/^\d{4}-\d{2}-\d{2}$/u.test(row.date_of_birth ?? '')
        ? { birthDate: row.date_of_birth! }
        : {}),
    });
  }
  return queries.slice(0, count);
}

/** Queries that warm the engine up before each measurement, none of them measured. */
const WARM_UP_QUERIES = 2_000;

/**
 * Passes over the measured queries per configuration; the median pass is reported. On the shared
 * VMs this runs on, one pass of the same code varied by ±25% from minute to minute.
 */
const PASSES = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function throughput(
  index: MatchIndex,
  warmUp: readonly ScreeningQuery[],
  queries: readonly ScreeningQuery[],
  candidates?: number,
) {
  const options = candidates === undefined ? {} : { candidates };
  // Warm up on other queries: the JIT, and the per-key traits the scorer works out the first
  // time any query meets a list key. With 200 warm-up queries taken from the measured ones, the
  // first measurement of a run (1x, 1,521 q/s) came out below the later 4x one (2,030 q/s).
  for (const query of warmUp) screenQuery(index, query, options);
  const passes: { seconds: number; cpuSeconds: number }[] = [];
  let flagged = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    flagged = 0;
    for (const query of queries) {
      const result = screenQuery(index, query, options);
      if (result.matches.some((match) => match.match)) flagged++;
    }
    // CPU time of this process as well as wall time: on a shared machine the wall clock also
    // counts the time other processes held the core. (CPU time includes V8's GC helper threads.)
    const cpu = process.cpuUsage(cpuStart);
    passes.push({
      seconds: (performance.now() - start) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    });
  }
  const qpsOfPasses = passes.map(({ seconds }) => Math.round(queries.length / seconds));
  const seconds = median(passes.map((pass) => pass.seconds));
  const cpuSeconds = median(passes.map((pass) => pass.cpuSeconds));
  return {
    queries: queries.length,
    passes: PASSES,
    qps_of_passes: qpsOfPasses,
    seconds: Math.round(seconds * 100) / 100,
    qps: Math.round(queries.length / seconds),
    cpu_seconds: Math.round(cpuSeconds * 100) / 100,
    qps_per_cpu_second: Math.round(queries.length / cpuSeconds),
    flagged,
  };
}

/** Naive scan: every list name, folded, against the query's first romanisation, Jaro-Winkler. */
function naiveScan(index: MatchIndex, queries: readonly ScreeningQuery[]) {
  const names: string[] = [];
  for (const record of index.records) {
    for (const name of record.names) names.push(name.variants[0]!.keys.join(' '));
  }
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let best = 0;
  for (const query of queries) {
    const prepared = prepareEntity(queryEntity(query), true);
    const text = prepared.names[0]?.variants[0]?.keys.join(' ') ?? '';
    best = 0;
    for (const name of names) {
      const score = jaroWinkler(text, name);
      if (score > best) best = score;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    queries: queries.length,
    names: names.length,
    seconds: Math.round(seconds * 100) / 100,
    qps: Math.round((queries.length / seconds) * 10) / 10,
    qps_per_cpu_second: Math.round((queries.length / cpuSeconds) * 10) / 10,
  };
}

/**
 * The index `times` times over: every record again under a perturbed id. Records are reused, not
 * re-analysed, so the 4x figures measure the index and the query path, not name analysis.
 */
function replicate(records: readonly PreparedRecord[], times: number): PreparedRecord[] {
  const out: PreparedRecord[] = [...records];
  for (let copy = 1; copy < times; copy++) {
    for (const record of records) {
      const id = `${record.id}~${copy}`;
      out.push({ ...record, id, entity: { ...record.entity, id } });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const queryCount = argNumber('--queries', 10_000);
  const naiveCount = argNumber('--naive', 300);
  const rssBefore = process.memoryUsage().rss;

  const entities: Entity[] = [];
  const loaded: Record<string, number | string> = {};
  const parseStart = performance.now();
  for (const source of SOURCES) {
    try {
      const list = await readList(source);
      let count = 0;
      for await (const entity of list.entities) {
        entities.push(entity);
        count++;
      }
      loaded[source.dataset] = count;
    } catch (error) {
      loaded[source.dataset] = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const parseMs = Math.round(performance.now() - parseStart);
  let nameCount = 0;
  for (const entity of entities) {
    for (const property of NAME_PROPERTIES) nameCount += Entity.values(entity, property).length;
  }

  const buildStart = performance.now();
  const buildCpu = process.cpuUsage();
  const index = MatchIndex.build(entities);
  const buildMs = Math.round(performance.now() - buildStart);
  const buildCpuUsage = process.cpuUsage(buildCpu);
  const buildCpuMs = Math.round((buildCpuUsage.user + buildCpuUsage.system) / 1000);
  globalThis.gc?.();
  const rss = process.memoryUsage().rss;

  const allQueries = loadQueries(queryCount + WARM_UP_QUERIES);
  const queries = allQueries.slice(0, queryCount);
  const warmUp = allQueries.slice(queryCount);
  const one = throughput(index, warmUp, queries);
  const fewer = throughput(index, warmUp, queries, 50);
  const naive = naiveScan(index, queries.slice(0, naiveCount));

  const bigRecords = replicate(index.records, 4);
  const bigStart = performance.now();
  const big = MatchIndex.fromRecords(bigRecords);
  const bigBuildMs = Math.round(performance.now() - bigStart);
  const four = throughput(big, warmUp, queries);
  const rss4 = process.memoryUsage().rss;

  const results = {
    lists: loaded,
    entities: entities.length,
    names: nameCount,
    index_keys: index.keyCount,
    parse_ms: parseMs,
    index_build_ms: buildMs,
    index_build_cpu_ms: buildCpuMs,
    rss_mb_before_load: mb(rssBefore),
    rss_mb_loaded_engine: mb(rss),
    candidates_per_query: DEFAULT_CANDIDATES,
    warm_up_queries: WARM_UP_QUERIES,
    screening_1x: one,
    screening_1x_50_candidates: fewer,
    naive_scan: naive,
    speedup_vs_naive: Math.round((one.qps / naive.qps) * 10) / 10,
    speedup_vs_naive_cpu: Math.round((one.qps_per_cpu_second / naive.qps_per_cpu_second) * 10) / 10,
    index_build_ms_4x: bigBuildMs,
    screening_4x: four,
    qps_ratio_4x_to_1x: Math.round((four.qps / one.qps) * 100) / 100,
    qps_per_cpu_ratio_4x_to_1x:
      Math.round((four.qps_per_cpu_second / one.qps_per_cpu_second) * 100) / 100,
    rss_mb_with_4x: mb(rss4),
  };
  console.log(JSON.stringify(results, null, 2));
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'screening.json'), `${JSON.stringify(results, null, 2)}\n`);
}

await main();
