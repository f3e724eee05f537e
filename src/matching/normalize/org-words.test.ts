import { describe, expect, it } from 'vitest';
import { prepareName } from '../prepare.js';
import { normalizeOrganizationWords } from './org-words.js';

describe('normalizeOrganizationWords', () => {
  it('writes number words as digits, tens and units together', () => {
    expect(normalizeOrganizationWords(['brigade', 'forty', 'four'])).toEqual(['brigade', '44']);
    expect(normalizeOrganizationWords(['brigade', 'fourty', '4'])).toEqual(['brigade', '44']);
    expect(normalizeOrganizationWords(['three', 'percenters'])).toEqual(['3', 'percenters']);
    expect(normalizeOrganizationWords(['twenty', 'partners'])).toEqual(['20', 'partners']);
  });

  it('brings ordinals and abbreviations to one form', () => {
    expect(normalizeOrganizationWords(['first', 'bank', 'intl'])).toEqual([
      '1st',
      'bank',
      'international',
    ]);
    expect(normalizeOrganizationWords(['us', 'department', 'of', 'state'])).toEqual([
      'united',
      'states',
      'department',
      'of',
      'state',
    ]);
  });

  it('leaves a one-word name and other scripts alone', () => {
    expect(normalizeOrganizationWords(['us'])).toEqual(['us']);
    expect(normalizeOrganizationWords(['газпром', 'нефть'])).toEqual(['газпром', 'нефть']);
  });

  it('applies to names of things, never to people', () => {
    const tokens = (name: string, schema: 'Organization' | 'Person') =>
      prepareName(name, { schema })?.variants[0]?.tokens;
    expect(tokens('Brigade Forty-Four', 'Organization')).toEqual(['brigade', '44']);
    expect(tokens('Ben One', 'Person')).toEqual(['ben', 'one']);
  });
});
