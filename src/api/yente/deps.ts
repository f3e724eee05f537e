import type { ListVersion } from '../../lists/ports.js';
import type { MatchService } from '../../screening/match-service.js';
import { HttpError } from '../errors.js';

/** Where the routes get the current screening index (null while it is being built). */
export interface ScreeningSource {
  current(): MatchService | null;
}

/** What `/catalog` reads from the store. */
export interface CatalogSource {
  listVersions(): Promise<ListVersion[]>;
}

export interface YenteRouteOptions {
  readonly screening: ScreeningSource;
  readonly lists: CatalogSource;
}

export function requireIndex(source: ScreeningSource): MatchService {
  const service = source.current();
  if (service === null) {
    throw new HttpError(503, 'The screening index is being built; retry shortly', {
      'retry-after': '5',
    });
  }
  return service;
}
