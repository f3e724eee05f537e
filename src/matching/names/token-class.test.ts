import { describe, expect, it } from 'vitest';
import {
  FATHER_NAME,
  isNumberToken,
  lineageRoles,
  NO_ROLE,
  NUMBER_WEIGHT,
  OWN_NAME,
  PARTICLE_WEIGHT,
  tokenWeights,
} from './token-class.js';

describe('lineageRoles', () => {
  it('marks the own name before the first connector and the father after it', () => {
    expect(lineageRoles(['muhammad', 'bin', 'salman', 'al', 'saud'])).toEqual([
      OWN_NAME,
      NO_ROLE,
      FATHER_NAME,
      NO_ROLE,
      NO_ROLE,
    ]);
  });

  it('skips particles and leaves later links free', () => {
    expect(lineageRoles(['saif', 'al', 'din', 'bin', 'ibrahim', 'bin', 'awad'])).toEqual([
      NO_ROLE,
      NO_ROLE,
      OWN_NAME,
      NO_ROLE,
      FATHER_NAME,
      NO_ROLE,
      NO_ROLE,
    ]);
  });

  it('gives no roles without a connector or to a leading `Ben` given name', () => {
    expect(lineageRoles(['vladimir', 'putin'])).toEqual([NO_ROLE, NO_ROLE]);
    expect(lineageRoles(['ben', 'netanyahu'])).toEqual([NO_ROLE, NO_ROLE]);
  });
});

describe('number tokens', () => {
  it('weighs digits and Roman numerals of non-person names like a qualifier', () => {
    expect(tokenWeights(['snow', 'storm', '2'], false)).toEqual([1, 1, NUMBER_WEIGHT]);
    expect(tokenWeights(['citigroup', 'capital', 'trust', 'xv'], false)).toEqual([
      1,
      1,
      1,
      NUMBER_WEIGHT,
    ]);
    expect(tokenWeights(['bin', 'laden'])).toEqual([PARTICLE_WEIGHT, 1]);
  });

  it('does not read a Chinese given name or a first word as a Roman numeral', () => {
    expect(isNumberToken('xi', 0, false)).toBe(false);
    expect(isNumberToken('xi', 1, true)).toBe(false);
    expect(isNumberToken('vi', 2, false)).toBe(true);
    expect(isNumberToken('mix', 1, false)).toBe(false);
  });
});
