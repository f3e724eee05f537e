/**
 * `PasswordHasher` over `@node-rs/argon2` (native, no node-gyp). The library's default algorithm
 * is argon2id; the cost is OWASP's first recommended setting for argon2id (19 MiB, 2 passes, one
 * lane), which takes some tens of milliseconds per hash on one core. The PHC string carries its
 * own parameters, so raising the cost later still verifies existing hashes.
 */
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from './ports.js';

export interface Argon2Cost {
  /** KiB of memory per hash. */
  readonly memoryCost: number;
  /** Passes over that memory. */
  readonly timeCost: number;
  readonly parallelism: number;
}

export const DEFAULT_ARGON2_COST: Argon2Cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function argon2Hasher(cost: Argon2Cost = DEFAULT_ARGON2_COST): PasswordHasher {
  return {
    hash: (password) => hash(password, { ...cost }),
    async verify(hashed, password) {
      try {
        return await verify(hashed, password);
      } catch {
        // A malformed stored hash verifies nothing; it must not turn a login into a 500.
        return false;
      }
    },
  };
}
