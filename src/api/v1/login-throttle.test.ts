import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/errors.js';
import { DEFAULT_LOGIN_THROTTLE, type LoginAttempt, LoginThrottle } from './login-throttle.js';
import { TestClock } from './testing.js';

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;

function setup(limits: Partial<ConstructorParameters<typeof LoginThrottle>[1]> = {}) {
  const clock = new TestClock('2026-03-02T09:00:00Z');
  const throttle = new LoginThrottle(clock, {
    perUsername: 3,
    perAddress: 5,
    windowMs: WINDOW,
    ...limits,
  });
  /** One failed sign-in (allowed, checked, wrong): the attempt stays counted. */
  const fail = (username: string, address = '10.0.0.1') => {
    const attempt = throttle.attempt(username, address);
    expect(attempt.allowed).toBe(true);
  };
  return { clock, throttle, fail };
}

function refused(attempt: LoginAttempt): number {
  if (attempt.allowed) throw new Error('expected the attempt to be refused');
  return attempt.retryAfterSeconds;
}

describe('LoginThrottle', () => {
  it('has safe defaults: 5 per username, 20 per address, 15 minutes', () => {
    expect(DEFAULT_LOGIN_THROTTLE).toMatchObject({
      perUsername: 5,
      perAddress: 20,
      windowMs: 15 * MINUTE,
    });
    expect(new LoginThrottle(new TestClock('2026-03-02T09:00:00Z')).limits).toEqual(
      DEFAULT_LOGIN_THROTTLE,
    );
  });

  it('locks a username after its limit until the oldest failure leaves the window', () => {
    const { clock, throttle, fail } = setup();
    fail('alice');
    clock.advance(MINUTE);
    fail('alice');
    fail('alice');
    const first = throttle.attempt('alice', '10.0.0.1');
    expect(first).toEqual({
      allowed: false,
      retryAfterSeconds: (WINDOW - MINUTE) / 1000,
      lockedBy: ['username'],
    });
    // From another address too: the username is what is being guessed.
    expect(refused(throttle.attempt('alice', '10.9.9.9'))).toBe((WINDOW - MINUTE) / 1000);
    // Refused attempts are not counted: they do not push the lock further out.
    clock.advance(WINDOW - MINUTE - 1_000);
    expect(refused(throttle.attempt('alice', '10.0.0.1'))).toBe(1);
    clock.advance(1_000);
    // The first failure has left the window: exactly one more try, then the second one rules.
    fail('alice');
    expect(refused(throttle.attempt('alice', '10.0.0.1'))).toBe(MINUTE / 1000);
    // Other usernames were never affected.
    expect(throttle.attempt('bob', '10.0.0.2').allowed).toBe(true);
  });

  it('rounds Retry-After up to whole seconds, never 0', () => {
    const { clock, throttle, fail } = setup({ perUsername: 1 });
    fail('alice');
    clock.advance(WINDOW - 1);
    expect(refused(throttle.attempt('alice', '10.0.0.1'))).toBe(1);
    clock.advance(1);
    expect(throttle.attempt('alice', '10.0.0.1').allowed).toBe(true);
  });

  it('counts usernames case-insensitively and trimmed', () => {
    const { throttle, fail } = setup();
    fail('alice');
    fail('ALICE');
    fail(' Alice ');
    expect(refused(throttle.attempt('alice', '10.0.0.1'))).toBeGreaterThan(0);
  });

  it('locks an address spraying many usernames, and only that address', () => {
    const { throttle, fail } = setup();
    for (const username of ['u1', 'u2', 'u3', 'u4', 'u5']) fail(username, '10.0.0.7');
    const attempt = throttle.attempt('u6', '10.0.0.7');
    expect(attempt).toMatchObject({ allowed: false, lockedBy: ['address'] });
    expect(throttle.attempt('u6', '10.0.0.8').allowed).toBe(true);
  });

  it('resets the username on success, but keeps the address count of other failures', () => {
    const { throttle, fail } = setup();
    fail('alice');
    fail('alice');
    const ok = throttle.attempt('alice', '10.0.0.1');
    if (!ok.allowed) throw new Error('expected allowed');
    ok.succeeded();
    // Three new failures are allowed for alice again...
    fail('alice');
    fail('alice');
    fail('alice');
    expect(refused(throttle.attempt('alice', '10.0.0.1'))).toBeGreaterThan(0);
    // ...while the address counts 5 failures (2 + 3), not the success: it is now at its limit.
    expect(throttle.attempt('bob', '10.0.0.1')).toMatchObject({
      allowed: false,
      lockedBy: ['address'],
    });
  });

  it('counts an attempt before it is settled, so concurrent guesses cannot overtake the limit', () => {
    const { throttle } = setup();
    const inFlight = [1, 2, 3].map(() => throttle.attempt('alice', '10.0.0.1'));
    expect(inFlight.every((attempt) => attempt.allowed)).toBe(true);
    expect(throttle.attempt('alice', '10.0.0.1').allowed).toBe(false);
    // An attempt that never got checked (the store failed) is taken back.
    const first = inFlight[0]!;
    if (!first.allowed) throw new Error('expected allowed');
    first.abandoned();
    first.abandoned(); // settling twice changes nothing
    expect(throttle.attempt('alice', '10.0.0.1').allowed).toBe(true);
    expect(throttle.attempt('alice', '10.0.0.1').allowed).toBe(false);
  });

  it('keeps bounded memory: expired keys are dropped, and at most maxKeys are held', () => {
    const { clock, throttle, fail } = setup({ perAddress: 1_000, maxKeys: 50 });
    for (let i = 0; i < 200; i++) fail(`user${i}`, `10.1.${i >> 8}.${i & 255}`);
    expect(throttle.tracked()).toEqual({ usernames: 50, addresses: 50 });
    // The most recent keys are the ones kept.
    expect(throttle.attempt('user199', '10.9.9.9').allowed).toBe(true);
    clock.advance(WINDOW);
    // One new failure sweeps everything whose newest failure has left the window.
    fail('late', '10.2.0.1');
    expect(throttle.tracked()).toEqual({ usernames: 1, addresses: 1 });
  });

  it('refuses limits that are not positive integers', () => {
    const clock = new TestClock('2026-03-02T09:00:00Z');
    expect(() => new LoginThrottle(clock, { perUsername: 0 })).toThrow(ValidationError);
    expect(() => new LoginThrottle(clock, { windowMs: Number.NaN })).toThrow(ValidationError);
    expect(() => new LoginThrottle(clock, { perAddress: 2.5 })).toThrow(ValidationError);
  });
});
