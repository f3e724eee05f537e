import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditRecord } from '../types.js';
import { AUDIT_FAILURES, auditHash, GENESIS_HASH, verifyAuditChain } from './hash-chain.js';

const ACTIONS = ['case.read', 'case.proposed', 'case.approved', 'watchlist.created', 'user.login'];

function record(seq: number): AuditRecord {
  return {
    seq,
    at: new Date(Date.UTC(2026, 2, 1, 8, 0, seq)).toISOString(),
    actor: seq % 3 === 0 ? 'system:triage' : `user:analyst${seq % 4}`,
    action: ACTIONS[seq % ACTIONS.length] as string,
    objectType: 'case',
    objectId: `case-${seq % 17}`,
    details: { note: `Заметка ${seq}`, flags: [seq % 2 === 0, null], score: seq / 7 },
  };
}

/** A chain built the way the store appends: each entry linked to the previous hash. */
function chain(length: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const entry = { ...record(seq), prevHash, hash: auditHash(prevHash, record(seq)) };
    out.push(entry);
    prevHash = entry.hash;
  }
  return out;
}

function headOf(entries: readonly AuditEntry[]) {
  const last = entries[entries.length - 1];
  return last === undefined ? null : { seq: last.seq, hash: last.hash };
}

async function* streamed(entries: readonly AuditEntry[]): AsyncIterable<AuditEntry> {
  for (const entry of entries) yield entry;
}

describe('auditHash', () => {
  it('hashes the previous hash, a newline and the canonical record', () => {
    const entry: AuditRecord = {
      seq: 1,
      at: '2026-03-01T08:00:00.000Z',
      actor: 'user:alice',
      action: 'case.read',
      objectType: 'case',
      objectId: 'c1',
      details: { z: 1, a: ['ё', true] },
    };
    const text =
      `${'0'.repeat(64)}\n` +
      '{"action":"case.read","actor":"user:alice","at":"2026-03-01T08:00:00.000Z",' +
      '"details":{"a":["ё",true],"z":1},"objectId":"c1","objectType":"case","seq":1}';
    expect(auditHash(GENESIS_HASH, entry)).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('ignores the stored hashes of an entry passed in', () => {
    const [entry] = chain(1) as [AuditEntry];
    expect(auditHash(GENESIS_HASH, entry)).toBe(entry.hash);
    const storedOtherwise: AuditEntry = { ...entry, hash: 'x', prevHash: 'y' };
    expect(auditHash(GENESIS_HASH, storedOtherwise)).toBe(entry.hash);
  });
});

describe('verifyAuditChain', () => {
  const intact = chain(300);

  it('accepts an intact chain of a few hundred entries, listed or streamed', async () => {
    const expected = { ok: true, entries: 300, firstBad: null };
    expect(await verifyAuditChain(intact, headOf(intact))).toEqual(expected);
    expect(await verifyAuditChain(streamed(intact), headOf(intact))).toEqual(expected);
  });

  it('accepts an empty log without a head', async () => {
    expect(await verifyAuditChain([], null)).toEqual({ ok: true, entries: 0, firstBad: null });
  });

  it('detects a changed field', async () => {
    const tampered = intact.map((entry) =>
      entry.seq === 120 ? { ...entry, actor: 'user:someone_else' } : entry,
    );
    expect(await verifyAuditChain(tampered, headOf(intact))).toEqual({
      ok: false,
      entries: 300,
      firstBad: { seq: 120, reason: AUDIT_FAILURES.changed },
    });
  });

  it('detects changed details', async () => {
    const tampered = intact.map((entry) =>
      entry.seq === 7 ? { ...entry, details: { note: 'Заметка 7', flags: [false, null] } } : entry,
    );
    const result = await verifyAuditChain(tampered, headOf(intact));
    expect(result.firstBad).toEqual({
      seq: 7,
      reason: 'entry changed: hash does not match its content',
    });
  });

  it('detects a changed entry whose own hash was recomputed: the next link breaks', async () => {
    const tampered = intact.map((entry) => {
      if (entry.seq !== 50) return entry;
      const forged = { ...entry, action: 'case.noted' };
      return { ...forged, hash: auditHash(forged.prevHash, forged) };
    });
    const result = await verifyAuditChain(tampered, headOf(intact));
    expect(result.firstBad).toEqual({ seq: 51, reason: AUDIT_FAILURES.inserted });
  });

  it('detects an inserted row with a made-up link', async () => {
    const forged: AuditEntry = {
      ...record(61),
      action: 'case.approved',
      prevHash: 'f'.repeat(64),
      hash: auditHash('f'.repeat(64), record(61)),
    };
    const tampered = [
      ...intact.slice(0, 60),
      forged,
      ...intact.slice(60).map((entry) => ({ ...entry, seq: entry.seq + 1 })),
    ];
    const result = await verifyAuditChain(tampered, { seq: 301, hash: intact[299]!.hash });
    expect(result).toEqual({
      ok: false,
      entries: 301,
      firstBad: { seq: 61, reason: 'entry inserted: prev_hash does not match' },
    });
  });

  it('detects an inserted row linked correctly: the row after it no longer links', async () => {
    const forgedRecord = { ...record(61), action: 'case.approved' };
    const forged = {
      ...forgedRecord,
      prevHash: intact[59]!.hash,
      hash: auditHash(intact[59]!.hash, forgedRecord),
    };
    const tampered = [
      ...intact.slice(0, 60),
      forged,
      ...intact.slice(60).map((entry) => ({ ...entry, seq: entry.seq + 1 })),
    ];
    const result = await verifyAuditChain(tampered, { seq: 301, hash: intact[299]!.hash });
    expect(result.firstBad).toEqual({ seq: 62, reason: AUDIT_FAILURES.inserted });
  });

  it('detects a deleted row in the middle', async () => {
    const tampered = intact.filter((entry) => entry.seq !== 200);
    expect(await verifyAuditChain(tampered, headOf(intact))).toEqual({
      ok: false,
      entries: 299,
      firstBad: { seq: 201, reason: 'entry missing before this one' },
    });
  });

  it('detects a deleted first row', async () => {
    const result = await verifyAuditChain(intact.slice(1), headOf(intact));
    expect(result.firstBad).toEqual({ seq: 2, reason: AUDIT_FAILURES.missing });
  });

  it('detects a deleted last row through the head', async () => {
    const tampered = intact.slice(0, 299);
    expect(await verifyAuditChain(tampered, headOf(intact))).toEqual({
      ok: false,
      entries: 299,
      firstBad: { seq: 300, reason: 'log ends at seq 299 but the head says 300' },
    });
  });

  it('detects a deleted tail of several rows, and a whole log deleted', async () => {
    expect((await verifyAuditChain(intact.slice(0, 250), headOf(intact))).firstBad).toEqual({
      seq: 251,
      reason: 'log ends at seq 250 but the head says 300',
    });
    expect((await verifyAuditChain([], headOf(intact))).firstBad).toEqual({
      seq: 1,
      reason: 'log ends at seq 0 but the head says 300',
    });
  });

  it('detects rows appended behind the head, and a deleted head', async () => {
    expect((await verifyAuditChain(intact, headOf(intact.slice(0, 298)))).firstBad).toEqual({
      seq: 299,
      reason: 'log ends at seq 300 but the head says 298',
    });
    expect((await verifyAuditChain(intact, null)).firstBad).toEqual({
      seq: 1,
      reason: 'log ends at seq 300 but there is no head',
    });
  });

  it('detects a head whose hash is not the last entry', async () => {
    const result = await verifyAuditChain(intact, { seq: 300, hash: intact[298]!.hash });
    expect(result.firstBad).toEqual({ seq: 300, reason: AUDIT_FAILURES.headHash(300) });
  });

  it('detects reordered rows (two rows swapped seq numbers)', async () => {
    const tampered = intact.map((entry) => {
      if (entry.seq === 40) return { ...intact[40]!, seq: 40 };
      if (entry.seq === 41) return { ...intact[39]!, seq: 41 };
      return entry;
    });
    const result = await verifyAuditChain(tampered, headOf(intact));
    expect(result.firstBad).toEqual({ seq: 40, reason: AUDIT_FAILURES.inserted });
  });

  it('detects rows delivered out of order', async () => {
    const moved = [...intact.slice(0, 10), intact[11]!, intact[10]!, ...intact.slice(12)];
    expect((await verifyAuditChain(moved, headOf(intact))).firstBad).toEqual({
      seq: 12,
      reason: AUDIT_FAILURES.missing,
    });
    const repeated = [...intact.slice(0, 10), intact[9]!, ...intact.slice(10)];
    expect((await verifyAuditChain(repeated, headOf(intact))).firstBad).toEqual({
      seq: 10,
      reason: 'entry out of order: seq 10 comes after seq 10',
    });
  });

  it('names only the first bad entry and still counts all', async () => {
    const tampered = intact
      .filter((entry) => entry.seq !== 250)
      .map((entry) => (entry.seq === 30 ? { ...entry, objectId: 'case-x' } : entry));
    expect(await verifyAuditChain(streamed(tampered), headOf(intact))).toEqual({
      ok: false,
      entries: 299,
      firstBad: { seq: 30, reason: AUDIT_FAILURES.changed },
    });
  });
});
