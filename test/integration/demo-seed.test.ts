/**
 * `seedYear` on both store drivers: 300 synthetic requests through the real submission checks,
 * the real triage against the real UN list, and the real proposal, decision and sign-off use
 * cases with real argon2 users, then the statistics of the year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importList } from '../../src/lists/import-list.js';
import type { MatchService } from '../../src/screening/match-service.js';
import { type Clock, fixedClock, systemClock } from '../../src/shared/clock.js';
import { ConflictError, ValidationError } from '../../src/shared/errors.js';
import type { DbHandle } from '../../src/store/db.js';
import { ListRepository } from '../../src/store/list-repository.js';
import { DIALECTS, openTestDb } from '../../src/store/testing.js';
import { VettingRepositoryStore } from '../../src/store/vetting-repository.js';
import { argon2Hasher } from '../../src/vetting/argon2-hasher.js';
import { createVettingService } from '../../src/vetting/create-service.js';
import { DEFAULT_RATES } from '../../src/vetting/demo/generate-year.js';
import {
  DEMO_AGENCY,
  type SeedDeps,
  type SeedSummary,
  seedYear,
} from '../../src/vetting/demo/seed-year.js';
import { DEFAULT_SLA_POLICY } from '../../src/vetting/sla.js';
import type { StatisticsReport } from '../../src/vetting/statistics.js';
import { DEFAULT_RISK_RULES } from '../../src/vetting/triage/index.js';
import type { VettingCase } from '../../src/vetting/types.js';
import { sharedData } from '../support/shared-data.js';

const YEAR = 2025;
const COUNT = 300;
/** More planted hits than the real year's rates, so 300 requests hold several of each. */
const RATES = { ...DEFAULT_RATES, listPerson: 0.03, designatedEmployer: 0.03 };
const hasher = argon2Hasher({ memoryCost: 4_096, timeCost: 1, parallelism: 1 });

async function openSeeded(dialect: (typeof DIALECTS)[number]) {
  const db = await openTestDb(dialect);
  const lists = new ListRepository(db);
  await importList(
    { store: lists, clock: systemClock },
    { dataset: 'un', path: sharedData('lists', 'un', '2026-02-27.xml') },
  );
  const store = new VettingRepositoryStore(db);
  const deps: SeedDeps = {
    store,
    lists,
    sla: DEFAULT_SLA_POLICY,
    clock: fixedClock('2026-06-01T00:00:00.000Z'),
    serviceWith: ({ clock, screening }: { clock: Clock; screening: MatchService }) =>
      createVettingService({
        store,
        hasher,
        clock,
        screening: () => screening,
        webhook: null,
        config: { sla: DEFAULT_SLA_POLICY, rules: DEFAULT_RISK_RULES, webhookSecret: null },
      }),
  };
  return { db, store, deps };
}

async function allCases(store: VettingRepositoryStore): Promise<VettingCase[]> {
  const out: VettingCase[] = [];
  for (;;) {
    const page = await store.listCases({
      limit: 200,
      ...(out.length === 0 ? {} : { after: out[out.length - 1]!.id }),
    });
    out.push(...page);
    if (page.length < 200) return out;
  }
}

describe.each(DIALECTS)('seedYear on %s', (dialect) => {
  let db: DbHandle;
  let store: VettingRepositoryStore;
  let deps: SeedDeps;
  let summary: SeedSummary;
  let report: StatisticsReport;
  let cases: VettingCase[];

  beforeAll(async () => {
    ({ db, store, deps } = await openSeeded(dialect));
    summary = await seedYear(deps, { count: COUNT, seed: 7, year: YEAR, rates: RATES });
    report = await deps
      .serviceWith({ clock: deps.clock, screening: null as unknown as MatchService })
      .statistics('cli', YEAR);
    cases = await allCases(store);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('submits and triages every request of the year', () => {
    expect(summary.submitted).toBe(COUNT);
    const { flagged, qaSample, clean } = summary.triage;
    expect(flagged + qaSample + clean).toBe(COUNT);
    expect(cases).toHaveLength(COUNT);
    expect(cases.every((item) => item.agency === DEMO_AGENCY.code)).toBe(true);
    expect(cases.every((item) => item.status !== 'new' && item.triage !== null)).toBe(true);
    expect(report.assessments).toBe(COUNT);
    expect(report.flagged).toBe(flagged);
  });

  it('finds the planted listed persons and employers, and concludes threats on them', () => {
    const { planted } = summary;
    expect(planted.listPersons).toBeGreaterThan(3);
    expect(planted.listedEmployers).toBeGreaterThan(3);
    expect(planted.listPersonsFlagged / planted.listPersons).toBeGreaterThan(0.8);
    expect(planted.listedEmployersFlagged).toBe(planted.listedEmployers);
    expect(report.threats).toBeGreaterThan(planted.listPersons);
    const threats = cases.filter((item) => item.conclusion === 'threat');
    expect(threats).toHaveLength(report.threats);
    for (const item of threats) {
      expect(item.triage?.routing).toBe('flagged');
      expect(item.proposal?.reasoning).not.toBe('');
    }
  });

  it('concludes with four eyes: an analyst proposes, a different supervisor decides', () => {
    const concluded = cases.filter((item) => item.conclusion !== null);
    expect(concluded).toHaveLength(summary.approved + summary.signedOff);
    expect(concluded.length).toBe(report.concluded);
    for (const item of concluded) {
      expect(item.approval?.decision).toBe('approve');
      expect(item.approval?.decidedBy).toMatch(/^user:demo\.supervisor[12]$/u);
      expect(item.approval?.decidedByUserId).not.toBe(item.proposal?.proposedByUserId);
      if (item.triage?.routing === 'clean') {
        expect(item.proposal?.proposedBy).toBe('system:triage');
      } else {
        expect(item.proposal?.proposedBy).toMatch(/^user:demo\.analyst[123]$/u);
      }
    }
    // Some first proposals went back to the analyst, and came back for approval.
    expect(summary.proposals.returned).toBeGreaterThan(0);
  });

  it('spreads processing times over the SLA, with some breaches and some cases still open', () => {
    expect(report.processingDays.median).toBeGreaterThan(0);
    expect(report.processingDays.p95!).toBeGreaterThan(report.processingDays.median!);
    expect(report.slaBreaches).toBeGreaterThan(0);
    expect(summary.open).toBe(COUNT - report.concluded);
    for (const item of cases) {
      if (item.concludedAt !== null) {
        expect(item.concludedAt < `${YEAR + 1}-01-01`).toBe(true);
        expect(item.concludedAt > item.submittedAt).toBe(true);
      }
    }
  });

  it('leaves an intact audit chain, and refuses to seed the same year and seed twice', async () => {
    const service = deps.serviceWith({
      clock: deps.clock,
      screening: null as unknown as MatchService,
    });
    const verified = await service.verifyAudit('cli');
    expect(verified).toMatchObject({ ok: true, firstBad: null });
    expect(verified.entries).toBeGreaterThan(COUNT * 2);
    await expect(seedYear(deps, { count: 10, seed: 7, year: YEAR })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(seedYear(deps, { count: 10, seed: 7, year: 2026 })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it.runIf(dialect === 'pglite')('replays the same year for the same seed', async () => {
    const again = await openSeeded(dialect);
    try {
      const second = await seedYear(again.deps, {
        count: COUNT,
        seed: 7,
        year: YEAR,
        rates: RATES,
      });
      expect({ ...second, ms: null }).toEqual({ ...summary, ms: null });
      const secondCases = await allCases(again.store);
      const outcome = (items: VettingCase[]) =>
        items.map((item) => [item.id, item.status, item.conclusion, item.concludedAt]);
      expect(outcome(secondCases)).toEqual(outcome(cases));
    } finally {
      await again.db.close();
    }
  });
});
