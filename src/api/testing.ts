/** Only for tests: servers over real list data and small in-memory ones. */
import { sharedData } from '../../test/support/shared-data.js';
import { importList } from '../lists/import-list.js';
import type { Entity } from '../model/entity.js';
import { MatchService, MatchServiceHolder } from '../screening/match-service.js';
import { fixedClock } from '../shared/clock.js';
import type { DbHandle } from '../store/db.js';
import { ListRepository } from '../store/list-repository.js';
import { openTestDb } from '../store/testing.js';

export interface RealListsFixture {
  readonly db: DbHandle;
  readonly store: ListRepository;
  readonly holder: MatchServiceHolder;
}

/** The real UN 2026-02-27 and EU 2026-01-28 lists imported into an in-memory PGlite, indexed. */
export async function openRealLists(): Promise<RealListsFixture> {
  const db = await openTestDb('pglite');
  const store = new ListRepository(db);
  const deps = { store, clock: fixedClock('2026-03-01T08:00:00Z') };
  await importList(deps, { dataset: 'un', path: sharedData('lists', 'un', '2026-02-27.xml') });
  await importList(deps, {
    dataset: 'eu',
    path: sharedData('lists', 'eu', 'eu-fsf-2026-01-28.xml'),
  });
  const holder = new MatchServiceHolder();
  await holder.reload(store);
  return { db, store, holder };
}

/** A holder over a few entities, for tests that are about HTTP rather than data. */
export function holderOf(entities: readonly Entity[]): MatchServiceHolder {
  const holder = new MatchServiceHolder();
  holder.set(MatchService.fromEntities(entities));
  return holder;
}
