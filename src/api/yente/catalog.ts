import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ListVersion } from '../../lists/ports.js';
import { DEFAULT_DATASET } from '../../screening/match-service.js';
import type { YenteRouteOptions } from './deps.js';
import { CatalogResponse, ErrorResponse } from './schemas.js';

const TITLES: Readonly<Record<string, string>> = {
  [DEFAULT_DATASET]: 'All lists',
  eu: 'EU Financial Sanctions Files (FSF)',
  un: 'UN Security Council Consolidated List',
  ofac: 'OFAC Specially Designated Nationals (SDN)',
  uk: 'UK OFSI Consolidated List',
};

type CatalogDataset = CatalogResponse['datasets'][number];

function versionName(version: ListVersion): string {
  return `${version.source}-${version.id}`;
}

function datasetOf(version: ListVersion, indexed: ListVersion | undefined): CatalogDataset {
  return {
    name: version.source,
    title: TITLES[version.source] ?? version.source,
    load: true,
    version: versionName(version),
    children: [],
    entity_count: version.entityCount,
    counts_by_schema: { ...version.countsBySchema } as Record<string, number>,
    published_at: version.publishedAt,
    last_import: version.importedAt,
    format: version.format,
    index_version: indexed === undefined ? null : versionName(indexed),
    index_current: indexed?.id === version.id,
  };
}

/**
 * `GET /catalog`: the lists, their current versions and counts, and whether the in-memory index
 * was built from those versions (after an import it is stale until rebuilt).
 */
export const catalogRoute: FastifyPluginAsyncTypebox<YenteRouteOptions> = async (app, options) => {
  app.get(
    '/catalog',
    {
      config: { scopes: ['search', 'match'] },
      schema: {
        summary: 'Datasets and their versions',
        tags: ['Data access'],
        response: { 200: CatalogResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async () => {
      const current = (await options.lists.listVersions()).filter((version) => version.current);
      const service = options.screening.current();
      const indexed = new Map<string, ListVersion>();
      for (const dataset of service?.datasets() ?? []) {
        if (dataset.name === DEFAULT_DATASET) continue;
        for (const version of dataset.versions) indexed.set(version.source, version);
      }
      const lists = current
        .map((version) => datasetOf(version, indexed.get(version.source)))
        .sort((a, b) => a.name.localeCompare(b.name));
      const outdated = lists.filter((list) => !list.index_current).map((list) => list.name);
      const all: CatalogDataset = {
        name: DEFAULT_DATASET,
        title: TITLES[DEFAULT_DATASET]!,
        load: true,
        version: null,
        children: lists.map((list) => list.name),
        entity_count: lists.reduce((sum, list) => sum + list.entity_count, 0),
        counts_by_schema: {},
        published_at: null,
        last_import: lists.reduce<string | null>(
          (latest, list) =>
            list.last_import !== null && (latest === null || list.last_import > latest)
              ? list.last_import
              : latest,
          null,
        ),
        format: null,
        index_version: null,
        index_current: service !== null && outdated.length === 0,
      };
      for (const list of lists) {
        for (const [schema, count] of Object.entries(list.counts_by_schema)) {
          all.counts_by_schema[schema] = (all.counts_by_schema[schema] ?? 0) + count;
        }
      }
      return {
        datasets: [all, ...lists],
        current: lists.filter((list) => list.index_current).map((list) => list.name),
        outdated,
        index_stale: service === null || outdated.length > 0,
      };
    },
  );
};
