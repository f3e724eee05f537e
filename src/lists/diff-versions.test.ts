import { describe, expect, it } from 'vitest';
import { Entity } from '../model/entity.js';
import { e } from '../model/testing.js';
import { changedProperties } from './diff-versions.js';

describe('changedProperties', () => {
  const base = e(
    'Person',
    {
      name: 'Viktor Ivanov',
      alias: ['V. Ivanov', 'Виктор Иванов'],
      birthDate: ['1961', '1962'],
      nationality: 'ru',
    },
    'eu:1',
  );
  const withProps = (
    properties: Partial<Record<string, readonly string[]>>,
    extra: Partial<Parameters<typeof Entity.create>[0]> = {},
  ): Entity =>
    Entity.create({
      ...base,
      caption: undefined,
      properties: { ...base.properties, ...properties },
      ...extra,
    });

  it('finds nothing when only the order of values or the source location changed', () => {
    const reordered = withProps(
      { alias: ['Виктор Иванов', 'V. Ivanov'], birthDate: ['1962', '1961'] },
      { source: { file: 'other.xml', line: 9 } },
    );
    expect(changedProperties(base, reordered)).toEqual([]);
    expect(Entity.contentHash(reordered)).toBe(Entity.contentHash(base));
  });

  it('names exactly the properties whose value sets differ, in schema order', () => {
    const after = withProps({ birthDate: ['1961'], nationality: ['ru', 'ua'], notes: ['New'] });
    expect(changedProperties(base, after)).toEqual(['birthDate', 'nationality', 'notes']);
    expect(changedProperties(after, base)).toEqual(['birthDate', 'nationality', 'notes']);
  });

  it('reports schema, caption, names and documents', () => {
    const renamed = Entity.create({
      ...base,
      schema: 'LegalEntity',
      caption: 'Viktor IVANOV',
      names: [{ full: 'Viktor IVANOV', kind: 'primary', lang: 'en' }],
      documents: [{ type: 'passport', number: '123', country: 'ru' }],
    });
    expect(changedProperties(base, renamed)).toEqual(['schema', 'caption', 'names', 'documents']);
  });

  it('compares names and documents regardless of order', () => {
    const names = [
      { full: 'A B', kind: 'primary' as const },
      { full: 'C D', kind: 'alias' as const, script: 'Latn' },
    ];
    const documents = [
      { type: 'passport', number: '1' },
      { type: 'id', number: '2', country: 'ru' },
    ];
    const before = Entity.create({ ...base, names, documents });
    const after = Entity.create({
      ...base,
      names: [...names].reverse(),
      documents: [...documents].reverse(),
    });
    expect(changedProperties(before, after)).toEqual([]);
    const edited = Entity.create({
      ...base,
      names,
      documents: [documents[0]!, { ...documents[1]!, country: 'ua' }],
    });
    expect(changedProperties(before, edited)).toEqual(['documents']);
  });

  it('agrees with the content hash: a changed hash always names something', () => {
    const pairs: [Entity, Entity][] = [
      [base, withProps({ position: ['Minister'] })],
      [base, withProps({ alias: ['V. Ivanov'] })],
      [base, Entity.create({ ...base, caption: 'Other' })],
    ];
    for (const [before, after] of pairs) {
      expect(Entity.contentHash(before)).not.toBe(Entity.contentHash(after));
      expect(changedProperties(before, after).length).toBeGreaterThan(0);
    }
  });
});
