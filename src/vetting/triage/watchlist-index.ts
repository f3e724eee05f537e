/**
 * The service's own watchlist as a screening index, so that triage screens it with exactly the
 * matcher and thresholds it uses for the sanctions lists. Only what matching needs goes into the
 * entities: the reason and classification of a designation stay in the store, out of every hit.
 */
import { Entity } from '../../model/entity.js';
import { MatchService } from '../../screening/match-service.js';
import type { WatchlistEntry } from '../types.js';

/** The dataset (list) name of watchlist entities, as hits report it. */
export const WATCHLIST_DATASET = 'watchlist';

export function watchlistEntityId(id: number): string {
  return `${WATCHLIST_DATASET}:${id}`;
}

/**
 * One entry as an entity. A person's countries are nationalities (a qualifier of a name match,
 * never a match on their own); an organisation's are the countries it operates in.
 */
export function watchlistEntity(entry: WatchlistEntry): Entity {
  const countries = entry.schema === 'Person' ? 'nationality' : 'country';
  return Entity.create({
    id: watchlistEntityId(entry.id),
    schema: entry.schema,
    properties: {
      name: entry.names,
      ...(entry.birthDate === null ? {} : { birthDate: [entry.birthDate] }),
      [countries]: entry.countries,
    },
    datasets: [WATCHLIST_DATASET],
    source: { file: WATCHLIST_DATASET, element: `entry ${entry.id}` },
  });
}

/** Builds the index; rebuilt by the caller whenever the watchlist revision changes. */
export function buildWatchlistIndex(entries: readonly WatchlistEntry[]): MatchService {
  return MatchService.fromEntities(entries.map(watchlistEntity));
}
