/**
 * Evaluation of the matching engine, in one run (`npm run eval`, or `node dist/bench/eval.js`):
 *
 * (a) the dev set of `shared/data/eval` (queries against the reduced EU list), scored exactly as
 *     its README says: recall, recall@1, false-positive rate, per kind, mean flagged per query,
 *     plus the candidate recall of the index on its own; last line `recall=R fpr=F`;
 * (b) nomenklatura's name_bench pairs: precision, recall, F1 at the default threshold, with the
 *     frozen logic_v2 scores side by side, recomputed against the current labels;
 * (b2) watchman's cross-script pairs (a name in Arabic, Cyrillic, Han, Hangul, Kana, Greek, Hebrew
 *      or Thai script and its usual Latin spelling): recall at the default threshold;
 * (c) the naive baseline (exact folded, sorted tokens) on both;
 * (d) yente's candidate-generation positives (683 UN-listed persons, untreated and with typos and
 *     reshuffles) screened against the UN list alone: candidate recall, recall, recall@1.
 * (e) Arabic `Abd` names in another of their usual forms: every name and alias of a UN or OFAC SDN
 *     Person holding one, its one-word form written in three words (`Abdulrahman` →
 *     `Abd al-Rahman`) or else its two/three-word form in one (`Abdul Rahman` → `Abdulrahman`),
 *     screened against both lists in one index: recall, recall@1, naive baseline recall. This set
 *     was written to test the `Abd` rule (`src/matching/names/theophoric.ts`): in-sample for it.
 *
 * `--fit` refits the logistic calibration on the labelled pairs of (a) and (b) and writes
 * `src/matching/algorithms/sargas-v1.calibration.json`. Results go to `bench/results/eval.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readList } from '../src/lists/read-list.js';
import { sargasV1 } from '../src/matching/algorithms/sargas-v1.js';
import { DEFAULT_CANDIDATES, MatchIndex } from '../src/matching/index/match-index.js';
import { prepareEntity } from '../src/matching/prepare.js';
import { QueryScorer, round } from '../src/matching/score.js';
import type { Algorithm, Calibration } from '../src/matching/types.js';
import type { Entity } from '../src/model/entity.js';
import { Entity as EntityFactory } from '../src/model/entity.js';
import { isSchemaName, type SchemaName } from '../src/model/schemata.js';
import { queryEntity, type ScreeningQuery } from '../src/screening/query.js';
import { DEFAULT_LIMIT, screenQuery } from '../src/screening/screen-batch.js';
import { baselineKey } from './baseline.js';
import { projectRoot } from './support.js';

const ROOT = projectRoot();
const SHARED = join(ROOT, '..', 'shared', 'data');
const CANDIDATES = Number(argValue('--candidates') ?? DEFAULT_CANDIDATES);

function argValue(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
}

interface Pair {
  readonly raw: number;
  readonly label: boolean;
}

interface KindStats {
  n: number;
  hits: number;
  top1: number;
  flaggedQueries: number;
  candidateHits: number;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : round(a / b);
}

// ---------------------------------------------------------------------------------------------
// (a) dev set

interface DevResult {
  readonly overall: Record<string, number>;
  readonly byKind: Record<string, Record<string, number>>;
  readonly baseline: Record<string, number | Record<string, number>>;
  readonly timings: Record<string, number>;
  readonly pairs: Pair[];
  /** Per query: whether it is a positive, and its top results (score, is it the expected one). */
  readonly tops: { positive: boolean; top: { score: number; expected: boolean }[] }[];
  readonly misses: string[];
  readonly falsePositives: string[];
}

async function loadEntities(path: string, dataset: string): Promise<Entity[]> {
  const list = await readList({ dataset, path });
  const out: Entity[] = [];
  for await (const entity of list.entities) out.push(entity);
  return out;
}

/** Baseline: exact folded sorted tokens over every matchable name of every entity → entity ids. */
function buildBaselineIndex(entities: readonly Entity[]): Map<string, string[]> {
  const baselineIndex = new Map<string, string[]>();
  for (const entity of entities) {
    for (const property of ['name', 'alias', 'previousName'] as const) {
      for (const name of EntityFactory.values(entity, property)) {
        const key = baselineKey(name);
        if (key === '') continue;
        const ids = baselineIndex.get(key) ?? [];
        if (!ids.includes(entity.id)) ids.push(entity.id);
        baselineIndex.set(key, ids);
      }
    }
  }
  return baselineIndex;
}

async function evaluateDev(algorithm: Algorithm, threshold: number): Promise<DevResult> {
  const t0 = performance.now();
  const entities = await loadEntities(join(SHARED, 'eval', 'eu-reduced.xml'), 'eu');
  const t1 = performance.now();
  const index = MatchIndex.build(entities);
  const t2 = performance.now();

  const kinds = new Map(
    readCsv(join(SHARED, 'eval', 'query-kinds.csv')).map((row) => [row.id!, row.kind!]),
  );
  const rows = readCsv(join(SHARED, 'eval', 'queries.csv'));

  const baselineIndex = buildBaselineIndex(entities);

  const stats = new Map<string, KindStats>();
  const baseStats = new Map<string, { n: number; hits: number; flagged: number }>();
  const pairs: Pair[] = [];
  const tops: DevResult['tops'] = [];
  const misses: string[] = [];
  const falsePositives: string[] = [];
  let flaggedTotal = 0;
  let candidateTotal = 0;
  const t3 = performance.now();
  for (const row of rows) {
    const expected = row.expected ?? '';
    const kind = kinds.get(row.id!) ?? (expected === '' ? 'negative' : 'positive');
    const query: ScreeningQuery = {
      id: row.id!,
      schema: 'Person',
      name: row.name ?? '',
      ...(row.birth_date ? { birthDate: row.birth_date } : {}),
      ...(row.nationality ? { nationality: row.nationality } : {}),
      ...(row.id_number ? { idNumber: row.id_number } : {}),
    };
    const prepared = prepareEntity(queryEntity(query), true);
    const candidates = index.candidates(prepared, { limit: CANDIDATES });
    candidateTotal += candidates.length;
    const scorer = new QueryScorer(prepared, algorithm, { threshold });
    const scored = candidates
      .map(({ record }) => scorer.score(record))
      .filter((result) => result.score > 0)
      .sort((a, b) => b.score - a.score || b.raw - a.raw);
    const top = scored.slice(0, DEFAULT_LIMIT);
    const flagged = top.filter((result) => result.match);
    flaggedTotal += flagged.length;
    tops.push({
      positive: expected !== '',
      top: top.map((result) => ({
        score: result.score,
        expected: result.candidate.id === expected,
      })),
    });

    const s = stats.get(kind) ?? { n: 0, hits: 0, top1: 0, flaggedQueries: 0, candidateHits: 0 };
    stats.set(kind, s);
    s.n += 1;
    if (flagged.length > 0) s.flaggedQueries += 1;
    if (expected !== '') {
      if (flagged.some((result) => result.candidate.id === expected)) s.hits += 1;
      else {
        const got = top[0];
        misses.push(
          `${row.id} [${kind}] '${row.name}' → expected ${expected}; top ${got?.candidate.id ?? '-'} ${got ? got.score.toFixed(3) : ''} '${got?.candidate.entity.caption ?? ''}' ${scored.find((r) => r.candidate.id === expected)?.score.toFixed(3) ?? 'not scored'}`,
        );
      }
      if (top[0]?.candidate.id === expected) s.top1 += 1;
      if (candidates.some(({ record }) => record.id === expected)) s.candidateHits += 1;
    } else if (flagged.length > 0) {
      const got = flagged[0]!;
      falsePositives.push(
        `${row.id} [${kind}] '${row.name}' ${row.birth_date ?? ''} → ${got.candidate.id} ${got.score.toFixed(3)} '${got.candidate.entity.caption}'`,
      );
    }
    for (const result of scored.slice(0, 10)) {
      pairs.push({ raw: result.raw, label: result.candidate.id === expected });
    }

    // Baseline on the same query.
    const b = baseStats.get(kind) ?? { n: 0, hits: 0, flagged: 0 };
    baseStats.set(kind, b);
    b.n += 1;
    const found = baselineIndex.get(baselineKey(row.name ?? '')) ?? [];
    if (found.length > 0) b.flagged += 1;
    if (expected !== '' && found.includes(expected)) b.hits += 1;
  }
  const t4 = performance.now();

  const byKind: Record<string, Record<string, number>> = {};
  let positives = 0;
  let hits = 0;
  let top1 = 0;
  let negatives = 0;
  let falsePositive = 0;
  let candidateHits = 0;
  for (const [kind, s] of [...stats.entries()].sort()) {
    const negative = kind.startsWith('neg');
    if (negative) {
      negatives += s.n;
      falsePositive += s.flaggedQueries;
      byKind[kind] = { n: s.n, fpr: ratio(s.flaggedQueries, s.n) };
    } else {
      positives += s.n;
      hits += s.hits;
      top1 += s.top1;
      candidateHits += s.candidateHits;
      byKind[kind] = {
        n: s.n,
        recall: ratio(s.hits, s.n),
        recall_at_1: ratio(s.top1, s.n),
        candidate_recall: ratio(s.candidateHits, s.n),
      };
    }
  }
  let bPos = 0;
  let bHits = 0;
  let bNeg = 0;
  let bFp = 0;
  const baselineByKind: Record<string, number> = {};
  for (const [kind, b] of [...baseStats.entries()].sort()) {
    if (kind.startsWith('neg')) {
      bNeg += b.n;
      bFp += b.flagged;
      baselineByKind[`${kind}_fpr`] = ratio(b.flagged, b.n);
    } else {
      bPos += b.n;
      bHits += b.hits;
      baselineByKind[`${kind}_recall`] = ratio(b.hits, b.n);
    }
  }
  return {
    overall: {
      queries: rows.length,
      positives,
      negatives,
      recall: ratio(hits, positives),
      recall_at_1: ratio(top1, positives),
      fpr: ratio(falsePositive, negatives),
      candidate_recall: ratio(candidateHits, positives),
      mean_flagged_per_query: ratio(flaggedTotal, rows.length),
      mean_candidates_per_query: ratio(candidateTotal, rows.length),
      threshold,
    },
    byKind,
    baseline: {
      recall: ratio(bHits, bPos),
      fpr: ratio(bFp, bNeg),
      by_kind: baselineByKind,
    },
    timings: {
      parse_ms: Math.round(t1 - t0),
      index_ms: Math.round(t2 - t1),
      screen_ms: Math.round(t4 - t3),
      queries_per_second: Math.round(rows.length / ((t4 - t3) / 1000)),
      entities: entities.length,
    },
    pairs,
    tops,
    misses,
    falsePositives,
  };
}

/** Dev recall/fpr and name_bench F1 at other thresholds (same scores), to show the trade-off. */
function sweep(dev: DevResult, benchScores: readonly { score: number; label: boolean }[]) {
  const rows: Record<string, Record<string, number>> = {};
  for (let t = 0.3; t <= 0.801; t += 0.05) {
    let positives = 0;
    let hits = 0;
    let negatives = 0;
    let fp = 0;
    for (const { positive, top } of dev.tops) {
      if (positive) {
        positives++;
        if (top.some((r) => r.expected && r.score >= t)) hits++;
      } else {
        negatives++;
        if (top.some((r) => r.score >= t)) fp++;
      }
    }
    let tp = 0;
    let bfp = 0;
    let fn = 0;
    let tn = 0;
    for (const { score, label } of benchScores) {
      const p = score >= t;
      if (p && label) tp++;
      else if (p) bfp++;
      else if (label) fn++;
      else tn++;
    }
    rows[`threshold ${t.toFixed(2)}`] = {
      dev_recall: ratio(hits, positives),
      dev_fpr: ratio(fp, negatives),
      name_bench_f1: prf(tp, bfp, fn, tn).f1,
    };
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// (b) name_bench

interface BenchRow {
  readonly schema: SchemaName;
  readonly sourceSchema: string;
  readonly name1: string;
  readonly name2: string;
  readonly label: boolean;
  readonly group: string;
}

function benchSchema(schema: string): SchemaName {
  // name_bench uses FtM's `Company`, a kind of Organization here.
  if (schema === 'Company') return 'Organization';
  return isSchemaName(schema) ? schema : 'LegalEntity';
}

function prf(tp: number, fp: number, fn: number, tn: number) {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    n: tp + fp + fn + tn,
    tp,
    fp,
    fn,
    tn,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
  };
}

function nameEntity(schema: SchemaName, name: string, id: string): Entity {
  return EntityFactory.create({
    id,
    schema,
    properties: { name: [name] },
    datasets: ['bench'],
    source: { file: 'name_bench' },
  });
}

function evaluateNameBench(algorithm: Algorithm, threshold: number) {
  const dir = join(SHARED, 'lists', 'pairs', 'nomenklatura');
  const rows: BenchRow[] = readCsv(join(dir, 'name_bench_cases.csv')).map((row) => ({
    schema: benchSchema(row.schema!),
    sourceSchema: row.schema!,
    name1: row.name1!,
    name2: row.name2!,
    label: row.is_match === 'true',
    group: row.case_group!,
  }));
  const frozen = new Map<string, number>();
  for (const row of readCsv(join(dir, 'name_bench_logicv2-frozen.csv'))) {
    frozen.set(`${row.schema}\u0000${row.name1}\u0000${row.name2}`, Number(row.score));
  }

  const pairs: Pair[] = [];
  const scores: { score: number; label: boolean }[] = [];
  const ours = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const oursCovered = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const logic = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const base = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byGroup = new Map<string, { tp: number; fp: number; fn: number; tn: number }>();
  const errors: string[] = [];
  const count = (c: { tp: number; fp: number; fn: number; tn: number }, p: boolean, l: boolean) => {
    if (p && l) c.tp++;
    else if (p) c.fp++;
    else if (l) c.fn++;
    else c.tn++;
  };
  rows.forEach((row, i) => {
    const q = prepareEntity(nameEntity(row.schema, row.name1, `q${i}`), true);
    const c = prepareEntity(nameEntity(row.schema, row.name2, `c${i}`));
    const scorer = new QueryScorer(q, algorithm, { threshold });
    const result = scorer.score(c);
    pairs.push({ raw: result.raw, label: row.label });
    scores.push({ score: result.score, label: row.label });
    count(ours, result.match, row.label);
    const group = byGroup.get(row.group) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
    byGroup.set(row.group, group);
    count(group, result.match, row.label);
    if (result.match !== row.label) {
      errors.push(
        `${row.label ? 'FN' : 'FP'} [${row.group}/${row.sourceSchema}] '${row.name1}' vs '${row.name2}' ${result.score.toFixed(3)}`,
      );
    }
    const baseMatch =
      baselineKey(row.name1) !== '' && baselineKey(row.name1) === baselineKey(row.name2);
    count(base, baseMatch, row.label);
    const old = frozen.get(`${row.sourceSchema}\u0000${row.name1}\u0000${row.name2}`);
    if (old !== undefined) {
      count(logic, old >= 0.7, row.label);
      count(oursCovered, result.match, row.label);
    }
  });
  const groups: Record<string, ReturnType<typeof prf>> = {};
  for (const [name, c] of [...byGroup.entries()].sort()) groups[name] = prf(c.tp, c.fp, c.fn, c.tn);
  return {
    ours: prf(ours.tp, ours.fp, ours.fn, ours.tn),
    ours_on_logic_v2_rows: prf(oursCovered.tp, oursCovered.fp, oursCovered.fn, oursCovered.tn),
    logic_v2_frozen: prf(logic.tp, logic.fp, logic.fn, logic.tn),
    baseline: prf(base.tp, base.fp, base.fn, base.tn),
    by_group: groups,
    threshold,
    pairs,
    scores,
    errors,
  };
}

// ---------------------------------------------------------------------------------------------
// (b2) watchman's cross-script pairs: a name in its own script and its usual Latin spelling

function evaluateCrossScript(algorithm: Algorithm, threshold: number) {
  const path = join(SHARED, 'lists', 'pairs', 'watchman', 'cross_script_pairs.csv');
  // `#` lines are comments; the rest is `Query,Expected Match,Min Score,Description`.
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  let matched = 0;
  const misses: string[] = [];
  const perScript = new Map<string, { n: number; matched: number }>();
  lines.forEach((line, i) => {
    const [query, expected] = line.split(',');
    if (query === undefined || expected === undefined) {
      throw new Error(`${path}: line '${line}' has no expected match`);
    }
    const q = prepareEntity(nameEntity('Person', query, `x${i}`), true);
    const c = prepareEntity(nameEntity('Person', expected, `y${i}`));
    const result = new QueryScorer(q, algorithm, { threshold }).score(c);
    const script = q.names[0]?.script ?? 'none';
    const stats = perScript.get(script) ?? { n: 0, matched: 0 };
    perScript.set(script, stats);
    stats.n++;
    if (result.match) {
      matched++;
      stats.matched++;
    } else {
      misses.push(`'${query}' vs '${expected}' ${result.score.toFixed(3)}`);
    }
  });
  const byScript: Record<string, { n: number; recall: number }> = {};
  for (const [script, stats] of [...perScript.entries()].sort()) {
    byScript[script] = { n: stats.n, recall: ratio(stats.matched, stats.n) };
  }
  return { n: lines.length, matched, recall: ratio(matched, lines.length), byScript, misses };
}

// ---------------------------------------------------------------------------------------------
// (d) yente's candidate-generation positives against the UN list

/**
 * The fold that decides a row's expected entity, independent of the matcher: NFKD, marks
 * stripped, lower case, any run of non-letters/non-digits a separator, tokens sorted (so
 * `SALEK, ABDULHAI` = `ABDULHAI SALEK`). Letters of every script are kept.
 */
export function yenteNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '')
    .sort()
    .join(' ');
}

/** Every name an entity carries: its name details and each name-typed property's values. */
function allNames(entity: Entity): Set<string> {
  const names = new Set<string>(entity.names.map((detail) => detail.full));
  for (const property of ['name', 'alias', 'previousName', 'weakAlias'] as const) {
    for (const name of EntityFactory.values(entity, property)) names.add(name);
  }
  return names;
}

const YENTE_BIRTH_DATE = /^\d{4}(?:-\d{2}-\d{2})?$/u;

interface YenteStats {
  n: number;
  candidateHits: number;
  hits: number;
  top1: number;
  baselineHits: number;
}

function yenteRates(s: YenteStats) {
  return {
    n: s.n,
    candidate_recall: ratio(s.candidateHits, s.n),
    recall: ratio(s.hits, s.n),
    recall_at_1: ratio(s.top1, s.n),
    baseline_recall: ratio(s.baselineHits, s.n),
  };
}

/**
 * yente's `positives_un_{untreated,treated}.csv` screened against the UN list alone. A row's
 * expected entity is the one UN entity with a name equal to the untreated `full_name` under
 * `yenteNameKey`; rows with none or several are counted and left out of the rates. Queries are
 * Persons with the full name and, when it is `YYYY` or `YYYY-MM-DD`, the untreated birth date;
 * `treated_own_birth_date` repeats the treated queries with the treated file's own (also
 * perturbed) birth date under the same rule.
 */
async function evaluateYenteUn(algorithm: Algorithm, threshold: number) {
  const dir = join(SHARED, 'lists', 'pairs', 'yente_candidate_generation');
  const untreated = readCsv(join(dir, 'positives_un_untreated.csv'));
  const treated = readCsv(join(dir, 'positives_un_treated.csv'));
  if (untreated.length !== treated.length) {
    throw new Error(
      `yente UN positives: ${untreated.length} untreated vs ${treated.length} treated`,
    );
  }
  const t0 = performance.now();
  const entities = await loadEntities(join(SHARED, 'lists', 'un', '2026-02-27.xml'), 'un');
  const index = MatchIndex.build(entities);
  const baselineIndex = buildBaselineIndex(entities);
  const byKey = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const name of allNames(entity)) {
      const key = yenteNameKey(name);
      if (key === '') continue;
      const ids = byKey.get(key) ?? new Set<string>();
      ids.add(entity.id);
      byKey.set(key, ids);
    }
  }

  const variants = {
    untreated: { n: 0, candidateHits: 0, hits: 0, top1: 0, baselineHits: 0 },
    treated: { n: 0, candidateHits: 0, hits: 0, top1: 0, baselineHits: 0 },
    treated_own_birth_date: { n: 0, candidateHits: 0, hits: 0, top1: 0, baselineHits: 0 },
  } satisfies Record<string, YenteStats>;
  let noExpected = 0;
  let ambiguous = 0;
  const misses: string[] = [];
  const birthDate = (value: string | undefined) =>
    value !== undefined && YENTE_BIRTH_DATE.test(value) ? { birthDate: value } : {};
  untreated.forEach((row, i) => {
    const ids = byKey.get(yenteNameKey(row.full_name ?? '')) ?? new Set<string>();
    if (ids.size !== 1) {
      if (ids.size === 0) noExpected++;
      else ambiguous++;
      return;
    }
    const expected = [...ids][0]!;
    const other = treated[i]!;
    const runs: [keyof typeof variants, string, string | undefined][] = [
      ['untreated', row.full_name ?? '', row.date_of_birth],
      ['treated', other.full_name ?? '', row.date_of_birth],
      ['treated_own_birth_date', other.full_name ?? '', other.date_of_birth],
    ];
    for (const [variant, name, dob] of runs) {
      const query: ScreeningQuery = {
        id: `yente-un-${i + 1}`,
        schema: 'Person',
        name,
        ...birthDate(dob),
      };
      const s = variants[variant];
      s.n++;
      const prepared = prepareEntity(queryEntity(query), true);
      const candidates = index.candidates(prepared, { limit: CANDIDATES });
      if (candidates.some(({ record }) => record.id === expected)) s.candidateHits++;
      const { matches } = screenQuery(index, query, {
        algorithm,
        threshold,
        candidates: CANDIDATES,
      });
      if (matches.some((m) => m.match && m.entity_id === expected)) s.hits++;
      else if (variant !== 'treated_own_birth_date') {
        const top = matches[0];
        misses.push(
          `[${variant}] '${name}' ${dob ?? ''} → expected ${expected}; top ${top?.entity_id ?? '-'} ${top?.score.toFixed(3) ?? ''} '${top?.name ?? ''}'`,
        );
      }
      // As in (a): the expected entity is the best-scored result, flagged or not.
      if (matches[0]?.entity_id === expected) s.top1++;
      if ((baselineIndex.get(baselineKey(name)) ?? []).includes(expected)) s.baselineHits++;
    }
  });
  const t1 = performance.now();
  return {
    rows: untreated.length,
    no_expected_entity: noExpected + ambiguous,
    no_expected_entity_none: noExpected,
    no_expected_entity_ambiguous: ambiguous,
    entities: entities.length,
    untreated: yenteRates(variants.untreated),
    treated: yenteRates(variants.treated),
    treated_own_birth_date: yenteRates(variants.treated_own_birth_date),
    threshold,
    seconds: round((t1 - t0) / 1000, 1),
    misses,
  };
}

// ---------------------------------------------------------------------------------------------
// (e) Arabic `Abd` names written in another of their usual forms, against UN + OFAC

/**
 * The divine names that follow `Abd`, as this test recognises them. A fixed list written for the
 * test, not the matcher's own table (`src/matching/names/theophoric.ts`): the queries must not be
 * derived from the code under test. God's own name (`lah`, `llah`, `allah`) is apart.
 */
const ABD_DIVINE_NAMES = [
  'rahman',
  'rahim',
  'aziz',
  'karim',
  'qadir',
  'kadir',
  'kader',
  'latif',
  'malik',
  'hamid',
  'majid',
  'wahid',
  'ghani',
  'razzaq',
  'bari',
  'baqi',
  'basir',
  'hakim',
  'halim',
  'jabbar',
  'jalil',
  'khaliq',
  'nasir',
  'rashid',
  'rauf',
  'salam',
  'samad',
  'sattar',
  'shakur',
  'wahab',
  'hadi',
  'hafiz',
  'haq',
  'jamil',
  'ghafur',
  'alim',
  'azim',
  'fattah',
  'wakil',
  'kabir',
] as const;
const ABD_GOD = /^(?:allah|llah|lah)$/iu;
const ABD_DIVINE = `(?:${ABD_DIVINE_NAMES.join('|')}|allah|llah|lah)`;
const ABD_SERVANT = '(?:abdul|abdel|abdal|abdur|abdus|abd)';
/** Word boundaries of any script: `Abdulrahman` in `Abdulrahmanov` is not an `Abd` name. */
const ABD_BEFORE = '(?<![\\p{L}\\p{N}])';
const ABD_AFTER = '(?![\\p{L}\\p{N}])';
/** One word: `Abdulrahman`, `ABDULLAH`, `Abdelkader`, `Abdurrahman`, `Abdallah`. */
const ABD_JOINED = new RegExp(`${ABD_BEFORE}${ABD_SERVANT}(${ABD_DIVINE})${ABD_AFTER}`, 'giu');
/**
 * Two or three words: `Abdul Rahman`, `Abdel Hamid`, `ABD AL-GHAFUR`, `Abd-al-Latif`,
 * `Abdur Rahman`, `Abdus Salam`, `Abd Allah`; the article (`al`, `el`, `ar`, `as` ...) optional.
 */
const ABD_SPLIT = new RegExp(
  `${ABD_BEFORE}${ABD_SERVANT}[\\s\\-\u2010]+(?:[aeu](?:l|r|s|sh)[\\s\\-\u2010]+)?(${ABD_DIVINE})${ABD_AFTER}`,
  'giu',
);

/** `written` in the case of `like`: upper case when `like` is all upper case. */
function abdCase(written: string, like: string): string {
  return like === like.toUpperCase() && like !== like.toLowerCase()
    ? written.toUpperCase()
    : written;
}

/**
 * The name with its `Abd` names written in another usual form, and which way: every one-word
 * form as three words (`Abdulrahman` → `Abd al-Rahman`, `Abdullah` → `Abd Allah`); failing any,
 * every two- or three-word form as one word (`Abdul Rahman` → `Abdulrahman`, `Abd Allah` →
 * `Abdullah`). Null when the name has no `Abd` name or the rewrite leaves it as it was.
 */
export function rewriteAbdName(
  name: string,
): { readonly name: string; readonly direction: 'joined_to_split' | 'split_to_joined' } | null {
  let direction: 'joined_to_split' | 'split_to_joined';
  let rewritten: string;
  if (name.search(ABD_JOINED) >= 0) {
    direction = 'joined_to_split';
    rewritten = name.replace(ABD_JOINED, (word: string, divine: string) => {
      const lower = divine.toLowerCase();
      const three = ABD_GOD.test(lower)
        ? 'Abd Allah'
        : `Abd al-${lower[0]!.toUpperCase()}${lower.slice(1)}`;
      return abdCase(three, word);
    });
  } else if (name.search(ABD_SPLIT) >= 0) {
    direction = 'split_to_joined';
    rewritten = name.replace(ABD_SPLIT, (words: string, divine: string) => {
      const lower = divine.toLowerCase();
      return abdCase(ABD_GOD.test(lower) ? 'Abdullah' : `Abdul${lower}`, words);
    });
  } else return null;
  return rewritten === name ? null : { name: rewritten, direction };
}

interface AbdStats {
  n: number;
  hits: number;
  top1: number;
  /** Not first, but the same (rounded) score as the first: mostly the same person on the other list. */
  tiedFirst: number;
  baselineHits: number;
}

function abdRates(s: AbdStats) {
  return {
    n: s.n,
    recall: ratio(s.hits, s.n),
    recall_at_1: ratio(s.top1, s.n),
    not_first_but_tied: s.tiedFirst,
    baseline_recall: ratio(s.baselineHits, s.n),
  };
}

/**
 * Every name and alias of every Person of the UN and OFAC SDN lists that holds an `Abd` name,
 * rewritten by `rewriteAbdName` into another of its usual forms, screened (name only) against
 * one index over both lists. The expected entity is the one the name came from. Written to test
 * the `Abd` rule of `theophoric.ts`: in-sample for that rule.
 */
async function evaluateAbdNameForms(algorithm: Algorithm, threshold: number) {
  const t0 = performance.now();
  const lists = [
    { dataset: 'un', path: join(SHARED, 'lists', 'un', '2026-02-27.xml') },
    { dataset: 'ofac', path: join(SHARED, 'lists', 'ofac', 'sdn', '2023-12-28') },
  ];
  const entities: Entity[] = [];
  const byDataset: Record<string, number> = {};
  for (const { dataset, path } of lists) {
    const read = await loadEntities(path, dataset);
    byDataset[dataset] = read.length;
    entities.push(...read);
  }
  const index = MatchIndex.build(entities);
  const baselineIndex = buildBaselineIndex(entities);

  const stats = {
    all: { n: 0, hits: 0, top1: 0, tiedFirst: 0, baselineHits: 0 },
    joined_to_split: { n: 0, hits: 0, top1: 0, tiedFirst: 0, baselineHits: 0 },
    split_to_joined: { n: 0, hits: 0, top1: 0, tiedFirst: 0, baselineHits: 0 },
  } satisfies Record<string, AbdStats>;
  const misses: string[] = [];
  let persons = 0;
  for (const entity of entities) {
    if (entity.schema !== 'Person') continue;
    persons++;
    // A value both a name and an alias is one query.
    const names = new Set([
      ...EntityFactory.values(entity, 'name'),
      ...EntityFactory.values(entity, 'alias'),
    ]);
    for (const original of names) {
      const rewrite = rewriteAbdName(original);
      if (rewrite === null) continue;
      const query: ScreeningQuery = {
        id: `abd-${stats.all.n + 1}`,
        schema: 'Person',
        name: rewrite.name,
      };
      const { matches } = screenQuery(index, query, {
        algorithm,
        threshold,
        candidates: CANDIDATES,
      });
      const hit = matches.some((m) => m.match && m.entity_id === entity.id);
      // As in (a) and (d): the expected entity is the best-scored result, flagged or not.
      const top1 = matches[0]?.entity_id === entity.id;
      const tiedFirst =
        !top1 && matches.some((m) => m.entity_id === entity.id && m.score === matches[0]?.score);
      const baselineHit = (baselineIndex.get(baselineKey(rewrite.name)) ?? []).includes(entity.id);
      for (const s of [stats.all, stats[rewrite.direction]]) {
        s.n++;
        if (hit) s.hits++;
        if (top1) s.top1++;
        if (tiedFirst) s.tiedFirst++;
        if (baselineHit) s.baselineHits++;
      }
      if (!hit) {
        const top = matches[0];
        misses.push(
          `[${rewrite.direction}] '${rewrite.name}' (listed '${original}') → expected ${entity.id}; top ${top?.entity_id ?? '-'} ${top?.score.toFixed(3) ?? ''} '${top?.name ?? ''}'`,
        );
      }
    }
  }
  const t1 = performance.now();
  return {
    entities: byDataset,
    persons,
    threshold,
    all: abdRates(stats.all),
    joined_to_split: abdRates(stats.joined_to_split),
    split_to_joined: abdRates(stats.split_to_joined),
    seconds: round((t1 - t0) / 1000, 1),
    misses,
  };
}

// ---------------------------------------------------------------------------------------------
// Calibration fit

/** Two-parameter logistic regression by Newton's method, each sample weighted. */
function fitLogistic(samples: readonly { x: number; y: number; w: number }[]) {
  let a = 10;
  let b = -7;
  for (let iteration = 0; iteration < 100; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-6;
    let hab = 0;
    let hbb = 1e-6;
    for (const { x, y, w } of samples) {
      const p = 1 / (1 + Math.exp(-(a * x + b)));
      const r = (p - y) * w;
      ga += r * x;
      gb += r;
      const v = p * (1 - p) * w;
      haa += v * x * x;
      hab += v * x;
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { slope: round(a, 6), intercept: round(b, 6) };
}

// ---------------------------------------------------------------------------------------------

function printTable(title: string, rows: Record<string, Record<string, number>>): void {
  console.log(`\n${title}`);
  for (const [name, values] of Object.entries(rows)) {
    const cells = Object.entries(values).map(([k, v]) => `${k}=${v}`);
    console.log(`  ${name.padEnd(28)} ${cells.join('  ')}`);
  }
}

async function main(): Promise<void> {
  const fit = process.argv.includes('--fit');
  const verbose = process.argv.includes('--verbose');
  let algorithm: Algorithm = sargasV1;
  let threshold = algorithm.calibration.threshold;

  let dev = await evaluateDev(algorithm, threshold);
  let bench = evaluateNameBench(algorithm, threshold);

  if (fit) {
    // Both sets weigh the same in the fit: the dev set has ten times more pairs.
    const devWeight = 1 / Math.max(1, dev.pairs.length);
    const benchWeight = 1 / Math.max(1, bench.pairs.length);
    const samples = [
      ...dev.pairs.map((p) => ({ x: p.raw, y: p.label ? 1 : 0, w: devWeight })),
      ...bench.pairs.map((p) => ({ x: p.raw, y: p.label ? 1 : 0, w: benchWeight })),
    ];
    const { slope, intercept } = fitLogistic(samples);
    // Threshold: rescore with the new calibration, then take the sweep row with the best dev
    // recall + name_bench F1 among those with dev fpr <= 0.01 (the operating point).
    const fitted: Calibration = { ...algorithm.calibration, slope, intercept, threshold: 0.5 };
    algorithm = { ...algorithm, calibration: fitted };
    dev = await evaluateDev(algorithm, 0.5);
    bench = evaluateNameBench(algorithm, 0.5);
    const thresholdArg = argValue('--threshold');
    threshold = thresholdArg === undefined ? 0.5 : Number(thresholdArg);
    if (thresholdArg === undefined) {
      let best = -1;
      for (const [label, row] of Object.entries(sweep(dev, bench.scores))) {
        if ((row.dev_fpr ?? 1) > 0.01) continue;
        const value = (row.dev_recall ?? 0) + (row.name_bench_f1 ?? 0);
        if (value > best) {
          best = value;
          threshold = Number(label.replace('threshold ', ''));
        }
      }
    }
    const calibration: Calibration = {
      slope,
      intercept,
      threshold,
      command: 'npm run build && node dist/bench/eval.js --fit',
      fittedOn: `logistic fit on the eval dev set (${dev.pairs.length} candidate pairs: top 10 per query) + name_bench cases.csv (${bench.pairs.length} pairs), equal total weight; threshold: best dev recall + name_bench F1 with dev fpr <= 0.01`,
    };
    writeFileSync(
      join(ROOT, 'src', 'matching', 'algorithms', 'sargas-v1.calibration.json'),
      `${JSON.stringify(calibration, null, 2)}\n`,
    );
    console.log(`fitted calibration: ${JSON.stringify(calibration)}`);
    algorithm = { ...algorithm, calibration };
    dev = await evaluateDev(algorithm, threshold);
    bench = evaluateNameBench(algorithm, threshold);
  }

  console.log('\n== (a) dev set: eval/queries.csv against eval/eu-reduced.xml ==');
  printTable('overall', { sargas_v1: dev.overall });
  printTable('per kind', dev.byKind);
  console.log(`  timings: ${JSON.stringify(dev.timings)}`);
  console.log(`  baseline (exact folded sorted tokens): ${JSON.stringify(dev.baseline)}`);
  if (verbose) {
    console.log('\nmisses:');
    for (const line of dev.misses) console.log(`  ${line}`);
    console.log('\nfalse positives:');
    for (const line of dev.falsePositives) console.log(`  ${line}`);
  }

  console.log('\n== (b) name_bench cases.csv ==');
  printTable('precision / recall / F1 at the default threshold', {
    sargas_v1_all_rows: bench.ours,
    sargas_v1_on_logic_v2_rows: bench.ours_on_logic_v2_rows,
    logic_v2_frozen_current_labels: bench.logic_v2_frozen,
    baseline: bench.baseline,
  });
  printTable('sargas_v1 per case group', bench.by_group);
  const tradeOff = sweep(dev, bench.scores);
  printTable('trade-off at other thresholds (same scores)', tradeOff);
  if (verbose) {
    console.log('\nname_bench errors:');
    for (const line of bench.errors) console.log(`  ${line}`);
  }

  const crossScript = evaluateCrossScript(algorithm, threshold);
  console.log("\n== (b2) watchman's cross_script_pairs.csv (all positives) ==");
  printTable('recall at the default threshold', {
    sargas_v1: { n: crossScript.n, matched: crossScript.matched, recall: crossScript.recall },
  });
  printTable('per script of the query', crossScript.byScript);
  if (verbose) {
    console.log('\ncross-script misses:');
    for (const line of crossScript.misses) console.log(`  ${line}`);
  }

  const yente = await evaluateYenteUn(algorithm, threshold);
  console.log(
    "\n== (d) yente's candidate_generation positives_un_{untreated,treated}.csv against un/2026-02-27.xml ==",
  );
  console.log(
    `  ${yente.rows} rows, ${yente.no_expected_entity} without one expected entity (${yente.no_expected_entity_none} no UN name equal to the untreated full_name, ${yente.no_expected_entity_ambiguous} several), left out; ${yente.entities} UN entities`,
  );
  printTable('candidate recall, recall, recall@1, naive baseline recall (default threshold)', {
    untreated: yente.untreated,
    treated: yente.treated,
    treated_own_birth_date: yente.treated_own_birth_date,
  });
  if (verbose) {
    console.log('\nyente UN misses:');
    for (const line of yente.misses) console.log(`  ${line}`);
  }

  const abd = await evaluateAbdNameForms(algorithm, threshold);
  console.log(
    '\n== (e) Arabic Abd names in another usual form (one word <-> two/three words), UN + OFAC SDN persons; written to test the Abd rule (theophoric.ts): in-sample for that rule ==',
  );
  console.log(
    `  ${abd.all.n} queries from the names and aliases of ${abd.persons} persons (name only, expected: the entity the name came from); ${abd.entities.un ?? 0} UN + ${abd.entities.ofac ?? 0} OFAC entities in one index`,
  );
  printTable(
    'recall, recall@1, not first but tied with the first (count), naive baseline recall (default threshold)',
    {
      all: abd.all,
      joined_to_split: abd.joined_to_split,
      split_to_joined: abd.split_to_joined,
    },
  );
  if (verbose) {
    console.log(`\nAbd name-form misses (${abd.misses.length}, at most 10 shown):`);
    for (const line of abd.misses.slice(0, 10)) console.log(`  ${line}`);
  }

  const results = {
    algorithm: algorithm.name,
    calibration: algorithm.calibration,
    candidates_per_query: CANDIDATES,
    dev: {
      overall: dev.overall,
      by_kind: dev.byKind,
      baseline: dev.baseline,
      timings: dev.timings,
    },
    name_bench: {
      sargas_v1: bench.ours,
      sargas_v1_on_logic_v2_rows: bench.ours_on_logic_v2_rows,
      logic_v2_frozen: bench.logic_v2_frozen,
      baseline: bench.baseline,
      by_group: bench.by_group,
    },
    cross_script_pairs: {
      n: crossScript.n,
      matched: crossScript.matched,
      recall: crossScript.recall,
      by_script: crossScript.byScript,
    },
    threshold_sweep: tradeOff,
    yente_un_typos: {
      rows: yente.rows,
      no_expected_entity: yente.no_expected_entity,
      no_expected_entity_none: yente.no_expected_entity_none,
      no_expected_entity_ambiguous: yente.no_expected_entity_ambiguous,
      un_entities: yente.entities,
      threshold: yente.threshold,
      untreated: yente.untreated,
      treated: yente.treated,
      treated_own_birth_date: yente.treated_own_birth_date,
    },
    abd_name_forms: {
      note: 'written to test the Abd rule (src/matching/names/theophoric.ts): in-sample for that rule',
      entities: abd.entities,
      persons: abd.persons,
      threshold: abd.threshold,
      ...abd.all,
      joined_to_split: abd.joined_to_split,
      split_to_joined: abd.split_to_joined,
    },
  };
  const outDir = join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'eval.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults written to bench/results/eval.json`);
  console.log(`recall=${dev.overall.recall!.toFixed(4)} fpr=${dev.overall.fpr!.toFixed(4)}`);
}

await main();
