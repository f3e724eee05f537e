import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../../shared/errors.js';
import { nextAlertStatus, reconcile } from './alert-rules.js';
import type { Alert, AlertStatus, Hit } from './types.js';

const explanation = {
  algorithm: 'sargas-v1',
  raw_score: 0.9,
  threshold: 0.7,
  query_name: 'A',
  matched_name: 'A',
  name_tokens: [],
  features: [],
};
const hit: Hit = {
  subjectId: 1,
  entityId: 'un:1',
  entityCaption: 'A',
  source: 'un',
  versionId: 5,
  entityHash: 'h2',
  score: 0.9,
  explanation,
};
function alert(status: AlertStatus, entityHash: string, versionId = 4): Alert {
  return {
    id: 7,
    subjectId: 1,
    externalId: 'x',
    subjectName: 'A',
    entityId: 'un:1',
    entityCaption: 'A',
    source: 'un',
    versionId,
    score: 0.9,
    explanation,
    entityHash,
    status,
    createdAt: '',
    updatedAt: '',
  };
}

describe('reconcile', () => {
  it.each([
    ['no alert yet', null, 'raise'],
    ['open, same entity', alert('open', 'h2'), 'skip'],
    ['open, entity changed', alert('open', 'h1'), 'refresh'],
    ['dismissed, same entity', alert('dismissed', 'h2'), 'skip'],
    ['dismissed, entity changed', alert('dismissed', 'h1'), 'reopen'],
    ['confirmed, same entity', alert('confirmed', 'h2'), 'skip'],
    ['confirmed, entity changed', alert('confirmed', 'h1'), 'reopen'],
    ['closed as removed, entity back', alert('list_removed', 'h2'), 'reopen'],
    ['alert from a newer version (stale job)', alert('dismissed', 'h1', 6), 'skip'],
  ] as const)('%s → %s', (_, existing, kind) => {
    expect(reconcile(existing, hit).kind).toBe(kind);
  });

  it('says why a decided pair is skipped', () => {
    expect(reconcile(alert('dismissed', 'h2'), hit)).toEqual({ kind: 'skip', why: 'suppressed' });
  });
});

describe('nextAlertStatus', () => {
  it('lets an analyst decide an open alert and reverse a decision', () => {
    expect(nextAlertStatus('open', 'dismissed')).toBe('dismissed');
    expect(nextAlertStatus('open', 'confirmed')).toBe('confirmed');
    expect(nextAlertStatus('dismissed', 'confirmed')).toBe('confirmed');
  });
  it('rejects deciding twice the same way and deciding a closed alert', () => {
    expect(() => nextAlertStatus('dismissed', 'dismissed')).toThrow(InvalidTransitionError);
    expect(() => nextAlertStatus('list_removed', 'confirmed')).toThrow(InvalidTransitionError);
  });
});
