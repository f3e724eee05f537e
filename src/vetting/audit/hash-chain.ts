/**
 * The audit log's hash chain. Each entry's hash covers the previous entry's hash and its own
 * canonical content, so changing, inserting, deleting or reordering any row breaks the chain at
 * that row; the head (last seq and hash, stored beside the log) catches a deleted tail, which the
 * chain alone cannot. Verification streams: the log can hold millions of entries.
 */
import { canonicalJson } from '../../shared/canonical-json.js';
import { sha256Hex } from '../../shared/sha256.js';
import type { AuditEntry, AuditRecord, AuditVerification } from '../types.js';

/** The `prevHash` of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * sha256 hex of `prevHash + '\n' + canonical JSON of the record`. Only the record's own fields are
 * hashed (an `AuditEntry` passed here has its stored `prevHash`/`hash` left out), so the store and
 * the verifier compute the same bytes.
 */
export function auditHash(prevHash: string, record: AuditRecord): string {
  const content = canonicalJson({
    seq: record.seq,
    at: record.at,
    actor: record.actor,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    details: record.details,
  });
  return sha256Hex(`${prevHash}\n${content}`);
}

/** Why an entry fails verification, worded for the auditor who reads `first_bad`. */
export const AUDIT_FAILURES = Object.freeze({
  changed: 'entry changed: hash does not match its content',
  missing: 'entry missing before this one',
  inserted: 'entry inserted: prev_hash does not match',
  outOfOrder: (seq: number, previous: number) =>
    `entry out of order: seq ${seq} comes after seq ${previous}`,
  tail: (lastSeq: number, headSeq: number) =>
    `log ends at seq ${lastSeq} but the head says ${headSeq}`,
  noHead: (lastSeq: number) => `log ends at seq ${lastSeq} but there is no head`,
  headHash: (seq: number) => `the head's hash does not match entry ${seq}`,
});

type FirstBad = NonNullable<AuditVerification['firstBad']>;

/**
 * Verifies entries given in `seq` order against each other and against the head. Checks, per
 * entry: `seq` is the previous one + 1 (the first is 1), `prevHash` is the previous entry's hash
 * (`GENESIS_HASH` for the first), and `hash` is `auditHash(prevHash, entry)`. Reports the first
 * entry that fails and why; `entries` counts every entry read (reading goes on to the end).
 */
export async function verifyAuditChain(
  entries: Iterable<AuditEntry> | AsyncIterable<AuditEntry>,
  head: { readonly seq: number; readonly hash: string } | null,
): Promise<AuditVerification> {
  let count = 0;
  let lastSeq = 0;
  let lastHash = GENESIS_HASH;
  let firstBad: FirstBad | null = null;
  for await (const entry of entries) {
    count += 1;
    if (firstBad === null) {
      firstBad = checkEntry(entry, lastSeq, lastHash);
      lastSeq = entry.seq;
      lastHash = entry.hash;
    }
  }
  firstBad ??= checkHead(head, lastSeq, lastHash);
  return { ok: firstBad === null, entries: count, firstBad };
}

function checkEntry(entry: AuditEntry, lastSeq: number, lastHash: string): FirstBad | null {
  if (entry.seq > lastSeq + 1) return { seq: entry.seq, reason: AUDIT_FAILURES.missing };
  if (entry.seq <= lastSeq) {
    return { seq: entry.seq, reason: AUDIT_FAILURES.outOfOrder(entry.seq, lastSeq) };
  }
  if (entry.prevHash !== lastHash) return { seq: entry.seq, reason: AUDIT_FAILURES.inserted };
  if (entry.hash !== auditHash(entry.prevHash, entry)) {
    return { seq: entry.seq, reason: AUDIT_FAILURES.changed };
  }
  return null;
}

/**
 * The head must name the last entry. A head ahead of the log means entries were deleted from its
 * end; a head behind it means entries were appended without going through the store.
 */
function checkHead(
  head: { readonly seq: number; readonly hash: string } | null,
  lastSeq: number,
  lastHash: string,
): FirstBad | null {
  if (head === null) {
    // As a head at seq 0: every entry lies beyond it.
    return lastSeq === 0 ? null : { seq: 1, reason: AUDIT_FAILURES.noHead(lastSeq) };
  }
  if (head.seq !== lastSeq) {
    return { seq: Math.min(head.seq, lastSeq) + 1, reason: AUDIT_FAILURES.tail(lastSeq, head.seq) };
  }
  if (head.hash !== lastHash) return { seq: lastSeq, reason: AUDIT_FAILURES.headHash(lastSeq) };
  return null;
}
