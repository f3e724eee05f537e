import { describe, expect, it } from 'vitest';
import { exampleEntity } from '../../screening/match-service.js';
import type { WatchlistEntry } from '../types.js';
import { buildWatchlistIndex, watchlistEntity } from './watchlist-index.js';

const person: WatchlistEntry = {
  id: 42,
  schema: 'Person',
  names: ['Siarhei Mikalaevich Zhaurydka', 'Сяргей Мікалаевіч Жаурыдка'],
  birthDate: '1979-04-11',
  countries: ['BY'],
  reason: 'Identified at the dispersal of a demonstration.',
  classification: 'secret',
  createdBy: 'user:s1',
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
};
const organisation: WatchlistEntry = {
  ...person,
  id: 43,
  schema: 'Organization',
  names: ['Вектор-Сервис Плюс'],
  birthDate: null,
  countries: ['BY', 'RU'],
};

describe('watchlistEntity', () => {
  it('carries what matching needs and nothing of the designation', () => {
    const entity = watchlistEntity(person);
    expect(entity).toMatchObject({
      id: 'watchlist:42',
      schema: 'Person',
      caption: 'Siarhei Mikalaevich Zhaurydka',
      datasets: ['watchlist'],
      properties: {
        name: ['Siarhei Mikalaevich Zhaurydka', 'Сяргей Мікалаевіч Жаурыдка'],
        birthDate: ['1979-04-11'],
        nationality: ['BY'],
      },
    });
    expect(JSON.stringify(entity)).not.toMatch(/demonstration|secret/u);
  });

  it("gives an organisation's countries as its countries, not nationalities", () => {
    expect(watchlistEntity(organisation).properties).toEqual({
      name: ['Вектор-Сервис Плюс'],
      country: ['BY', 'RU'],
    });
  });
});

describe('buildWatchlistIndex', () => {
  it('screens across scripts with the list matcher', () => {
    const index = buildWatchlistIndex([person, organisation]);
    const outcome = index.match(
      'default',
      exampleEntity({
        schema: 'Person',
        properties: { name: 'Сергей Николаевич Жаурыдко', birthDate: '1979-04-11' },
      }),
    );
    expect(outcome.results[0]).toMatchObject({ match: true, entity: { id: 'watchlist:42' } });
    expect(index.datasets().map((dataset) => [dataset.name, dataset.entityCount])).toEqual([
      ['default', 2],
      ['watchlist', 2],
    ]);
  });

  it('builds an empty index for an empty watchlist', () => {
    const index = buildWatchlistIndex([]);
    expect(
      index.match('default', exampleEntity({ schema: 'Person', properties: { name: 'A B' } }))
        .results,
    ).toEqual([]);
  });
});
