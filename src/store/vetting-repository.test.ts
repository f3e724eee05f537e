import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../shared/canonical-json.js';
import { ConflictError } from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import { GENESIS_HASH, verifyAuditChain } from '../vetting/audit/hash-chain.js';
import { TRANSITION_PAIRS } from '../vetting/case-status.js';
import type { StatisticsRow } from '../vetting/ports.js';
import type { VettingCase } from '../vetting/types.js';
import { newCase } from '../vetting/use-cases/assessments.js';
import { type DbHandle, sqlState } from './db.js';
import { DIALECTS, openTestDb } from './testing.js';
import { VettingRepositoryStore } from './vetting-repository.js';

/** A well-formed PHC string; the repository stores hashes, it never computes them. */
const SOME_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';
const T0 = '2026-03-02T09:00:00.000Z';

function minutesAfter(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

function makeCase(overrides: Partial<VettingCase> = {}): VettingCase {
  return {
    ...newCase({
      id: randomUUID(),
      request: {
        externalId: `ext-${randomUUID()}`,
        permitType: 'work_permit',
        applicant: {
          names: ['Quorvel Vrilhaven', 'Кворвел Врилхавен'],
          birthDate: '1980-04-02',
          citizenship: ['BY'],
          passportNumber: null,
          employment: [],
        },
      },
      agency: 'migri',
      submittedBy: 'user:officer',
      submittedAt: T0,
      deadline: minutesAfter(T0, 20 * 24 * 60),
    }),
    ...overrides,
  };
}

describe.each(DIALECTS)('vetting repository on %s', (dialect) => {
  let db: DbHandle;
  let store: VettingRepositoryStore;

  beforeAll(async () => {
    db = await openTestDb(dialect);
    store = new VettingRepositoryStore(db);
    await store.upsertAgency({ code: 'migri', name: 'Migration Service', webhookUrl: null });
    await store.upsertAgency({ code: 'other', name: 'Other Agency', webhookUrl: null });
  });
  afterAll(async () => {
    await db?.close();
  });

  describe('schema', () => {
    it('allows exactly the status changes of TRANSITIONS (case-status.ts)', async () => {
      const rows = await db.query<{ from_status: string; to_status: string }>(
        'SELECT from_status, to_status FROM case_transitions ORDER BY 1, 2',
      );
      const sql = rows.map((row) => `${row.from_status}->${row.to_status}`);
      const domain = TRANSITION_PAIRS.map(([from, to]) => `${from}->${to}`).sort();
      expect(sql).toEqual(domain);
    });

    it('refuses an illegal status change made by raw SQL, and allows a legal one', async () => {
      const item = makeCase();
      await store.insertCase(item);
      const error = await db
        .query(`UPDATE cases SET status = 'in_review' WHERE id = $1`, [item.id])
        .catch((caught: unknown) => caught);
      expect(sqlState(error)).toBe('23514');
      expect(String(error)).toMatch(/cannot change from new to in_review/);
      await db.query(
        `UPDATE cases SET status = 'triaged', triage = '{}', routing = 'flagged' WHERE id = $1`,
        [item.id],
      );
      expect((await store.caseById(item.id))?.status).toBe('triaged');
    });

    it('refuses a conclusion without an approving decision by another person', async () => {
      const proposal = {
        conclusion: 'threat',
        reasoning: 'r',
        proposedBy: 'user:ann',
        proposedByUserId: 7,
        proposedAt: T0,
      };
      const item = makeCase({
        status: 'proposed',
        triage: {
          at: T0,
          screenedAgainst: [],
          hits: [],
          indicators: [],
          routing: 'flagged',
          reasons: [],
        },
        proposal: { ...proposal, conclusion: 'threat' },
      });
      await store.insertCase(item);
      const selfApproval = {
        decision: 'approve',
        comment: '',
        decidedBy: 'user:ann',
        decidedByUserId: 7,
        decidedAt: T0,
      };
      const error = await db
        .query(
          `UPDATE cases SET status = 'approved', conclusion = 'threat', concluded_at = $2,
                  approval = $3::jsonb WHERE id = $1`,
          [item.id, T0, JSON.stringify(selfApproval)],
        )
        .catch((caught: unknown) => caught);
      expect(sqlState(error)).toBe('23514');
      expect(String(error)).toMatch(/cases_four_eyes/);
    });

    it('requires an agency for a migration officer', async () => {
      const error = await db
        .query(
          `INSERT INTO users (username, password_hash, roles, created_at)
           VALUES ('lonely', $1, ARRAY['migration_officer'], now())`,
          [SOME_HASH],
        )
        .catch((caught: unknown) => caught);
      expect(sqlState(error)).toBe('23514');
    });
  });

  describe('users and sessions', () => {
    it('stores users, refuses a taken username, finds sessions and API keys', async () => {
      const officer = await store.insertUser({
        username: 'officer.one',
        passwordHash: SOME_HASH,
        roles: ['migration_officer'],
        agency: 'migri',
        createdAt: T0,
      });
      expect(officer).toMatchObject({
        username: 'officer.one',
        roles: ['migration_officer'],
        agency: 'migri',
        active: true,
        createdAt: T0,
      });
      await expect(
        store.insertUser({
          username: 'officer.one',
          passwordHash: SOME_HASH,
          roles: ['analyst'],
          agency: null,
          createdAt: T0,
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.userByUsername('officer.one'))?.passwordHash).toBe(SOME_HASH);

      const tokenHash = sha256Hex('token');
      await store.insertSession({
        tokenHash,
        userId: officer.id,
        createdAt: T0,
        expiresAt: minutesAfter(T0, 60),
      });
      expect((await store.sessionUser(tokenHash, minutesAfter(T0, 59)))?.id).toBe(officer.id);
      expect(await store.sessionUser(tokenHash, minutesAfter(T0, 61))).toBeNull();

      const keyHash = sha256Hex('sargas_key');
      await db.query(
        `INSERT INTO api_keys (name, prefix, key_hash, scopes, created_at, user_id)
         VALUES ('migri system', 'sargas_k', $1, ARRAY['match'], now(), $2)`,
        [keyHash, officer.id],
      );
      expect((await store.apiKeyUser(keyHash))?.username).toBe('officer.one');

      expect(await store.setUserActive(officer.id, false)).toBe(true);
      expect(await store.sessionUser(tokenHash, minutesAfter(T0, 30))).toBeNull();
      expect(await store.apiKeyUser(keyHash)).toBeNull();
      await store.setUserActive(officer.id, true);
      await store.deleteSession(tokenHash);
      expect(await store.sessionUser(tokenHash, minutesAfter(T0, 30))).toBeNull();
    });
  });

  describe('cases', () => {
    it('inserts a case once per (agency, external id), and reads it back unchanged', async () => {
      const item = makeCase({ externalId: 'A-1' });
      expect(await store.insertCase(item)).toEqual(item);
      expect(await store.insertCase(makeCase({ externalId: 'A-1' }))).toBeNull();
      // The same external id at another agency is another request.
      expect(
        await store.insertCase(makeCase({ externalId: 'A-1', agency: 'other' })),
      ).not.toBeNull();
      expect(await store.caseByExternalId('migri', 'A-1')).toEqual(item);
      expect(await store.caseById('not-a-uuid')).toBeNull();
    });

    it('refuses an update from a stale revision with a ConflictError', async () => {
      const item = makeCase();
      await store.insertCase(item);
      const triaged: VettingCase = {
        ...item,
        status: 'triaged',
        triage: {
          at: T0,
          screenedAgainst: ['eu@1'],
          hits: [],
          indicators: [],
          routing: 'flagged',
          reasons: ['x'],
        },
        revision: 1,
      };
      await store.updateCase(triaged, 0);
      expect(await store.caseById(item.id)).toEqual(triaged);
      await expect(store.updateCase({ ...triaged, revision: 1 }, 0)).rejects.toBeInstanceOf(
        ConflictError,
      );
    });

    it('lists by status, assignee and overdue, in submission order with keyset paging', async () => {
      const analyst = await store.insertUser({
        username: 'analyst.list',
        passwordHash: SOME_HASH,
        roles: ['analyst'],
        agency: null,
        createdAt: T0,
      });
      await store.upsertAgency({ code: 'listing', name: 'Listing', webhookUrl: null });
      const base = '2025-01-10T08:00:00.000Z';
      const cases = [0, 1, 2, 3].map((i) =>
        makeCase({
          agency: 'listing',
          submittedAt: minutesAfter(base, i),
          deadline: minutesAfter(base, 60 + i),
        }),
      );
      for (const item of cases) await store.insertCase(item);
      const filter = { agency: 'listing', status: 'new' as const };
      const all = await store.listCases(filter);
      expect(all.map((item) => item.id)).toEqual(cases.map((item) => item.id));
      const page = await store.listCases({ ...filter, limit: 2, after: cases[1]!.id });
      expect(page.map((item) => item.id)).toEqual([cases[2]!.id, cases[3]!.id]);
      expect(await store.countCases(filter)).toBe(4);
      const overdue = await store.listCases({ ...filter, overdueAt: minutesAfter(base, 61.5) });
      expect(overdue.map((item) => item.id)).toEqual([cases[0]!.id, cases[1]!.id]);

      const first = cases[0]!;
      await store.updateCase(
        {
          ...first,
          status: 'triaged',
          triage: {
            at: T0,
            screenedAgainst: [],
            hits: [],
            indicators: [],
            routing: 'flagged',
            reasons: [],
          },
          revision: 1,
        },
        0,
      );
      const stored = (await store.caseById(first.id))!;
      await store.updateCase(
        { ...stored, status: 'in_review', assigneeUserId: analyst.id, revision: 2 },
        1,
      );
      const mine = await store.listCases({ assigneeUserId: analyst.id });
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ assignee: 'analyst.list', status: 'in_review' });
    });

    it('claims new cases with SKIP LOCKED: two transactions never take the same case', async () => {
      const agency = 'claims';
      await store.upsertAgency({ code: agency, name: 'Claims', webhookUrl: null });
      const cases = [0, 1, 2, 3].map((i) =>
        makeCase({ agency, submittedAt: minutesAfter('2020-01-01T00:00:00.000Z', i) }),
      );
      for (const item of cases) await store.insertCase(item);
      await store.transaction(async (first) => {
        const taken = await first.claimCases('new', 2);
        expect(taken.map((item) => item.id)).toEqual([cases[0]!.id, cases[1]!.id]);
        if (dialect === 'postgres') {
          // A second connection, while the first still holds its two rows.
          const others = await store.transaction((second) => second.claimCases('new', 2));
          expect(others.map((item) => item.id)).toEqual([cases[2]!.id, cases[3]!.id]);
        }
      });
    });

    it('keeps events, notes and evidence per case in order', async () => {
      const item = makeCase();
      await store.insertCase(item);
      const event = await store.insertEvent({
        caseId: item.id,
        at: T0,
        actor: 'user:a',
        kind: 'submitted',
        fromStatus: null,
        toStatus: 'new',
        details: { note: 'Ünïcödé ✓' },
      });
      expect(event).toMatchObject({ caseId: item.id, at: T0, details: { note: 'Ünïcödé ✓' } });
      await store.insertNote({ caseId: item.id, author: 'user:a', at: T0, text: 'first' });
      await store.insertNote({ caseId: item.id, author: 'user:b', at: T0, text: 'second' });
      expect((await store.caseNotes(item.id)).map((note) => note.text)).toEqual([
        'first',
        'second',
      ]);
      const evidence = await store.insertEvidence({
        caseId: item.id,
        addedBy: 'user:a',
        at: T0,
        title: 'report',
        content: 'text',
        classification: 'secret',
      });
      expect(await store.caseEvidence(item.id)).toEqual([evidence]);
      expect(await store.caseEvents(item.id)).toEqual([event]);
    });
  });

  describe('watchlist', () => {
    it('bumps the revision on every write, soft-deletes, and filters by classification', async () => {
      const r0 = await store.watchlistRevision();
      const entry = await store.insertWatchlist(
        {
          schema: 'Person',
          names: ['Ivan Testovich'],
          birthDate: '1970',
          countries: ['BY'],
          reason: 'reason',
          classification: 'secret',
        },
        'user:sup',
        T0,
      );
      const open = await store.insertWatchlist(
        {
          schema: 'Organization',
          names: ['Open Org'],
          birthDate: null,
          countries: [],
          reason: 'reason',
          classification: 'unclassified',
        },
        'user:sup',
        T0,
      );
      expect(await store.watchlistRevision()).toBe(r0 + 2);
      expect(
        (await store.listWatchlist({ maxClassification: 'restricted' })).map((e) => e.id),
      ).toEqual([open.id]);
      const updated = await store.updateWatchlist(
        entry.id,
        { ...entry, names: ['Ivan Testovich', 'Иван Тестович'] },
        minutesAfter(T0, 1),
      );
      expect(updated?.names).toEqual(['Ivan Testovich', 'Иван Тестович']);
      expect(await store.deleteWatchlist(entry.id, minutesAfter(T0, 2))).toBe(true);
      expect(await store.deleteWatchlist(entry.id, minutesAfter(T0, 3))).toBe(false);
      expect(await store.watchlistEntry(entry.id)).toBeNull();
      expect(await store.watchlistRevision()).toBeGreaterThanOrEqual(r0 + 4);
      const kept = await db.query('SELECT id FROM watchlist WHERE id = $1', [entry.id]);
      expect(kept).toHaveLength(1);
    });
  });

  describe('audit log', () => {
    const details: JsonValue = {
      nested: { z: [1, 2.5, -0.001, 1e21, 123456789012345], a: { deep: [null, true, false] } },
      unicode: 'Лукашэнка — Łukaszenka ✓ 𝔘',
      big: 9007199254740991,
      small: 5e-7,
      text: 'quote " backslash \\ newline \n tab \t',
    };

    it('appends a gapless chain whose entries read back to the same hashes', async () => {
      const first = await store.appendAudit(
        { actor: 'user:a', action: 'case.read', objectType: 'case', objectId: '1', details },
        '2026-03-02T09:00:00.123Z',
      );
      expect(first.seq).toBe(1);
      expect(first.prevHash).toBe(GENESIS_HASH);
      const second = await store.transaction((tx) =>
        tx.appendAudit(
          { actor: 'user:b', action: 'case.read', objectType: 'case', objectId: '2', details: {} },
          T0,
        ),
      );
      expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
      const stored = await store.auditEntries(0, 10);
      expect(stored).toEqual([first, second]);
      expect(canonicalJson(stored[0]!.details)).toBe(canonicalJson(details));
      expect(stored[0]!.at).toBe('2026-03-02T09:00:00.123Z');
      expect(await store.auditHead()).toEqual({ seq: 2, hash: second.hash });
      expect(await verifyAuditChain(stored, await store.auditHead())).toMatchObject({ ok: true });
    });

    it('serialises concurrent appends: no gap, no fork', async () => {
      const before = (await store.auditHead())?.seq ?? 0;
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          i % 2 === 0
            ? store.appendAudit(
                {
                  actor: 'system:triage',
                  action: 'x',
                  objectType: 'case',
                  objectId: String(i),
                  details: {},
                },
                T0,
              )
            : store.transaction((tx) =>
                tx.appendAudit(
                  {
                    actor: 'system:triage',
                    action: 'y',
                    objectType: 'case',
                    objectId: String(i),
                    details: {},
                  },
                  T0,
                ),
              ),
        ),
      );
      const entries = await store.auditEntries(0, 1000);
      expect(entries.map((entry) => entry.seq)).toEqual(
        Array.from({ length: before + 12 }, (_, i) => i + 1),
      );
      expect(await verifyAuditChain(entries, await store.auditHead())).toMatchObject({ ok: true });
    });

    it('chains several appends made in one transaction', async () => {
      const head = (await store.auditHead())!;
      const appended = await store.transaction(async (tx) => [
        await tx.appendAudit(
          {
            actor: 'system:triage',
            action: 'case.triaged',
            objectType: 'case',
            objectId: 'm',
            details: {},
          },
          T0,
        ),
        await tx.appendAudit(
          {
            actor: 'system:triage',
            action: 'case.proposed',
            objectType: 'case',
            objectId: 'm',
            details: {},
          },
          T0,
        ),
      ]);
      expect(appended.map((entry) => [entry.seq, entry.prevHash])).toEqual([
        [head.seq + 1, head.hash],
        [head.seq + 2, appended[0]!.hash],
      ]);
      expect(await store.auditHead()).toEqual({ seq: head.seq + 2, hash: appended[1]!.hash });
      const entries = await store.auditEntries(0, 1000);
      expect(await verifyAuditChain(entries, await store.auditHead())).toMatchObject({ ok: true });
    });

    it('rolls an append back with its transaction, leaving no gap', async () => {
      const head = await store.auditHead();
      await expect(
        store.transaction(async (tx) => {
          await tx.appendAudit(
            { actor: 'user:a', action: 'z', objectType: 'case', objectId: 'r', details: {} },
            T0,
          );
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await store.auditHead()).toEqual(head);
      const next = await store.appendAudit(
        { actor: 'user:a', action: 'z', objectType: 'case', objectId: 'r', details: {} },
        T0,
      );
      expect(next.seq).toBe(head!.seq + 1);
    });

    it('refuses UPDATE, DELETE and TRUNCATE of audit rows, even for the owner', async () => {
      for (const sql of [
        `UPDATE audit_log SET actor = 'user:mallory' WHERE seq = 1`,
        'DELETE FROM audit_log WHERE seq = 1',
        'TRUNCATE audit_log',
      ]) {
        const error = await db.query(sql).catch((caught: unknown) => caught);
        expect(String(error), sql).toMatch(/append-only/);
      }
      expect((await store.auditEntries(0, 1))[0]?.actor).toBe('user:a');
    });

    it('lets the head only advance one entry at a time', async () => {
      const head = (await store.auditHead())!;
      for (const sql of [
        'UPDATE audit_head SET seq = seq - 1',
        'UPDATE audit_head SET seq = seq + 2',
        'DELETE FROM audit_head',
        'TRUNCATE audit_head',
      ]) {
        const error = await db.query(sql).catch((caught: unknown) => caught);
        expect(String(error), sql).toMatch(/only advances/);
      }
      expect(await store.auditHead()).toEqual(head);
    });

    it('gives the sargas_app role only SELECT and INSERT on audit_log (42501 otherwise)', async () => {
      const entries = await store.auditEntries(0, 1000);
      const attempt = (sql: string, params: unknown[] = []) =>
        db
          .transaction(async (tx) => {
            // Without the trigger, only the missing privilege can stop the statement.
            await tx.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
            await tx.exec('SET LOCAL ROLE sargas_app');
            await tx.query(sql, params);
            throw new Error('rolled back on purpose');
          })
          .catch((caught: unknown) => caught);
      expect(sqlState(await attempt(`UPDATE audit_log SET actor = 'x' WHERE seq = 1`))).toBe(
        '42501',
      );
      expect(sqlState(await attempt('DELETE FROM audit_log WHERE seq = 1'))).toBe('42501');
      const inserted = await attempt(
        `INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, details, prev_hash, hash)
         VALUES (1000000, now(), 'user:a', 'probe', 'case', 'x', '{}', $1, $1)`,
        [GENESIS_HASH],
      );
      expect((inserted as Error).message).toBe('rolled back on purpose');
      const updatedCases = await attempt(`UPDATE cases SET permit_type = permit_type`);
      expect((updatedCases as Error).message).toBe('rolled back on purpose');
      expect(await store.auditEntries(0, 1000)).toEqual(entries);
    });
  });

  describe('deliveries', () => {
    it('claims due deliveries once, retries, and gives up', async () => {
      const item = makeCase();
      await store.insertCase(item);
      await store.enqueueDelivery({
        caseId: item.id,
        agency: 'migri',
        url: 'http://127.0.0.1:9/hook',
        nextAttemptAt: T0,
      });
      expect(await store.dueDeliveries(minutesAfter(T0, -1), 10)).toEqual([]);
      const due = await store.dueDeliveries(T0, 10);
      expect(due.map((d) => d.caseId)).toEqual([item.id]);
      // Claimed: a second worker at the same moment gets nothing.
      expect(await store.dueDeliveries(T0, 10)).toEqual([]);
      await store.recordDeliveryAttempt(item.id, {
        ok: false,
        at: T0,
        error: 'HTTP 500',
        retryAt: minutesAfter(T0, 1),
      });
      expect(await store.deliveryOf(item.id)).toMatchObject({
        attempts: 1,
        lastError: 'HTTP 500',
        nextAttemptAt: minutesAfter(T0, 1),
        deliveredAt: null,
        gaveUpAt: null,
      });
      expect((await store.dueDeliveries(minutesAfter(T0, 1), 10)).map((d) => d.caseId)).toEqual([
        item.id,
      ]);
      await store.recordDeliveryAttempt(item.id, {
        ok: false,
        at: minutesAfter(T0, 1),
        error: 'timeout',
        retryAt: null,
      });
      expect(await store.deliveryOf(item.id)).toMatchObject({
        attempts: 2,
        gaveUpAt: minutesAfter(T0, 1),
      });
      expect(await store.dueDeliveries(minutesAfter(T0, 1000), 10)).toEqual([]);
    });
  });

  describe('statistics and bulk insert', () => {
    it('inserts cases in batches (skipping known ids) and streams a year in pages', async () => {
      const agency = 'seed';
      await store.upsertAgency({ code: agency, name: 'Seed', webhookUrl: null });
      const start = Date.parse('2024-01-01T00:00:00.000Z');
      const total = 5_050;
      const cases = Array.from({ length: total }, (_, i) => {
        const submittedAt = new Date(start + i * 3_600_000).toISOString();
        const concluded = i % 3 === 0;
        return makeCase({
          agency,
          externalId: `seed-${i}`,
          submittedAt,
          deadline: new Date(start + i * 3_600_000 + 20 * 86_400_000).toISOString(),
          applicant: {
            names: [`Person ${i}`],
            birthDate: null,
            citizenship: i % 2 === 0 ? ['BY'] : ['RU', 'UA'],
            passportNumber: null,
            employment: [],
          },
          ...(concluded
            ? {
                status: 'delivered' as const,
                triage: {
                  at: submittedAt,
                  screenedAgainst: [],
                  hits: [],
                  indicators: [
                    {
                      ruleId: 'r',
                      category: 'armed_forces' as const,
                      employmentIndex: 0,
                      explanation: 'e',
                      evidence: 'x',
                    },
                  ],
                  routing: 'flagged' as const,
                  reasons: [],
                },
                proposal: {
                  conclusion: 'threat' as const,
                  reasoning: 'r',
                  proposedBy: 'user:a',
                  proposedByUserId: 1,
                  proposedAt: submittedAt,
                },
                approval: {
                  decision: 'approve' as const,
                  comment: '',
                  decidedBy: 'user:b',
                  decidedByUserId: 2,
                  decidedAt: submittedAt,
                },
                conclusion: 'threat' as const,
                concludedAt: submittedAt,
                deliveredAt: submittedAt,
              }
            : {}),
        });
      });
      expect(await store.insertCases(cases)).toBe(total);
      expect(await store.insertCases(cases.slice(0, 10))).toBe(0);

      const rows: StatisticsRow[] = [];
      for await (const row of store.statisticsRows(
        '2024-01-01T00:00:00.000Z',
        '2025-01-01T00:00:00.000Z',
      )) {
        rows.push(row);
      }
      const inYear = cases.filter((item) => item.submittedAt < '2025-01-01');
      expect(rows).toHaveLength(inYear.length);
      expect(new Set(rows.map((row) => row.caseId)).size).toBe(inYear.length);
      expect(rows[0]).toEqual({
        caseId: cases[0]!.id,
        permitType: 'work_permit',
        citizenship: ['BY'],
        status: 'delivered',
        conclusion: 'threat',
        submittedAt: cases[0]!.submittedAt,
        concludedAt: cases[0]!.submittedAt,
        deadline: cases[0]!.deadline,
        categories: ['armed_forces'],
        flagged: true,
      });
      expect(rows[1]).toMatchObject({ citizenship: ['RU', 'UA'], categories: [], flagged: false });
    });
  });
});
