/**
 * TypeBox schemas of the yente-compatible routes: requests are validated against them and responses
 * serialised through them, so a field that is not declared here never leaves the server.
 */
import { type Static, Type } from '@sinclair/typebox';
import { DEFAULT_MATCH_LIMIT, MAX_MATCH_LIMIT } from '../../screening/match-service.js';

export const MAX_BATCH = 100;

export const ErrorResponse = Type.Object({
  detail: Type.String({ examples: ['queries.q1.schema: must be string'] }),
  field: Type.Optional(Type.String({ description: 'The request field that is wrong' })),
});

export const DatasetParams = Type.Object({
  dataset: Type.String({
    description: '`default` (every list), or one list: `eu`, `un`, `ofac`, `uk`, ...',
    examples: ['default'],
  }),
});

const PropertyValues = Type.Union([Type.String(), Type.Array(Type.String())]);

export const EntityExample = Type.Object({
  id: Type.Optional(Type.String({ examples: ['my-entity-id'] })),
  schema: Type.String({ examples: ['Person'] }),
  properties: Type.Record(Type.String(), PropertyValues, {
    examples: [{ name: ['John Doe'], birthDate: ['1975-04-21'], nationality: ['us'] }],
  }),
});
export type EntityExample = Static<typeof EntityExample>;

export const MatchBody = Type.Object({
  queries: Type.Record(Type.String(), EntityExample, {
    minProperties: 1,
    maxProperties: MAX_BATCH,
    description: `Up to ${MAX_BATCH} examples, each under a key chosen by the client`,
  }),
  weights: Type.Optional(
    Type.Record(Type.String(), Type.Number(), { description: 'Per-feature weight overrides' }),
  ),
  config: Type.Optional(
    Type.Record(Type.String(), Type.Number(), { description: 'Algorithm configuration values' }),
  ),
});
export type MatchBody = Static<typeof MatchBody>;

const StringList = Type.Array(Type.String(), { default: [] });

export const MatchQuerystring = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: MAX_MATCH_LIMIT, default: DEFAULT_MATCH_LIMIT }),
  threshold: Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: 1,
      description: "Score for a result to be a match (default: the algorithm's calibrated one)",
    }),
  ),
  cutoff: Type.Number({
    minimum: 0,
    maximum: 1,
    default: 0,
    description: 'Results scoring at or below this are not returned',
  }),
  algorithm: Type.Optional(
    Type.String({ description: '`sargas-v1`; yente names (`best`, `logic-v2`, ...) are accepted' }),
  ),
  exclude_entity_ids: Type.Array(Type.String(), { default: [], maxItems: 50 }),
  include_dataset: StringList,
  exclude_dataset: StringList,
});
export type MatchQuerystring = Static<typeof MatchQuerystring>;

const Properties = Type.Record(Type.String(), Type.Array(Type.String()));

/** An entity as yente returns it: FtM fields only (no source location, no parsed names). */
export const EntityResponse = Type.Object({
  id: Type.String({ examples: ['un:6908555'] }),
  caption: Type.String(),
  schema: Type.String(),
  properties: Properties,
  datasets: Type.Array(Type.String()),
  referents: Type.Array(Type.String()),
  target: Type.Boolean(),
});
export type EntityResponse = Static<typeof EntityResponse>;

const FeatureResult = Type.Object({
  score: Type.Number(),
  detail: Type.Optional(Type.String()),
  query: Type.Optional(Type.String()),
  candidate: Type.Optional(Type.String()),
});

export const Explanation = Type.Object({
  algorithm: Type.String(),
  raw_score: Type.Number(),
  threshold: Type.Number(),
  query_name: Type.Union([Type.String(), Type.Null()]),
  matched_name: Type.Union([Type.String(), Type.Null()]),
  name_tokens: Type.Array(
    Type.Object({
      query: Type.String(),
      candidate: Type.String(),
      similarity: Type.Number(),
      how: Type.String(),
    }),
  ),
  features: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: Type.String(),
      score: Type.Number(),
      weight: Type.Number(),
      contribution: Type.Number(),
      detail: Type.Optional(Type.String()),
      query: Type.Optional(Type.String()),
      candidate: Type.Optional(Type.String()),
    }),
  ),
});

export const ScoredEntityResponse = Type.Object({
  ...EntityResponse.properties,
  score: Type.Number(),
  match: Type.Boolean({ description: 'Whether the score is at or above the threshold' }),
  features: Type.Record(Type.String(), Type.Number(), {
    description: 'Feature name → the score of that feature (0..1)',
  }),
  explanations: Type.Record(Type.String(), FeatureResult, {
    description: 'Feature name → score and a readable reason (newer yente)',
  }),
  explanation: Explanation,
});
export type ScoredEntityResponse = Static<typeof ScoredEntityResponse>;

const TotalSpec = Type.Object({
  value: Type.Integer(),
  relation: Type.String({ examples: ['eq'] }),
});

export const MatchResponse = Type.Object({
  responses: Type.Record(
    Type.String(),
    Type.Object({
      status: Type.Integer({ examples: [200] }),
      results: Type.Array(ScoredEntityResponse),
      total: TotalSpec,
      query: Type.Object({
        id: Type.Optional(Type.String()),
        schema: Type.String(),
        properties: Properties,
      }),
    }),
  ),
  limit: Type.Integer(),
});
export type MatchResponse = Static<typeof MatchResponse>;

export const SearchQuerystring = Type.Object({
  q: Type.String({ default: '', maxLength: 1000 }),
  schema: Type.Optional(Type.String({ description: 'Person, Organization, LegalEntity, ...' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  offset: Type.Integer({ minimum: 0, maximum: 9500, default: 0 }),
});
export type SearchQuerystring = Static<typeof SearchQuerystring>;

export const SearchResponse = Type.Object({
  results: Type.Array(EntityResponse),
  total: TotalSpec,
  limit: Type.Integer(),
  offset: Type.Integer(),
  facets: Type.Record(Type.String(), Type.Unknown()),
});

export const EntityParams = Type.Object({
  id: Type.String({ description: 'An entity id, e.g. `un:6908555` or `eu:13`' }),
});

export const CatalogDataset = Type.Object({
  name: Type.String(),
  title: Type.String(),
  load: Type.Boolean(),
  version: Type.Union([Type.String(), Type.Null()]),
  children: Type.Array(Type.String()),
  entity_count: Type.Integer(),
  counts_by_schema: Type.Record(Type.String(), Type.Integer()),
  published_at: Type.Union([Type.String(), Type.Null()]),
  last_import: Type.Union([Type.String(), Type.Null()]),
  format: Type.Union([Type.String(), Type.Null()]),
  index_version: Type.Union([Type.String(), Type.Null()]),
  index_current: Type.Boolean(),
});

export const CatalogResponse = Type.Object({
  datasets: Type.Array(CatalogDataset),
  current: Type.Array(Type.String()),
  outdated: Type.Array(Type.String()),
  index_stale: Type.Boolean(),
});
export type CatalogResponse = Static<typeof CatalogResponse>;

export const StatusResponse = Type.Object({
  status: Type.String({ examples: ['ok'] }),
});
