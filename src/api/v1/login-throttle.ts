/**
 * Online password guessing is throttled at `POST /api/v1/auth/login`: failed sign-ins are counted
 * per username and per client address in a sliding window, and a key that reached its limit is
 * refused (429 with `Retry-After`) before its password is checked, so a locked attempt costs no
 * argon2 work and reveals nothing. Unknown and existing usernames are counted alike, so the
 * throttle does not tell which usernames exist.
 *
 * The counters live in this process's memory: several API processes (or a restart) each keep
 * their own, so N processes behind a load balancer allow up to N times the limits. That is the
 * accepted trade-off for a server that is one process in the supported deployments; a shared
 * counter would need a table in the store.
 *
 * Memory is bounded: a key is forgotten once its newest failure has left the window, and each
 * table holds at most `maxKeys` keys (past that, the keys failed least recently go first). Per key
 * at most `limit` timestamps are kept, which is all a sliding window of `limit` needs.
 *
 * The per-username limit lets anyone lock a known username out for one window by failing on
 * purpose; that is the price of stopping a distributed guess at one account, and the window is
 * short. The per-address limit sees the TCP peer (`request.ip`): behind a reverse proxy that is
 * the proxy, so every client shares one counter unless Fastify's `trustProxy` is configured.
 */
import type { Clock } from '../../shared/clock.js';
import { ValidationError } from '../../shared/errors.js';

export interface LoginThrottleLimits {
  /** Failed sign-ins per username within the window before that username is locked. */
  readonly perUsername: number;
  /** Failed sign-ins per client address within the window before that address is locked. */
  readonly perAddress: number;
  /** The sliding window, in milliseconds. */
  readonly windowMs: number;
  /** Keys each table (usernames, addresses) holds at most: bounds the memory under a spray. */
  readonly maxKeys: number;
}

/** 5 failures per username and 20 per address in 15 minutes (OWASP's usual order of magnitude). */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleLimits = Object.freeze({
  perUsername: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
  maxKeys: 10_000,
});

/** The verdict on one sign-in attempt. */
export type LoginAttempt =
  | {
      readonly allowed: false;
      /** Whole seconds until the oldest counted failure leaves the window (at least 1). */
      readonly retryAfterSeconds: number;
      /** Which counter refused: for the server's log only, never for the response. */
      readonly lockedBy: readonly ('username' | 'address')[];
    }
  | {
      readonly allowed: true;
      /**
       * The counters this attempt fills up: if its password is wrong, they lock from now on.
       * The moment a lock begins is worth an audit entry; the refusals after it are not.
       */
      readonly locksOnFailure: readonly ('username' | 'address')[];
      /** How long that lock would last, in milliseconds (0 when nothing locks). */
      readonly lockMs: number;
      /** The password was right: the attempt is not a failure and the username's count resets. */
      succeeded(): void;
      /** The check never ran (the store failed): the attempt is not counted at all. */
      abandoned(): void;
    };

/** A username as counted: usernames are lower-case and at most 64 characters (`USERNAME_PATTERN`). */
function usernameKey(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}

/**
 * Failure timestamps per key. The map's order is the order of the keys' newest failures (a key
 * is re-inserted on each failure), so the expired keys are always at its head.
 */
class FailureLog {
  private readonly keys = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  get size(): number {
    return this.keys.size;
  }

  /** Milliseconds until `key` may try again; 0 when it is not locked. */
  lockedFor(key: string, now: number): number {
    const times = this.live(key, now);
    if (times === undefined || times.length < this.limit) return 0;
    // The window holds `limit` failures; the next attempt is allowed when the oldest leaves it.
    return times[0]! + this.windowMs - now;
  }

  add(key: string, now: number): void {
    const times = this.live(key, now) ?? [];
    times.push(now);
    if (times.length > this.limit) times.splice(0, times.length - this.limit);
    this.keys.delete(key);
    this.keys.set(key, times);
    this.evict(now);
  }

  /** Takes back one failure recorded at `at` (an attempt that turned out not to be one). */
  remove(key: string, at: number): void {
    const times = this.keys.get(key);
    if (times === undefined) return;
    const index = times.lastIndexOf(at);
    if (index >= 0) times.splice(index, 1);
    if (times.length === 0) this.keys.delete(key);
  }

  clear(key: string): void {
    this.keys.delete(key);
  }

  /** The key's failures still inside the window (older ones dropped), or undefined. */
  private live(key: string, now: number): number[] | undefined {
    const times = this.keys.get(key);
    if (times === undefined) return undefined;
    const from = now - this.windowMs;
    let expired = 0;
    while (expired < times.length && times[expired]! <= from) expired++;
    if (expired > 0) times.splice(0, expired);
    if (times.length === 0) {
      this.keys.delete(key);
      return undefined;
    }
    return times;
  }

  /** Drops the keys whose newest failure left the window, then the oldest keys over `maxKeys`. */
  private evict(now: number): void {
    const from = now - this.windowMs;
    for (const [key, times] of this.keys) {
      const newest = times[times.length - 1];
      if (newest !== undefined && newest > from && this.keys.size <= this.maxKeys) break;
      this.keys.delete(key);
    }
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(`login throttle: ${name} must be a positive integer, not ${value}`);
  }
  return value;
}

export class LoginThrottle {
  readonly limits: LoginThrottleLimits;
  private readonly usernames: FailureLog;
  private readonly addresses: FailureLog;

  constructor(
    private readonly clock: Clock,
    limits: Partial<LoginThrottleLimits> = {},
  ) {
    const merged = { ...DEFAULT_LOGIN_THROTTLE, ...limits };
    this.limits = Object.freeze({
      perUsername: positiveInteger('perUsername', merged.perUsername),
      perAddress: positiveInteger('perAddress', merged.perAddress),
      windowMs: positiveInteger('windowMs', merged.windowMs),
      maxKeys: positiveInteger('maxKeys', merged.maxKeys),
    });
    const { windowMs, maxKeys } = this.limits;
    this.usernames = new FailureLog(this.limits.perUsername, windowMs, maxKeys);
    this.addresses = new FailureLog(this.limits.perAddress, windowMs, maxKeys);
  }

  /**
   * Decides on a sign-in attempt before its password is checked. An allowed attempt counts as a
   * failure at once, so that concurrent guesses cannot all pass the check while the first ones
   * are still being verified; `succeeded()` or `abandoned()` takes it back.
   */
  attempt(username: string, address: string): LoginAttempt {
    const now = this.clock.now().getTime();
    const user = usernameKey(username);
    const byUsername = this.usernames.lockedFor(user, now);
    const byAddress = this.addresses.lockedFor(address, now);
    if (byUsername > 0 || byAddress > 0) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(Math.max(byUsername, byAddress) / 1000)),
        lockedBy: [
          ...(byUsername > 0 ? (['username'] as const) : []),
          ...(byAddress > 0 ? (['address'] as const) : []),
        ],
      };
    }
    this.usernames.add(user, now);
    this.addresses.add(address, now);
    const userLock = this.usernames.lockedFor(user, now);
    const addressLock = this.addresses.lockedFor(address, now);
    const locksOnFailure = [
      ...(userLock > 0 ? (['username'] as const) : []),
      ...(addressLock > 0 ? (['address'] as const) : []),
    ];
    let settled = false;
    return {
      allowed: true,
      locksOnFailure,
      lockMs: Math.max(userLock, addressLock),
      succeeded: () => {
        if (settled) return;
        settled = true;
        // The username starts afresh; the address keeps its other failures, so one valid account
        // cannot be used to wipe the count of guesses made at others from the same address.
        this.usernames.clear(user);
        this.addresses.remove(address, now);
      },
      abandoned: () => {
        if (settled) return;
        settled = true;
        this.usernames.remove(user, now);
        this.addresses.remove(address, now);
      },
    };
  }

  /** Keys currently held (usernames, addresses): for tests of the memory bound. */
  tracked(): { readonly usernames: number; readonly addresses: number } {
    return { usernames: this.usernames.size, addresses: this.addresses.size };
  }
}
