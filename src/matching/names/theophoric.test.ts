import { describe, expect, it } from 'vitest';
import { isServantOf, joinServantNames } from './theophoric.js';

const join = (name: string) => joinServantNames(name.split(' ')).join(' ');

describe('joinServantNames', () => {
  it('brings the one-, two- and three-word spellings of an Abd name to the same two tokens', () => {
    for (const spelling of [
      'abd al rahman',
      'abdul rahman',
      'abdel rahman',
      'abdulrahman',
      'abdurrahman',
      'abdirahman',
      'abd al rhmn', // Arabic script, consonants only
    ]) {
      expect(join(spelling), spelling).toBe('abdul rahman');
    }
    expect(join('abd allah')).toBe('abdul lah');
    expect(join('abdullah azzam')).toBe('abdul lah azzam');
    expect(join('abdallah')).toBe('abdul lah');
    expect(join('abdulaziz')).toBe('abdul aziz');
    expect(join('abdullatif')).toBe('abdul latif');
    expect(join('abdussalam')).toBe('abdul salam');
    expect(join('abdelkader')).toBe('abdul qadir');
    expect(join('abd al ilah')).toBe('abdul ilah');
  });

  it('leaves surnames built on Abd names and names that only start with the letters', () => {
    for (const name of ['abdullaev', 'abdurakhmanov', 'abdulov', 'abdi farah', 'abdou diouf']) {
      expect(join(name)).toBe(name);
    }
  });

  it('writes a lone Abd word as the same token (a reordered name)', () => {
    expect(join('al rahman mustafa abd')).toBe('al rahman mustafa abdul');
    expect(join('abdel')).toBe('abdul');
  });

  it('tells the abdul of an Abd name from a lone Abdul', () => {
    expect(isServantOf('abdul', 'rahman')).toBe(true);
    expect(isServantOf('abdul', 'mohammed')).toBe(false);
    expect(isServantOf('abdul', undefined)).toBe(false);
  });
});
