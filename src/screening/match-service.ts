/**
 * Query-by-example screening over the store's current list versions, as the HTTP API serves it:
 * one in-memory `MatchIndex` per list plus one over all of them (`default`), candidate windows,
 * dataset filters and scoring. Pure apart from reading the `ListStore` port once at load time; the
 * API maps requests to these calls and results to its own response shapes.
 */
import type { ListStore, ListVersion } from '../lists/ports.js';
import { sargasV1 } from '../matching/algorithms/sargas-v1.js';
import { MatchIndex } from '../matching/index/match-index.js';
import { prepareEntity } from '../matching/prepare.js';
import { type CandidateScore, type Explanation, QueryScorer, round } from '../matching/score.js';
import type { Algorithm, PreparedRecord } from '../matching/types.js';
import { Entity } from '../model/entity.js';
import {
  isPropertyName,
  isSchemaName,
  type PropertyName,
  type SchemaName,
} from '../model/schemata.js';
import { ValidationError } from '../shared/errors.js';

/** The dataset that holds every list, as in yente. */
export const DEFAULT_DATASET = 'default';

/**
 * FtM schemata that clients of yente send and Sargas models under another name. `Company` and
 * `PublicBody` are organisations to the matcher; `Thing` is as open as `LegalEntity`.
 */
const SCHEMA_ALIASES: Readonly<Record<string, SchemaName>> = {
  Company: 'Organization',
  PublicBody: 'Organization',
  Thing: 'LegalEntity',
};

/**
 * Algorithm names yente clients pass. Sargas has one algorithm; the yente names are accepted so
 * that existing clients work unchanged, and every result says which algorithm scored it.
 */
const ALGORITHM_NAMES: ReadonlySet<string> = new Set([
  sargasV1.name,
  'best',
  'default',
  'logic-v1',
  'logic-v2',
  'name-based',
  'name-qualified',
  'regression-v1',
  'regression-v2',
]);

const NAME_PARTS: readonly PropertyName[] = [
  'firstName',
  'secondName',
  'middleName',
  'fatherName',
  'lastName',
];

/** A query as yente takes it: a schema and FtM properties (a value or a list of values). */
export interface MatchExample {
  readonly id?: string;
  readonly schema: string;
  readonly properties: Readonly<Record<string, string | readonly string[]>>;
}

export interface MatchOptions {
  /** Score at or above which a result is a `match` (default: the algorithm's calibrated one). */
  readonly threshold?: number;
  /** Results scoring at or below this are not returned at all (default 0). */
  readonly cutoff?: number;
  /** Results returned, best first (default 5). */
  readonly limit?: number;
  readonly algorithm?: string;
  readonly weights?: Readonly<Record<string, number>>;
  readonly config?: Readonly<Record<string, number>>;
  readonly excludeEntityIds?: readonly string[];
  readonly includeDatasets?: readonly string[];
  readonly excludeDatasets?: readonly string[];
}

export interface FeatureExplanation {
  readonly score: number;
  readonly detail?: string;
  readonly query?: string;
  readonly candidate?: string;
}

export interface ScoredEntity {
  readonly entity: Entity;
  readonly score: number;
  readonly match: boolean;
  /** Feature name → the feature's own score (0..1), as yente's `features`. */
  readonly features: Readonly<Record<string, number>>;
  /** Feature name → score and why, as newer yente's `explanations`. */
  readonly explanations: Readonly<Record<string, FeatureExplanation>>;
  readonly explanation: Explanation;
}

export interface MatchOutcome {
  /** The query as it was understood (schema mapped, values cleaned, name parts joined). */
  readonly query: Entity;
  readonly results: readonly ScoredEntity[];
  /** How many candidates scored at or above the threshold (yente's `total.value`). */
  readonly matches: number;
}

export interface SearchOptions {
  readonly limit?: number;
  readonly offset?: number;
  readonly schema?: string;
}

export interface SearchOutcome {
  readonly results: readonly Entity[];
  readonly total: number;
}

/** What the index holds for one dataset. */
export interface IndexedDataset {
  readonly name: string;
  /** The lists it covers (itself for a list, every list for `default`). */
  readonly sources: readonly string[];
  readonly entityCount: number;
  /** The list versions it was built from (one per list). */
  readonly versions: readonly ListVersion[];
}

export const DEFAULT_MATCH_LIMIT = 5;
export const MAX_MATCH_LIMIT = 500;
/**
 * Candidates scored per query: `limit × WINDOW_FACTOR`, clamped, as yente sizes its candidate
 * window (`limit × MATCH_CANDIDATES`). Scoring costs about 0.2 ms a candidate, so this window is
 * what keeps a one-query `/match` within its latency budget.
 */
const WINDOW_FACTOR = 10;
const MIN_WINDOW = 50;
const MAX_WINDOW = 500;

/** Maps an FtM schema name to Sargas's, or throws a `ValidationError` on field `schema`. */
export function exampleSchema(schema: string): SchemaName {
  const mapped = SCHEMA_ALIASES[schema] ?? schema;
  if (!isSchemaName(mapped)) {
    throw new ValidationError(`unknown schema '${schema}'`, 'schema');
  }
  return mapped;
}

/**
 * A query example as an entity, prepared exactly as list entities are. Name parts are joined into
 * a `name` when the example gives none (yente's quickstart sends `firstName` and `lastName`): the
 * matcher only matches full names, never a first name alone. Field paths in errors are relative to
 * the example (`properties.foo`).
 */
export function exampleEntity(example: MatchExample): Entity {
  const schema = exampleSchema(example.schema);
  const properties: Partial<Record<PropertyName, string[]>> = {};
  for (const [key, raw] of Object.entries(example.properties)) {
    if (!isPropertyName(key)) {
      throw new ValidationError(`unknown property '${key}' for ${schema}`, `properties.${key}`);
    }
    properties[key] = typeof raw === 'string' ? [raw] : [...raw];
  }
  if ((properties.name ?? []).every((value) => value.trim() === '')) {
    const joined = NAME_PARTS.flatMap((part) => properties[part]?.[0] ?? [])
      .join(' ')
      .trim();
    if (joined !== '') properties.name = [joined];
  }
  return Entity.create({
    id: example.id ?? 'query',
    schema,
    properties,
    datasets: ['query'],
    source: { file: 'query' },
  });
}

function resolveAlgorithm(name: string | undefined): Algorithm {
  if (name === undefined || ALGORITHM_NAMES.has(name)) return sargasV1;
  throw new ValidationError(`Invalid algorithm: ${name}`, 'algorithm');
}

function describeExplanation(explanation: Explanation) {
  const features: Record<string, number> = {};
  const explanations: Record<string, FeatureExplanation> = {};
  for (const feature of explanation.features) {
    features[feature.name] = feature.score;
    explanations[feature.name] = {
      score: feature.score,
      ...(feature.detail === undefined ? {} : { detail: feature.detail }),
      ...(feature.query === undefined ? {} : { query: feature.query }),
      ...(feature.candidate === undefined ? {} : { candidate: feature.candidate }),
    };
  }
  return { features, explanations };
}

interface IndexEntry {
  readonly info: IndexedDataset;
  readonly index: MatchIndex;
}

/** The in-memory screening index over a set of list versions. Immutable once built. */
export class MatchService {
  private readonly indexes = new Map<string, IndexEntry>();
  private readonly entities = new Map<string, Entity>();

  private constructor(
    versions: readonly ListVersion[],
    recordsBySource: ReadonlyMap<string, readonly PreparedRecord[]>,
  ) {
    const sources = [...recordsBySource.keys()].sort();
    const all: PreparedRecord[] = [];
    for (const source of sources) {
      const records = recordsBySource.get(source) ?? [];
      for (const record of records) {
        all.push(record);
        this.entities.set(record.id, record.entity);
      }
      // The prepared records are shared: only the posting lists exist twice (per list, default).
      this.indexes.set(source, {
        info: {
          name: source,
          sources: [source],
          entityCount: records.length,
          versions: versions.filter((version) => version.source === source),
        },
        index: MatchIndex.fromRecords(records),
      });
    }
    this.indexes.set(DEFAULT_DATASET, {
      info: { name: DEFAULT_DATASET, sources, entityCount: all.length, versions },
      index: MatchIndex.fromRecords(all),
    });
  }

  /** Builds the index from every list's current version in the store. */
  static async load(
    store: Pick<ListStore, 'listVersions' | 'versionEntities'>,
  ): Promise<MatchService> {
    const current = (await store.listVersions()).filter((version) => version.current);
    const records = new Map<string, PreparedRecord[]>();
    for (const version of current) {
      const prepared: PreparedRecord[] = [];
      for await (const entity of store.versionEntities(version.id)) {
        prepared.push(prepareEntity(entity));
      }
      records.set(version.source, prepared);
    }
    return new MatchService(current, records);
  }

  /** Builds the index from entities in memory (tests, benchmarks): one list per `datasets[0]`. */
  static fromEntities(
    entities: Iterable<Entity>,
    versions: readonly ListVersion[] = [],
  ): MatchService {
    const records = new Map<string, PreparedRecord[]>();
    for (const entity of entities) {
      const source = entity.datasets[0] ?? 'unknown';
      let list = records.get(source);
      if (list === undefined) {
        list = [];
        records.set(source, list);
      }
      list.push(prepareEntity(entity));
    }
    return new MatchService(versions, records);
  }

  /** Every dataset: `default` first, then the lists by name. */
  datasets(): IndexedDataset[] {
    const out = [...this.indexes.values()].map((entry) => entry.info);
    return out.sort((a, b) =>
      a.name === DEFAULT_DATASET
        ? -1
        : b.name === DEFAULT_DATASET
          ? 1
          : a.name.localeCompare(b.name),
    );
  }

  hasDataset(name: string): boolean {
    return this.indexes.has(name);
  }

  entity(id: string): Entity | null {
    return this.entities.get(id) ?? null;
  }

  /**
   * Checks the request-wide options once, before any query runs, so that a batch fails as a whole
   * on a bad algorithm or weight instead of query by query.
   */
  checkOptions(options: MatchOptions): void {
    const algorithm = resolveAlgorithm(options.algorithm);
    const empty = prepareEntity(exampleEntity({ schema: 'Person', properties: {} }), true);
    new QueryScorer(empty, algorithm, {
      ...(options.weights === undefined ? {} : { weights: options.weights }),
      ...(options.config === undefined ? {} : { config: options.config }),
    });
  }

  /** Screens one example against a dataset (which must exist: see `hasDataset`). */
  match(dataset: string, example: Entity, options: MatchOptions = {}): MatchOutcome {
    const algorithm = resolveAlgorithm(options.algorithm);
    const limit = Math.min(options.limit ?? DEFAULT_MATCH_LIMIT, MAX_MATCH_LIMIT);
    const cutoff = options.cutoff ?? 0;
    const prepared = prepareEntity(example, true);
    const scorer = new QueryScorer(prepared, algorithm, {
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      ...(options.weights === undefined ? {} : { weights: options.weights }),
      ...(options.config === undefined ? {} : { config: options.config }),
    });
    const { index, allowed } = this.pick(dataset, options);
    if (allowed !== null && allowed.size === 0) return { query: example, results: [], matches: 0 };
    const excluded = new Set(options.excludeEntityIds ?? []);
    // The index puts entities sharing an identifier first, then ranks by shared name keys only;
    // scoring a window wider than `limit` lets dates and countries reorder the top. Filters widen
    // it further, since they drop candidates.
    const filtered = allowed !== null || excluded.size > 0;
    const window = Math.min(
      MAX_WINDOW,
      Math.max(MIN_WINDOW, limit * WINDOW_FACTOR) * (filtered ? 2 : 1),
    );
    const scored: CandidateScore[] = [];
    let matches = 0;
    // A filter may drop the candidate with the most key weight, so the cut relative to it
    // (`MIN_KEY_SHARE`) would be taken against an entity that is never returned.
    const candidates = index.candidates(prepared, {
      limit: window,
      ...(filtered ? { minKeyShare: 0 } : {}),
    });
    for (const { record } of candidates) {
      if (excluded.has(record.id)) continue;
      if (allowed !== null && !record.entity.datasets.some((name) => allowed.has(name))) continue;
      const result = scorer.score(record);
      if (result.score <= cutoff || result.score <= 0) continue;
      if (result.match) matches += 1;
      scored.push(result);
    }
    scored.sort((a, b) => b.score - a.score || b.raw - a.raw);
    const results = scored.slice(0, limit).map((result): ScoredEntity => {
      const explanation = scorer.explain(result);
      return {
        entity: result.candidate.entity,
        score: round(result.score),
        match: result.match,
        ...describeExplanation(explanation),
        explanation,
      };
    });
    return { query: example, results, matches };
  }

  /**
   * Name search for interactive use, through the same index and scorer. An empty text lists the
   * dataset's entities in id order.
   */
  search(dataset: string, text: string, options: SearchOptions = {}): SearchOutcome {
    const limit = options.limit ?? 10;
    const offset = options.offset ?? 0;
    const entry = this.indexes.get(dataset);
    if (entry === undefined) return { results: [], total: 0 };
    const schema = options.schema === undefined ? 'LegalEntity' : exampleSchema(options.schema);
    if (text.trim() === '') {
      const records = entry.index.records.filter((record) =>
        schema === 'LegalEntity' ? true : record.schema === schema,
      );
      const page = records
        .map((record) => record.entity)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(offset, offset + limit);
      return { results: page, total: records.length };
    }
    const query = prepareEntity(
      Entity.create({
        id: 'search',
        schema,
        properties: { name: [text] },
        datasets: ['query'],
        source: { file: 'query' },
      }),
      true,
    );
    const scorer = new QueryScorer(query, sargasV1);
    const window = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, offset + limit));
    const scored: CandidateScore[] = [];
    // Search lists what shares the text's name keys, page after page: no cut relative to the
    // best candidate, which screening uses to skip what cannot match.
    for (const { record } of entry.index.candidates(query, { limit: window, minKeyShare: 0 })) {
      const result = scorer.score(record);
      if (result.score > 0) scored.push(result);
    }
    scored.sort((a, b) => b.score - a.score || b.raw - a.raw);
    return {
      results: scored.slice(offset, offset + limit).map((result) => result.candidate.entity),
      total: scored.length,
    };
  }

  /**
   * The index to query and, when the dataset filters cut across it, the lists a result must come
   * from (null: no filter). A filter down to one list uses that list's own index.
   */
  private pick(
    dataset: string,
    options: MatchOptions,
  ): { index: MatchIndex; allowed: ReadonlySet<string> | null } {
    const entry = this.indexes.get(dataset);
    if (entry === undefined) throw new ValidationError(`no such dataset '${dataset}'`, 'dataset');
    const include = options.includeDatasets ?? [];
    const exclude = new Set(options.excludeDatasets ?? []);
    const sources = entry.info.sources.filter(
      (source) => (include.length === 0 || include.includes(source)) && !exclude.has(source),
    );
    if (sources.length === entry.info.sources.length) return { index: entry.index, allowed: null };
    const single = sources.length === 1 ? this.indexes.get(sources[0]!) : undefined;
    if (single !== undefined) return { index: single.index, allowed: null };
    return { index: entry.index, allowed: new Set(sources) };
  }
}

/**
 * Holds the current `MatchService`: null while the first index is being built (the API answers
 * `/readyz` with 503 until then), swapped atomically when a rebuilt one is ready.
 */
export class MatchServiceHolder {
  private service: MatchService | null = null;
  /** A build or a check is running: `refresh` then does nothing (never two builds at once). */
  private busy = false;

  current(): MatchService | null {
    return this.service;
  }

  set(service: MatchService): void {
    this.service = service;
  }

  /** Builds a new index from the store and swaps it in; queries keep using the old one meanwhile. */
  async reload(store: Pick<ListStore, 'listVersions' | 'versionEntities'>): Promise<MatchService> {
    this.busy = true;
    try {
      const service = await MatchService.load(store);
      this.service = service;
      return service;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Rebuilds the index when the store's current version of some list is not the one the index was
   * built from (a version imported by another process, or a list added). Returns the new index,
   * or null when nothing changed, no index is built yet, or a build is already running. The old
   * index keeps answering until the new one is swapped in.
   */
  async refresh(
    store: Pick<ListStore, 'listVersions' | 'versionEntities'>,
  ): Promise<MatchService | null> {
    const service = this.service;
    if (service === null || this.busy) return null;
    this.busy = true;
    let outdated: boolean;
    try {
      const current = (await store.listVersions()).filter((version) => version.current);
      outdated = !sameVersions(indexedVersions(service), current);
    } finally {
      this.busy = false;
    }
    return outdated ? this.reload(store) : null;
  }
}

/** The list versions an index was built from (those of its `default` dataset). */
function indexedVersions(service: MatchService): readonly ListVersion[] {
  return service.datasets().find((dataset) => dataset.name === DEFAULT_DATASET)?.versions ?? [];
}

/** Whether two sets of current versions name the same version id for every list. */
function sameVersions(a: readonly ListVersion[], b: readonly ListVersion[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Map(a.map((version) => [version.source, version.id]));
  return b.every((version) => ids.get(version.source) === version.id);
}
