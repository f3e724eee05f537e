import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/errors.js';
import { qaSampled, sampleFraction } from './qa-sample.js';

const IDS = Array.from({ length: 10_000 }, () => randomUUID());

describe('qaSampled', () => {
  it('never samples at rate 0 and always at rate 1', () => {
    expect(IDS.some((id) => qaSampled(id, 0))).toBe(false);
    expect(IDS.every((id) => qaSampled(id, 1))).toBe(true);
  });

  it('samples about 5% of random case ids at rate 0.05', () => {
    const sampled = IDS.filter((id) => qaSampled(id, 0.05)).length;
    // Binomial(10,000, 0.05): mean 500, standard deviation 21.8. ±7 sd fails by chance with a
    // probability below 1e-11.
    expect(sampled).toBeGreaterThanOrEqual(500 - 153);
    expect(sampled).toBeLessThanOrEqual(500 + 153);
  });

  it('is deterministic and nested: a case sampled at 5% is sampled at 10%', () => {
    for (const id of IDS.slice(0, 500)) {
      expect(qaSampled(id, 0.05)).toBe(qaSampled(id, 0.05));
      if (qaSampled(id, 0.05)) expect(qaSampled(id, 0.1)).toBe(true);
    }
  });

  it('maps a case id into [0, 1) from its sha256', () => {
    const digest = createHash('sha256').update('case-1').digest('hex');
    expect(sampleFraction('case-1')).toBe(Number.parseInt(digest.slice(0, 13), 16) / 2 ** 52);
    expect(IDS.every((id) => sampleFraction(id) >= 0 && sampleFraction(id) < 1)).toBe(true);
  });

  it.each([-0.1, 1.01, Number.NaN])('refuses the rate %s', (rate) => {
    expect(() => qaSampled('case-1', rate)).toThrow(ValidationError);
  });
});
