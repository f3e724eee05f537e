import { describe, expect, it } from 'vitest';
import { e } from '../../model/testing.js';
import { prepareEntity } from '../prepare.js';
import { MatchIndex } from './match-index.js';

const people = [
  e('Person', { name: 'LUKASHENKO, Alexander Grigoryevich' }, 'eu:1'),
  e('Person', { name: 'Sergey KISLYAK' }, 'eu:2'),
  e('Person', { name: 'Viktor Gennadievich KHRENIN' }, 'eu:3'),
  e('Organization', { name: 'Gazprom Neft LLC' }, 'eu:4'),
  e('Person', { name: 'Olga Smirnova' }, 'eu:5'),
];
const index = MatchIndex.build(people);

function candidateIds(name: string, schema: 'Person' | 'Organization' = 'Person', limit = 10) {
  const query = prepareEntity(e(schema, { name }), true);
  return index.candidates(query, { limit }).map((candidate) => candidate.record.id);
}

describe('MatchIndex', () => {
  it('finds names across scripts and transliterations', () => {
    expect(candidateIds('Лукашэнка Аляксандр')[0]).toBe('eu:1');
    expect(candidateIds('Aliaksandr Lukašenka')[0]).toBe('eu:1');
    expect(candidateIds('Сергей Кисляк')[0]).toBe('eu:2');
  });

  it('finds names with a typo through trigrams', () => {
    expect(candidateIds('Viktor Khernin')).toContain('eu:3');
  });

  it('keeps candidates to the schemata the query may match', () => {
    expect(candidateIds('Gazprom Neft', 'Person')).not.toContain('eu:4');
    expect(candidateIds('Gazprom Neft', 'Organization')).toContain('eu:4');
  });

  it('returns at most the limit, best first, and nothing for unrelated names', () => {
    expect(candidateIds('Smirnova Olga', 'Person', 1)).toEqual(['eu:5']);
    expect(candidateIds('Qwxz Pqrt')).toEqual([]);
  });

  it('leaves out candidates sharing only a small share of the best key weight', () => {
    const namesakes = MatchIndex.build([
      e('Person', { name: 'Vladimir ZHIRINOVSKY' }, 'v:0'),
      ...['PETROV', 'SIDOROV', 'KOZLOV', 'POPOV', 'SOKOLOV', 'LEBEDEV', 'NOVIKOV', 'MOROZOV'].map(
        (surname, i) => e('Person', { name: `Vladimir ${surname}` }, `v:${i + 1}`),
      ),
      e('Person', { name: 'Ivan KUZNETSOV', passportNumber: 'AB1234567' }, 'v:9'),
    ]);
    const ids = (properties: Parameters<typeof e>[1], minKeyShare?: number) =>
      namesakes
        .candidates(
          prepareEntity(e('Person', properties), true),
          minKeyShare === undefined ? {} : { minKeyShare },
        )
        .map((candidate) => candidate.record.id);
    // The other Vladimirs share only the common given name: below the cut.
    expect(ids({ name: 'Vladimir Zhirinovskiy' })).toEqual(['v:0']);
    expect(ids({ name: 'Vladimir Zhirinovskiy' }, 0)).toHaveLength(9);
    // A query with only the common name keeps them all: each has the best key weight.
    expect(ids({ name: 'Vladimir' })).toHaveLength(9);
    // A shared document number keeps its entity whatever its names share.
    expect(ids({ name: 'Vladimir Zhirinovskiy', passportNumber: 'AB1234567' })).toEqual([
      'v:9',
      'v:0',
    ]);
  });

  it('does not carry accumulator state from one query to the next', () => {
    const first = candidateIds('Olga Smirnova');
    candidateIds('Sergey Kislyak');
    expect(candidateIds('Olga Smirnova')).toEqual(first);
  });

  it('finds an entity by an identifier alone, written with other spacing and case', () => {
    const vessels = MatchIndex.build([
      e('Person', { name: 'Ivan Petrov', passportNumber: 'AB 123 4567' }, 'x:1'),
      e('Vessel', { name: 'Sea Star', imoNumber: 'IMO 9187629' }, 'x:2'),
      e('Person', { name: 'Ivan Petrov' }, 'x:3'),
    ]);
    const ids = (schema: 'Person' | 'Vessel', properties: Parameters<typeof e>[1]) =>
      vessels
        .candidates(prepareEntity(e(schema, properties), true))
        .map((candidate) => candidate.record.id);
    expect(ids('Person', { passportNumber: 'ab1234567' })).toEqual(['x:1']);
    expect(ids('Vessel', { imoNumber: 'imo-9187629' })).toEqual(['x:2']);
    // A shared identifier outranks any name: the namesake without it comes second.
    expect(ids('Person', { name: 'Ivan Petrov', idNumber: 'AB1234567' })).toEqual(['x:1', 'x:3']);
    // Numbers shorter than identifier_match accepts are not looked up at all.
    const short = MatchIndex.build([e('Person', { name: 'Ann Lee', idNumber: '1234' }, 'x:4')]);
    expect(short.candidates(prepareEntity(e('Person', { idNumber: '1234' }), true))).toEqual([]);
  });

  it('files nothing for qualifiers: a birth date or nationality alone finds no candidate', () => {
    const dated = MatchIndex.build([
      e('Person', { name: 'Olga Smirnova', birthDate: '1970-01-01', nationality: 'ru' }, 'x:5'),
    ]);
    const query = prepareEntity(e('Person', { birthDate: '1970-01-01', nationality: 'ru' }), true);
    expect(dated.candidates(query)).toEqual([]);
  });

  it('refuses additions after it is frozen', () => {
    expect(() => index.add(e('Person', { name: 'Late Comer' }))).toThrow(/frozen/u);
  });
});
