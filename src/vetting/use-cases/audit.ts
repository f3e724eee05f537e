/**
 * The audit log as auditors use it: verify the whole chain, page through the entries, and the
 * yearly statistics (aggregates only: no names, no evidence).
 */

import { ValidationError } from '../../shared/errors.js';
import { requirePermission } from '../access.js';
import { verifyAuditChain } from '../audit/hash-chain.js';
import type { StatisticsRow, VettingRepository } from '../ports.js';
import { computeStatistics, type StatisticsReport } from '../statistics.js';
import type { Actor, AuditEntry, AuditVerification } from '../types.js';
import { nowIso, type UseCaseDeps } from './context.js';

const VERIFY_PAGE = 5_000;
export const MAX_AUDIT_PAGE = 1_000;

/**
 * Verifies the chain from entry 1 to the head. Runs on one snapshot (`readConsistent`), so
 * entries appended while it reads neither look like a forged tail nor hide one.
 */
export async function verifyAudit(
  deps: UseCaseDeps,
  actor: Actor | 'cli',
): Promise<AuditVerification> {
  if (actor !== 'cli') requirePermission(actor, 'audit.read');
  return deps.store.readConsistent(async (tx) =>
    verifyAuditChain(pagedEntries(tx), await tx.auditHead()),
  );
}

async function* pagedEntries(tx: VettingRepository): AsyncIterable<AuditEntry> {
  let after = 0;
  for (;;) {
    const page = await tx.auditEntries(after, VERIFY_PAGE);
    yield* page;
    if (page.length < VERIFY_PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}

export async function auditLog(
  deps: UseCaseDeps,
  actor: Actor,
  afterSeq: number,
  limit: number,
): Promise<AuditEntry[]> {
  requirePermission(actor, 'audit.read');
  if (!Number.isInteger(afterSeq) || afterSeq < 0) {
    throw new ValidationError('after must be a whole number ≥ 0', 'after');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    throw new ValidationError(`limit must be 1 to ${MAX_AUDIT_PAGE}`, 'limit');
  }
  return deps.store.auditEntries(afterSeq, limit);
}

export async function statistics(
  deps: UseCaseDeps,
  actor: Actor | 'cli',
  year: number,
): Promise<StatisticsReport> {
  if (actor !== 'cli') requirePermission(actor, 'statistics.read');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new ValidationError('year must be a whole number from 2000 to 2100', 'year');
  }
  const rows: AsyncIterable<StatisticsRow> = deps.store.statisticsRows(
    `${year}-01-01T00:00:00.000Z`,
    `${year + 1}-01-01T00:00:00.000Z`,
  );
  return computeStatistics(rows, year, nowIso(deps));
}
