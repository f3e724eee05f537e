/**
 * Benchmark: parse the four real lists and import them into a fresh PGlite.
 *
 *   npm run bench:lists [-- SHARED_DATA_DIR]
 *
 * For each list it measures, in the same run, the raw streaming tokenisation of the same bytes
 * (saxes emitting only open-tag events that are counted / csv-parse counting rows) and the full
 * parse (`readList`: records, entities, names, dates). The ratio full/raw says how much of the
 * tokeniser's speed the parsers keep (goal >= 50%). Then all four are imported into one fresh
 * PGlite (goal < 30 s in total).
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse';
import { SaxesParser } from 'saxes';
import { importList } from '../src/lists/import-list.js';
import { readList } from '../src/lists/read-list.js';
import type { ListFormat } from '../src/lists/types.js';
import { systemClock } from '../src/shared/clock.js';
import { ListRepository } from '../src/store/list-repository.js';
import { openDb } from '../src/store/open-db.js';
import { projectRoot } from './support.js';

interface BenchList {
  readonly source: string;
  readonly format: ListFormat;
  readonly kind: 'xml' | 'csv';
  /** What `readList` / `importList` take. */
  readonly path: string;
  /** Every file the list reads (OFAC: the triple), for the raw baseline and the byte count. */
  readonly files: readonly string[];
}

const shared = resolve(process.argv[2] ?? join(projectRoot(), '..', 'shared', 'data'));
const ofacDir = join(shared, 'lists', 'ofac', 'sdn', '2023-12-28');
const LISTS: readonly BenchList[] = [
  {
    source: 'eu',
    format: 'eu-fsf-xml',
    kind: 'xml',
    path: join(shared, 'lists', 'eu', 'eu-fsf-2026-01-28.xml'),
    files: [join(shared, 'lists', 'eu', 'eu-fsf-2026-01-28.xml')],
  },
  {
    source: 'un',
    format: 'un-sc-xml',
    kind: 'xml',
    path: join(shared, 'lists', 'un', '2026-02-27.xml'),
    files: [join(shared, 'lists', 'un', '2026-02-27.xml')],
  },
  {
    source: 'ofac',
    format: 'ofac-sdn-csv',
    kind: 'csv',
    path: join(ofacDir, 'sdn.csv'),
    files: ['sdn.csv', 'add.csv', 'alt.csv'].map((name) => join(ofacDir, name)),
  },
  {
    source: 'uk',
    format: 'uk-ofsi-csv',
    kind: 'csv',
    path: join(shared, 'lists', 'uk', 'ConList-2025-04-14.csv'),
    files: [join(shared, 'lists', 'uk', 'ConList-2025-04-14.csv')],
  },
];

/** The tokeniser alone, with the options the XML parsers use; counts open tags. */
async function rawXml(file: string): Promise<number> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  let tags = 0;
  parser.on('opentag', () => {
    tags += 1;
  });
  const stream = createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' });
  for await (const chunk of stream) parser.write(chunk as string);
  parser.close();
  return tags;
}

/** csv-parse alone, with the options the CSV parsers use; counts rows. */
async function rawCsv(file: string): Promise<number> {
  const parser = parse({ relax_column_count: true, bom: true });
  createReadStream(file, { highWaterMark: 1 << 20 }).pipe(parser);
  let rows = 0;
  for await (const _row of parser) rows += 1;
  return rows;
}

async function fullParse(list: BenchList): Promise<{ entities: number; names: number }> {
  const parsed = await readList({ dataset: list.source, path: list.path, format: list.format });
  let entities = 0;
  let names = 0;
  for await (const entity of parsed.entities) {
    entities += 1;
    names += entity.names.length;
  }
  return { entities, names };
}

/** Best of `runs` wall-clock times (ms) after one warm-up, to keep JIT and disk cache out. */
async function best<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  let value = await fn();
  let ms = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    value = await fn();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, value };
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) =>
      index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
    )
    .join('  ');
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const header = ['list', 'MB', 'entities', 'raw MB/s', 'parse MB/s', 'entities/s', 'ratio'];
  const widths = [5, 6, 9, 9, 11, 11, 6];
  console.log(
    `lists from ${shared} (best of ${runs} runs after a warm-up; Node ${process.version})`,
  );
  console.log(pad(header, widths));
  let worstRatio = Number.POSITIVE_INFINITY;
  for (const list of LISTS) {
    const bytes = (
      await Promise.all(list.files.map(async (file) => (await stat(file)).size))
    ).reduce((sum, size) => sum + size, 0);
    const raw = await best(runs, async () => {
      let count = 0;
      for (const file of list.files)
        count += await (list.kind === 'xml' ? rawXml(file) : rawCsv(file));
      return count;
    });
    const full = await best(runs, () => fullParse(list));
    const mb = bytes / 1_048_576;
    const ratio = raw.ms / full.ms;
    worstRatio = Math.min(worstRatio, ratio);
    console.log(
      pad(
        [
          list.source,
          mb.toFixed(1),
          String(full.value.entities),
          (mb / (raw.ms / 1000)).toFixed(1),
          (mb / (full.ms / 1000)).toFixed(1),
          Math.round(full.value.entities / (full.ms / 1000)).toLocaleString('en-US'),
          `${Math.round(ratio * 100)}%`,
        ],
        widths,
      ),
    );
  }

  const dir = await mkdtemp(join(tmpdir(), 'sargas-bench-'));
  try {
    const db = await openDb({ dataDir: dir });
    const store = new ListRepository(db);
    const start = performance.now();
    const parts: string[] = [];
    for (const list of LISTS) {
      const t0 = performance.now();
      const result = await importList(
        { store, clock: systemClock },
        { dataset: list.source, path: list.path, format: list.format },
      );
      parts.push(
        `${list.source} ${((performance.now() - t0) / 1000).toFixed(1)} s (${result.version.entityCount})`,
      );
    }
    const total = (performance.now() - start) / 1000;
    await db.close();
    console.log(`import into a fresh PGlite: ${total.toFixed(1)} s total — ${parts.join(', ')}`);
    console.log(
      `goals: parse >= 50% of raw tokenisation (worst ${Math.round(worstRatio * 100)}%: ${worstRatio >= 0.5 ? 'met' : 'MISSED'}); ` +
        `import of all four < 30 s (${total.toFixed(1)} s: ${total < 30 ? 'met' : 'MISSED'})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
