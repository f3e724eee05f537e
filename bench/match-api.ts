/**
 * `/match` latency and throughput over loopback (`npm run build && node dist/bench/match-api.js
 * [--seconds 8] [--concurrency 8]`).
 *
 * Builds the screening index over the four real lists in memory (no database: this measures the
 * HTTP path and the matcher, not PGlite), serves `buildServer` on 127.0.0.1, and drives it from a
 * worker thread (its own event loop, so the client does not steal the server's) with keep-alive
 * HTTP/1.1: one-query `/match/default` requests, then `/healthz` as the baseline of the HTTP stack
 * itself, both at concurrency 1 (latency) and N (throughput). Goal: p99 of a one-query `/match`
 * under 20 ms. Results go to stdout and `bench/results/match-api.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { buildServer } from '../src/api/server.js';
import { readList } from '../src/lists/read-list.js';
import type { Entity } from '../src/model/entity.js';
import { MatchService } from '../src/screening/match-service.js';
import { argNumber, projectRoot } from './support.js';

interface LoadSpec {
  readonly base: string;
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly bodies: readonly string[];
  readonly seconds: number;
  readonly concurrency: number;
}

interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
}

/** The client: `concurrency` loops, each sending its next request when the last one answered. */
async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const url = new URL(spec.path, spec.base);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const end = performance.now() + spec.seconds * 1000;
  const once = (body: string | undefined) =>
    new Promise<number>((resolve) => {
      const req = request(
        url,
        {
          method: spec.method,
          agent,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  const loop = async () => {
    while (performance.now() < end) {
      const body = spec.bodies.length === 0 ? undefined : spec.bodies[sent % spec.bodies.length];
      sent += 1;
      const start = performance.now();
      const status = await once(body);
      latencies.push(performance.now() - start);
      if (status !== 200) errors += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: spec.concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latencies.length, errors, seconds, latenciesMs: latencies };
}

if (!isMainThread) {
  runLoad(workerData as LoadSpec).then((result) => parentPort?.postMessage(result));
} else {
  await main();
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarise(name: string, concurrency: number, result: LoadResult) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    name,
    concurrency,
    requests: result.requests,
    errors: result.errors,
    rps: Math.round(result.requests / result.seconds),
    p50_ms: round(percentile(sorted, 50)),
    p90_ms: round(percentile(sorted, 90)),
    p99_ms: round(percentile(sorted, 99)),
    max_ms: round(sorted.at(-1) ?? Number.NaN),
  };
}

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: spec });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** One-query bodies: listed names (some lower-cased or with a typo) and names of nobody. */
function matchBodies(entities: readonly Entity[]): string[] {
  const bodies: string[] = [];
  const step = Math.max(1, Math.floor(entities.length / 300));
  for (let i = 0; i < entities.length && bodies.length < 300; i += step) {
    const entity = entities[i]!;
    let name = entity.caption;
    if (i % 3 === 1) name = name.toLowerCase();
    if (i % 3 === 2 && name.length > 6) name = `${name.slice(0, 3)}${name.slice(4)}`;
    const properties: Record<string, string[]> = { name: [name] };
    const birthDate = entity.properties.birthDate?.[0];
    if (birthDate !== undefined) properties.birthDate = [birthDate];
    bodies.push(JSON.stringify({ queries: { q: { schema: entity.schema, properties } } }));
  }
  const first = ['Anna', 'Pavel', 'John', 'Maria', 'Ahmed', 'Li', 'Olga', 'Carlos'];
  const last = ['Kowalski', 'Smith', 'Novak', 'Haddad', 'Wang', 'Ivanova', 'Garcia', 'Berg'];
  for (let i = 0; i < 100; i++) {
    const name = `${first[i % first.length]} ${last[(i * 3) % last.length]}`;
    bodies.push(
      JSON.stringify({ queries: { q: { schema: 'Person', properties: { name: [name] } } } }),
    );
  }
  // Interleave hits and misses.
  return bodies.sort((a, b) => ((a.length * 31 + b.length) % 7) - 3);
}

async function main(): Promise<void> {
  const seconds = argNumber('--seconds', 8);
  const concurrency = argNumber('--concurrency', 8);
  const lists = join(projectRoot(), '..', 'shared', 'data', 'lists');
  const sources = [
    { dataset: 'eu', path: join(lists, 'eu', 'eu-fsf-2026-01-28.xml') },
    { dataset: 'un', path: join(lists, 'un', '2026-02-27.xml') },
    { dataset: 'ofac', path: join(lists, 'ofac', 'sdn', '2023-12-28') },
    { dataset: 'uk', path: join(lists, 'uk', 'ConList-2025-04-14.csv') },
  ];
  const entities: Entity[] = [];
  for (const source of sources) {
    const list = await readList(source);
    for await (const entity of list.entities) entities.push(entity);
  }
  let started = performance.now();
  const service = MatchService.fromEntities(entities);
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(
    `index: ${entities.length} entities from ${sources.length} lists in ${buildSeconds.toFixed(1)} s`,
  );

  const app = buildServer({
    screening: { current: () => service },
    lists: { listVersions: async () => [] },
    apiKeys: null,
    config: { auth: 'none' },
    logger: false,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const bodies = matchBodies(entities);
  // Warm-up: JIT and caches, not measured.
  await load({ base, path: '/match/default', method: 'POST', bodies, seconds: 2, concurrency: 1 });

  const rows = [];
  for (const c of [1, concurrency]) {
    started = performance.now();
    rows.push(
      summarise(
        '/match/default (1 query)',
        c,
        await load({
          base,
          path: '/match/default',
          method: 'POST',
          bodies,
          seconds,
          concurrency: c,
        }),
      ),
    );
    rows.push(
      summarise(
        '/healthz (baseline)',
        c,
        await load({ base, path: '/healthz', method: 'GET', bodies: [], seconds, concurrency: c }),
      ),
    );
  }
  await app.close();

  const load1 = loadavg()[0]!;
  console.table(rows);
  const matchP99 = rows.find((row) => row.name.startsWith('/match') && row.concurrency === 1)!;
  console.log(
    `goal p99 < 20 ms for a one-query /match (concurrency 1): ${matchP99.p99_ms} ms, ${matchP99.p99_ms < 20 ? 'met' : 'NOT met'}; load average ${load1.toFixed(2)} on this machine during the run`,
  );
  const out = join(projectRoot(), 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'match-api.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        entities: entities.length,
        index_build_s: Math.round(buildSeconds * 10) / 10,
        seconds_per_run: seconds,
        load_average_1m: Math.round(load1 * 100) / 100,
        rows,
      },
      null,
      2,
    )}\n`,
  );
}
