import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import { readList } from '../lists/read-list.js';
import type { Entity } from '../model/entity.js';
import { e } from '../model/testing.js';
import { exampleEntity, type MatchExample, MatchService } from './match-service.js';

/**
 * Identifier-only queries over the real UN list (2026-02-27). Floribert Ngabu Njabu (`un:6908012`)
 * carries the passport `OB 0243318` (a document of his UN record), born 1971-05-23, Congolese.
 */
const FLORIBERT = 'un:6908012';
let service: MatchService;

beforeAll(async () => {
  const list = await readList({ dataset: 'un', path: sharedData('lists', 'un', '2026-02-27.xml') });
  const entities: Entity[] = [];
  for await (const entity of list.entities) entities.push(entity);
  service = MatchService.fromEntities(entities);
});

function match(properties: MatchExample['properties'], schema = 'Person') {
  return service.match('default', exampleEntity({ schema, properties }));
}

describe('MatchService with identifiers', () => {
  it('finds a listed person by a passport number alone, scored and explained by identifier_match', () => {
    const outcome = match({ passportNumber: ['ob0243318'] });
    expect(outcome.results).toHaveLength(1);
    const [top] = outcome.results;
    expect(top).toMatchObject({ match: true, features: { identifier_match: 1 } });
    expect(top!.entity.id).toBe(FLORIBERT);
    expect(outcome.matches).toBe(1);
    // No name was given, so no name feature fired and the explanation names no name.
    expect(Object.keys(top!.features)).toEqual(['identifier_match']);
    expect(top!.explanation.query_name).toBeNull();
    expect(top!.explanations.identifier_match).toMatchObject({
      score: 1,
      query: 'OB0243318',
      candidate: 'OB0243318',
      detail: 'Identifier OB0243318 on both sides',
    });
  });

  it('matches the number whichever identifier property carries it', () => {
    for (const property of ['idNumber', 'passportNumber', 'registrationNumber']) {
      const outcome = match({ [property]: ['OB 0243318'] });
      expect(outcome.results.map((result) => result.entity.id)).toEqual([FLORIBERT]);
    }
  });

  it('lets qualifiers weigh in once the identifier matched', () => {
    const plain = match({ passportNumber: ['OB0243318'] }).results[0]!;
    const dated = match({ passportNumber: ['OB0243318'], birthDate: ['1971-05-23'] }).results[0]!;
    const wrong = match({ passportNumber: ['OB0243318'], birthDate: ['1950-01-01'] }).results[0]!;
    expect(dated.features.dob_exact).toBe(1);
    expect(dated.score).toBeGreaterThan(plain.score);
    expect(wrong.features.dob_mismatch).toBe(1);
    expect(wrong.score).toBeLessThan(plain.score);
  });

  it('never matches on qualifiers alone: his birth date and nationality find nothing', () => {
    expect(match({ birthDate: ['1971-05-23'], nationality: ['cd'] }).results).toEqual([]);
  });

  it('finds the identifier holder even when the name given is unrelated', () => {
    const outcome = match({ name: ['Quorvel Plenthorpe'], passportNumber: ['OB0243318'] });
    expect(outcome.results[0]!.entity.id).toBe(FLORIBERT);
    expect(outcome.results[0]!.features.identifier_match).toBe(1);
  });

  it('ignores numbers too short to identify anyone, and unknown numbers', () => {
    expect(match({ idNumber: ['0243'] }).results).toEqual([]);
    expect(match({ passportNumber: ['ZZ9999999'] }).results).toEqual([]);
  });

  it('keeps finding people by name as before', () => {
    const outcome = match({ name: ['Floribert Ndjabu'] });
    expect(outcome.results[0]!.entity.id).toBe(FLORIBERT);
    expect(outcome.results[0]!.features.identifier_match).toBeUndefined();
  });
});

describe('MatchService search and filters against the candidate cut', () => {
  const people = ['ZHIRINOVSKY', 'PETROV', 'SIDOROV', 'KOZLOV', 'POPOV', 'SOKOLOV'].map(
    (surname, i) => e('Person', { name: `Vladimir ${surname}` }, `v:${i}`),
  );

  it('pages through every namesake in search, not only those near the best', () => {
    const small = MatchService.fromEntities(people);
    const found = small.search('default', 'Vladimir Zhirinovskiy', { limit: 10 });
    expect(found.results.map((entity) => entity.id)).toContain('v:0');
    expect(found.total).toBe(people.length);
  });

  it('scores the namesakes when an excluded entity holds the most key weight', () => {
    const small = MatchService.fromEntities(people);
    const query = exampleEntity({
      schema: 'Person',
      properties: { name: ['Vladimir Zhirinovskiy'] },
    });
    expect(small.match('default', query).results.map((result) => result.entity.id)).toEqual([
      'v:0',
    ]);
    const without = small.match('default', query, { excludeEntityIds: ['v:0'] });
    expect(without.results.length).toBeGreaterThan(0);
  });
});
