import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { collectListArg } from './list-option.js';

describe('collectListArg', () => {
  it('collects repeated SOURCE=PATH arguments in order', () => {
    const first = collectListArg('eu=lists/eu.xml');
    expect(collectListArg('ofac=/data/ofac/sdn.csv', first)).toEqual([
      { source: 'eu', path: 'lists/eu.xml' },
      { source: 'ofac', path: '/data/ofac/sdn.csv' },
    ]);
  });

  it('keeps "=" inside the path', () => {
    expect(collectListArg('uk=./a=b.csv')).toEqual([{ source: 'uk', path: './a=b.csv' }]);
  });

  it.each([
    ['un', /expected SOURCE=PATH/u],
    ['=un.xml', /expected SOURCE=PATH/u],
    ['un=', /expected SOURCE=PATH/u],
    ['UN=un.xml', /list name 'UN' must be/u],
  ])('rejects %s', (value, message) => {
    expect(() => collectListArg(value)).toThrow(InvalidArgumentError);
    expect(() => collectListArg(value)).toThrow(message);
  });

  it('rejects the same list twice', () => {
    expect(() => collectListArg('un=b.xml', collectListArg('un=a.xml'))).toThrow(/given twice/u);
  });
});
