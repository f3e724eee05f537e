import { describe, expect, it } from 'vitest';
import { argon2Hasher, DEFAULT_ARGON2_COST } from './argon2-hasher.js';

describe('argon2Hasher', () => {
  it('hashes with argon2id at the default cost, salted, and verifies only the right password', async () => {
    const hasher = argon2Hasher();
    const first = await hasher.hash('correct horse battery staple');
    const second = await hasher.hash('correct horse battery staple');
    const { memoryCost, timeCost, parallelism } = DEFAULT_ARGON2_COST;
    expect(first.startsWith(`$argon2id$v=19$m=${memoryCost},t=${timeCost},p=${parallelism}$`)).toBe(
      true,
    );
    expect(second).not.toBe(first);
    expect(await hasher.verify(first, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(first, 'correct horse battery stapler')).toBe(false);
  });

  it('verifies a hash made at another cost (the PHC string carries it), and fails a broken one', async () => {
    const cheap = await argon2Hasher({ memoryCost: 1_024, timeCost: 1, parallelism: 1 }).hash('pw');
    expect(await argon2Hasher().verify(cheap, 'pw')).toBe(true);
    expect(await argon2Hasher().verify('not a hash', 'pw')).toBe(false);
  });
});
