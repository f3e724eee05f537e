/**
 * The vetting use cases end to end on both store drivers: real argon2, a screening index of real
 * EU list entities, the real migration with its triggers, and a real HTTP receiver for webhooks.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.js';
import { readList } from '../lists/read-list.js';
import type { Entity } from '../model/entity.js';
import { MatchService } from '../screening/match-service.js';
import { canonicalJson } from '../shared/canonical-json.js';
import type { Clock } from '../shared/clock.js';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
} from '../shared/errors.js';
import { sha256Hex } from '../shared/sha256.js';
import { argon2Hasher } from '../vetting/argon2-hasher.js';
import { createVettingService, type VettingDeps } from '../vetting/create-service.js';
import type { VettingService } from '../vetting/service.js';
import { DEFAULT_SLA_POLICY } from '../vetting/sla.js';
import { DEFAULT_RISK_RULES } from '../vetting/triage/index.js';
import type { Actor, AuditEntry, Role } from '../vetting/types.js';
import { webhookSignature } from '../vetting/use-cases/delivery.js';
import { fetchWebhookSender } from '../vetting/webhook-sender.js';
import type { DbHandle } from './db.js';
import { DIALECTS, openTestDb, tamperAuditLog } from './testing.js';
import { VettingRepositoryStore } from './vetting-repository.js';

/** Cheaper than production's cost, still real argon2id: the suite hashes a dozen passwords. */
const hasher = argon2Hasher({ memoryCost: 4_096, timeCost: 1, parallelism: 1 });
const PASSWORD = 'correct horse battery staple';
const WEBHOOK_SECRET = 'shared-secret-for-tests';

/** Aleksandr Lukashenko on the EU list (eu:126365), written in Russian Cyrillic. */
const LISTED_PERSON = {
  names: ['Александр Григорьевич Лукашенко'],
  birth_date: '1954-08-30',
  citizenship: ['BY'],
  employment: [{ employer: 'Администрация Президента', position: 'Президент', country: 'BY' }],
};
/** Invented syllables: nothing on a list looks like them, and the bakery trips no rule. */
const CLEAN_PERSON = {
  names: ['Quorvel Vrilhaven'],
  birth_date: '1988-02-11',
  citizenship: ['BY'],
  employment: [{ employer: 'Pellquist Bakery Oy', position: 'baker', country: 'FI' }],
};

let sanctions: MatchService;

/**
 * Real EU entities (the 2026-01-28 list): the two Belarusian officials the tests look for and
 * the first few hundred others as the haystack. A subset keeps the index build under a second.
 */
beforeAll(async () => {
  const list = await readList({
    dataset: 'eu',
    path: sharedData('lists', 'eu', 'eu-fsf-2026-01-28.xml'),
  });
  const wanted = new Set(['eu:126365', 'eu:3411']);
  const entities: Entity[] = [];
  for await (const entity of list.entities) {
    if (entities.length < 400 || wanted.has(entity.id)) entities.push(entity);
  }
  expect(entities.filter((entity) => wanted.has(entity.id))).toHaveLength(2);
  sanctions = MatchService.fromEntities(entities);
});

class TestClock implements Clock {
  private time = Date.parse('2026-03-02T09:00:00.000Z');
  now(): Date {
    return new Date(this.time);
  }
  advanceMinutes(minutes: number): void {
    this.time += minutes * 60_000;
  }
}

describe.each(DIALECTS)('vetting service on %s', (dialect) => {
  let db: DbHandle;
  let store: VettingRepositoryStore;
  let clock: TestClock;
  let vetting: VettingService;
  let screeningReady = true;
  const actors: Record<string, Actor> = {};

  function service(config: Partial<VettingDeps['config']> = {}, webhook = true): VettingService {
    return createVettingService({
      store,
      hasher,
      clock,
      screening: () => (screeningReady ? sanctions : null),
      webhook: webhook ? fetchWebhookSender({ timeoutMs: 2_000 }) : null,
      config: {
        sla: DEFAULT_SLA_POLICY,
        rules: DEFAULT_RISK_RULES,
        qaSampleRate: 0,
        webhookSecret: WEBHOOK_SECRET,
        ...config,
      },
    });
  }

  async function addUser(username: string, roles: Role[], agency: string | null = null) {
    await vetting.createUser('cli', { username, password: PASSWORD, roles, agency });
    const session = await vetting.login(username, PASSWORD);
    const actor = await vetting.authenticate({ token: session.token });
    if (actor === null) throw new Error(`no actor for ${username}`);
    actors[username] = actor;
    return actor;
  }

  function actor(username: string): Actor {
    const found = actors[username];
    if (found === undefined) throw new Error(`unknown test user ${username}`);
    return found;
  }

  async function auditActions(objectId?: string): Promise<AuditEntry[]> {
    const entries = await store.auditEntries(0, 100_000);
    return objectId === undefined ? entries : entries.filter((e) => e.objectId === objectId);
  }

  async function submit(
    officer: string,
    externalId: string,
    applicant: object,
    permit = 'work_permit',
  ) {
    return vetting.submitAssessment(actor(officer), {
      external_id: externalId,
      permit_type: permit,
      applicant,
    });
  }

  beforeAll(async () => {
    db = await openTestDb(dialect);
    store = new VettingRepositoryStore(db);
    clock = new TestClock();
    vetting = service();
    await vetting.upsertAgency('cli', {
      code: 'migri',
      name: 'Migrationsverket',
      webhookUrl: null,
    });
    await vetting.upsertAgency('cli', {
      code: 'dmi',
      name: 'Department of Migration',
      webhookUrl: null,
    });
    await addUser('admin', ['admin']);
    await addUser('officer', ['migration_officer'], 'migri');
    await addUser('foreign.officer', ['migration_officer'], 'dmi');
    await addUser('ann', ['analyst', 'supervisor']);
    await addUser('bob', ['analyst']);
    await addUser('sam', ['supervisor']);
    await addUser('audrey', ['auditor']);
  });
  afterAll(async () => {
    await db?.close();
  });

  describe('access', () => {
    it('logs in with argon2id, and refuses every bad login alike, audited without secrets', async () => {
      const stored = await store.userByUsername('bob');
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
      const session = await vetting.login('bob', PASSWORD);
      expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(session.expiresAt).toBe('2026-03-02T17:00:00.000Z');
      // Only the token's hash is stored.
      const sessions = await db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
      expect(sessions.map((row) => row.token_hash)).toContain(sha256Hex(session.token));
      expect(JSON.stringify(sessions)).not.toContain(session.token);

      for (const [username, password] of [
        ['bob', 'wrong password!'],
        ['nobody.here', PASSWORD],
        ['BAD NAME', PASSWORD],
      ] as const) {
        const error = await vetting.login(username, password).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(UnauthenticatedError);
        expect((error as Error).message).toBe('invalid username or password');
      }
      const bob = await store.userByUsername('bob');
      await vetting.setUserActive('cli', bob!.user.id, false);
      await expect(vetting.login('bob', PASSWORD)).rejects.toBeInstanceOf(UnauthenticatedError);
      expect(await vetting.authenticate({ token: session.token })).toBeNull();
      await vetting.setUserActive(actor('admin'), bob!.user.id, true);

      const log = await auditActions();
      const failed = log.filter((entry) => entry.action === 'user.login_failed');
      expect(failed.map((entry) => entry.details)).toEqual([
        { username: 'bob', reason: 'wrong_password' },
        { username: 'nobody.here', reason: 'unknown_user' },
        { username: 'BAD NAME', reason: 'unknown_user' },
        { username: 'bob', reason: 'inactive_user' },
      ]);
      const text = canonicalJson(log.map((entry) => entry.details));
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(session.token);

      await vetting.logout(session.token);
      expect(await vetting.authenticate({ token: session.token })).toBeNull();
    });

    it('lets an API key bound to a user act as that user', async () => {
      const officer = await store.userByUsername('officer');
      const key = 'sargas_test-key-for-the-migration-authority-system';
      await db.query(
        `INSERT INTO api_keys (name, prefix, key_hash, scopes, created_at, user_id)
         VALUES ('migri', 'sargas_te', $1, ARRAY['match'], now(), $2)`,
        [sha256Hex(key), officer!.user.id],
      );
      expect(await vetting.authenticate({ apiKey: key })).toEqual(actor('officer'));
      expect(await vetting.authenticate({ apiKey: 'sargas_unknown' })).toBeNull();
    });

    it('validates new users and lets only an admin (or the CLI) create them', async () => {
      const input: { username: string; password: string; roles: Role[]; agency: string | null } = {
        username: 'carol',
        password: PASSWORD,
        roles: ['analyst'],
        agency: null,
      };
      await expect(vetting.createUser(actor('sam'), input)).rejects.toBeInstanceOf(ForbiddenError);
      const invalid: [Partial<typeof input>, string][] = [
        [{ username: 'Carol!' }, 'username'],
        [{ password: 'short' }, 'password'],
        [{ roles: [] }, 'roles'],
        [{ roles: ['janitor' as Role] }, 'roles.0'],
        [{ roles: ['migration_officer'], agency: null }, 'agency'],
        [{ roles: ['migration_officer'], agency: 'nowhere' }, 'agency'],
        [{ agency: 'migri' }, 'agency'],
      ];
      for (const [change, field] of invalid) {
        const error = await vetting
          .createUser(actor('admin'), { ...input, ...change })
          .catch((caught: unknown) => caught);
        expect(error, field).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).field).toBe(field);
      }
      const carol = await vetting.createUser(actor('admin'), input);
      expect(carol).toMatchObject({ username: 'carol', roles: ['analyst'], agency: null });
      await expect(vetting.createUser('cli', input)).rejects.toBeInstanceOf(ConflictError);
      const created = (await auditActions(String(carol.id))).find(
        (e) => e.action === 'user.created',
      );
      expect(created).toMatchObject({ actor: 'user:admin', details: { username: 'carol' } });
    });
  });

  describe('a flagged applicant, from submission to delivery', () => {
    let caseId: string;

    it('registers the request and triage flags the listed person (Cyrillic spelling)', async () => {
      const submitted = await submit('officer', 'MIGRI-2026-0001', LISTED_PERSON);
      expect(submitted.created).toBe(true);
      expect(submitted.assessment).toMatchObject({ status: 'received', conclusion: null });
      caseId = submitted.assessment.id;

      expect(await vetting.triagePending()).toEqual({
        triaged: 1,
        flagged: 1,
        qaSample: 0,
        clean: 0,
      });
      const detail = await vetting.getCase(actor('bob'), caseId);
      expect(detail.case.status).toBe('triaged');
      const triage = detail.case.triage!;
      expect(triage.routing).toBe('flagged');
      const hit = triage.hits.find((h) => h.match && h.subject === 'applicant');
      expect(hit).toMatchObject({ entityId: 'eu:126365', source: 'sanctions' });
      expect(triage.screenedAgainst.some((item) => item.startsWith('watchlist@'))).toBe(true);
      expect(detail.case.deadline).toBe('2026-03-22T09:00:00.000Z');
      expect(detail.timeline.map((event) => event.kind)).toEqual(['submitted', 'triaged']);
    });

    it('the analyst assigns it to herself and proposes threat', async () => {
      await expect(
        vetting.assignCase(actor('bob'), caseId, userIdOf(actor('ann'))),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const assigned = await vetting.assignCase(actor('ann'), caseId, userIdOf(actor('ann')));
      expect(assigned).toMatchObject({ status: 'in_review', assignee: 'ann' });
      await expect(
        vetting.propose(actor('ann'), caseId, { conclusion: 'threat', reasoning: '   ' }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        vetting.propose(actor('bob'), caseId, { conclusion: 'threat', reasoning: 'mine now' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const proposed = await vetting.propose(actor('ann'), caseId, {
        conclusion: 'threat',
        reasoning: 'EU-listed head of state (eu:126365); birth date and citizenship agree.',
      });
      expect(proposed).toMatchObject({
        status: 'proposed',
        proposal: { conclusion: 'threat', proposedBy: 'user:ann' },
      });
    });

    it('the proposer cannot approve it, whatever her roles; another supervisor does', async () => {
      const error = await vetting
        .decide(actor('ann'), caseId, { decision: 'approve', comment: '' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ForbiddenError);
      await expect(
        vetting.decide(actor('bob'), caseId, { decision: 'approve', comment: '' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const approved = await vetting.decide(actor('sam'), caseId, {
        decision: 'approve',
        comment: 'agreed',
      });
      expect(approved).toMatchObject({
        status: 'approved',
        conclusion: 'threat',
        concludedAt: '2026-03-02T09:00:00.000Z',
      });
      // Once concluded, nothing moves it back.
      await expect(
        vetting.decide(actor('sam'), caseId, { decision: 'return', comment: 'again' }),
      ).rejects.toBeInstanceOf(InvalidTransitionError);
      await expect(
        vetting.propose(actor('ann'), caseId, {
          conclusion: 'no_objection',
          reasoning: 'changed my mind',
        }),
      ).rejects.toBeInstanceOf(InvalidTransitionError);
    });

    it('another agency cannot see it; the submitting officer reads exactly five fields', async () => {
      await expect(vetting.readAssessment(actor('foreign.officer'), caseId)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        vetting.readAssessment(actor('officer'), '00000000-0000-4000-8000-000000000000'),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(vetting.readAssessment(actor('sam'), caseId)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      clock.advanceMinutes(5);
      const view = await vetting.readAssessment(actor('officer'), caseId);
      expect(Object.keys(view)).toEqual([
        'id',
        'external_id',
        'status',
        'conclusion',
        'concluded_at',
      ]);
      expect(view).toEqual({
        id: caseId,
        external_id: 'MIGRI-2026-0001',
        status: 'concluded',
        conclusion: 'threat',
        concluded_at: '2026-03-02T09:00:00.000Z',
      });
      const stored = await store.caseById(caseId);
      expect(stored).toMatchObject({
        status: 'delivered',
        deliveredAt: '2026-03-02T09:05:00.000Z',
      });
      const actions = (await auditActions(caseId)).map((entry) => `${entry.actor} ${entry.action}`);
      expect(actions).toEqual([
        'user:officer assessment.submitted',
        'system:triage case.triaged',
        'user:bob case.read',
        'user:ann case.assigned',
        'user:ann case.proposed',
        'user:sam case.approved',
        'user:foreign.officer assessment.read_refused',
        'user:officer assessment.read',
        'user:officer case.delivered',
      ]);
    });

    it('audits every read of the case, each time', async () => {
      const before = (await auditActions(caseId)).filter((e) => e.action === 'case.read').length;
      await vetting.getCase(actor('sam'), caseId);
      await vetting.getCase(actor('sam'), caseId);
      const after = (await auditActions(caseId)).filter((e) => e.action === 'case.read');
      expect(after.length).toBe(before + 2);
      await expect(vetting.getCase(actor('officer'), caseId)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(vetting.getCase(actor('audrey'), caseId)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('clean applicants', () => {
    it('get triage’s no_objection proposal, which a supervisor signs off in bulk', async () => {
      const clean = await submit('officer', 'MIGRI-2026-0100', CLEAN_PERSON);
      const flagged = await submit('officer', 'MIGRI-2026-0101', {
        ...LISTED_PERSON,
        names: ['Виктор Шейман'],
        birth_date: null,
      });
      expect(await vetting.triagePending()).toMatchObject({ triaged: 2, clean: 1, flagged: 1 });
      const proposed = await store.caseById(clean.assessment.id);
      expect(proposed).toMatchObject({
        status: 'proposed',
        triage: { routing: 'clean' },
        proposal: {
          conclusion: 'no_objection',
          proposedBy: 'system:triage',
          proposedByUserId: null,
        },
      });
      // The migration authority learns nothing about the routing.
      expect((await vetting.readAssessment(actor('officer'), clean.assessment.id)).status).toBe(
        'in_progress',
      );

      await expect(
        vetting.bulkSignOff(actor('bob'), [clean.assessment.id], ''),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const result = await vetting.bulkSignOff(
        actor('sam'),
        [clean.assessment.id, flagged.assessment.id, 'c0ffee00-0000-4000-8000-000000000000'],
        '',
      );
      expect(result.approved).toEqual([clean.assessment.id]);
      expect(result.skipped).toEqual([
        { id: flagged.assessment.id, reason: 'status is triaged, not proposed' },
        { id: 'c0ffee00-0000-4000-8000-000000000000', reason: 'not found' },
      ]);
      expect(await store.caseById(clean.assessment.id)).toMatchObject({
        status: 'approved',
        conclusion: 'no_objection',
        approval: { decidedBy: 'user:sam', decision: 'approve' },
      });
      const view = await vetting.readAssessment(actor('officer'), clean.assessment.id);
      expect(view).toMatchObject({ status: 'concluded', conclusion: 'no_objection' });
    });

    it('drawn for the QA sample stay with the analysts, without a proposal', async () => {
      const sampling = service({ qaSampleRate: 1 });
      const sampled = await submit('officer', 'MIGRI-2026-0200', CLEAN_PERSON);
      expect(await sampling.triagePending()).toMatchObject({ triaged: 1, qaSample: 1 });
      expect(await store.caseById(sampled.assessment.id)).toMatchObject({
        status: 'triaged',
        proposal: null,
        triage: { routing: 'qa_sample' },
      });
      const result = await vetting.bulkSignOff(actor('sam'), [sampled.assessment.id], '');
      expect(result.approved).toEqual([]);
    });

    it('are left new while the screening index is being built', async () => {
      screeningReady = false;
      try {
        const waiting = await submit('officer', 'MIGRI-2026-0300', CLEAN_PERSON);
        expect(await vetting.triagePending()).toEqual({
          triaged: 0,
          flagged: 0,
          qaSample: 0,
          clean: 0,
        });
        expect((await store.caseById(waiting.assessment.id))?.status).toBe('new');
      } finally {
        screeningReady = true;
      }
      await vetting.triagePending();
    });
  });

  describe('submissions', () => {
    it('are idempotent per agency and external id, also when two arrive at once', async () => {
      const [a, b] = await Promise.all([
        submit('officer', 'MIGRI-2026-0400', CLEAN_PERSON),
        submit('officer', 'MIGRI-2026-0400', CLEAN_PERSON),
      ]);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.assessment.id).toBe(b.assessment.id);
      const again = await submit('officer', 'MIGRI-2026-0400', {
        ...CLEAN_PERSON,
        names: ['Someone Else'],
      });
      expect(again).toMatchObject({ created: false, assessment: { id: a.assessment.id } });
      const rows = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM cases WHERE agency = 'migri' AND external_id = 'MIGRI-2026-0400'`,
      );
      expect(rows[0]?.n).toBe(1);
      const resubmitted = (await auditActions(a.assessment.id)).filter(
        (e) => e.action === 'assessment.resubmitted',
      );
      expect(resubmitted.map((e) => e.details)).toEqual([
        { externalId: 'MIGRI-2026-0400', identical: true },
        { externalId: 'MIGRI-2026-0400', identical: false },
      ]);
      // Another agency may use the same external id for its own request.
      expect((await submit('foreign.officer', 'MIGRI-2026-0400', CLEAN_PERSON)).created).toBe(true);
    });

    it('are refused with the field to fix, and only from migration officers', async () => {
      const error = await submit('officer', 'MIGRI-2026-0500', CLEAN_PERSON, 'tourist_visa').catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('permit_type');
      await expect(submit('bob', 'X-1', CLEAN_PERSON)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('returned proposals and assignment', () => {
    it('go back to the analyst, who proposes again; stale writes conflict', async () => {
      const submitted = await submit('officer', 'MIGRI-2026-0600', {
        ...LISTED_PERSON,
        names: ['Виктор Шейман'],
        birth_date: null,
      });
      await vetting.triagePending();
      const id = submitted.assessment.id;
      await expect(
        vetting.assignCase(actor('sam'), id, userIdOf(actor('sam'))),
      ).rejects.toBeInstanceOf(ValidationError);
      await vetting.assignCase(actor('sam'), id, userIdOf(actor('bob')));
      await vetting.addNote(actor('bob'), id, 'Spelling on the passport differs.');
      await vetting.addEvidence(actor('bob'), id, {
        title: 'Liaison report',
        content: 'classified content',
        classification: 'secret',
      });
      await vetting.propose(actor('bob'), id, { conclusion: 'threat', reasoning: 'listed' });
      await expect(
        vetting.decide(actor('sam'), id, { decision: 'return', comment: '' }),
      ).rejects.toBeInstanceOf(ValidationError);
      const returned = await vetting.decide(actor('sam'), id, {
        decision: 'return',
        comment: 'cite the regulation',
      });
      expect(returned).toMatchObject({ status: 'returned', assignee: 'bob' });
      const again = await vetting.propose(actor('bob'), id, {
        conclusion: 'threat',
        reasoning: 'listed under Reg. 765/2006',
      });
      expect(again.status).toBe('proposed');
      const detail = await vetting.getCase(actor('sam'), id);
      expect(detail.timeline.map((event) => `${event.kind}:${event.toStatus ?? ''}`)).toEqual([
        'submitted:new',
        'triaged:triaged',
        'assigned:in_review',
        'note_added:',
        'evidence_added:',
        'proposed:proposed',
        'returned:returned',
        'proposed:proposed',
      ]);
      expect(detail.notes.map((note) => note.text)).toEqual(['Spelling on the passport differs.']);
      expect(detail.evidence[0]).toMatchObject({ classification: 'secret', addedBy: 'user:bob' });
      const evidenceAudit = (await auditActions(id)).find(
        (e) => e.action === 'case.evidence_added',
      );
      expect(canonicalJson(evidenceAudit!.details)).not.toContain('classified content');

      const stale = detail.case;
      await vetting.decide(actor('sam'), id, { decision: 'approve', comment: '' });
      await expect(
        store.updateCase({ ...stale, revision: stale.revision + 1 }, stale.revision),
      ).rejects.toBeInstanceOf(ConflictError);
    });
  });

  describe('watchlist', () => {
    it('is written by supervisors, audited without its contents, and screened by triage', async () => {
      const input = {
        schema: 'Person' as const,
        names: ['Zimbrath Kwazimoor'],
        birthDate: '1979',
        countries: ['BY'],
        reason: 'known handler of a foreign service',
        classification: 'confidential' as const,
      };
      await expect(vetting.createWatchlistEntry(actor('bob'), input)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        vetting.createWatchlistEntry(actor('sam'), { ...input, countries: ['by'] }),
      ).rejects.toBeInstanceOf(ValidationError);
      const entry = await vetting.createWatchlistEntry(actor('sam'), input);
      expect((await vetting.listWatchlist(actor('bob'))).map((e) => e.id)).toContain(entry.id);
      const audit = (await auditActions(String(entry.id))).find(
        (e) => e.action === 'watchlist.created',
      );
      expect(audit?.details).toEqual({ classification: 'confidential' });

      const submitted = await submit('officer', 'MIGRI-2026-0700', {
        ...CLEAN_PERSON,
        names: ['Zimbrath Kwazimoor'],
        birth_date: '1979-05-05',
      });
      await vetting.triagePending();
      const triage = (await store.caseById(submitted.assessment.id))?.triage;
      expect(triage?.routing).toBe('flagged');
      expect(triage?.hits.find((hit) => hit.match)).toMatchObject({
        source: 'watchlist',
        entityId: `watchlist:${entry.id}`,
      });

      await vetting.updateWatchlistEntry(actor('sam'), entry.id, {
        ...input,
        classification: 'secret',
      });
      await vetting.deleteWatchlistEntry(actor('sam'), entry.id);
      await expect(vetting.deleteWatchlistEntry(actor('sam'), entry.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      expect((await vetting.listWatchlist(actor('sam'))).map((e) => e.id)).not.toContain(entry.id);
    });
  });

  describe('webhook delivery', () => {
    let server: Server;
    let url: string;
    const received: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];

    beforeAll(async () => {
      server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
          // Fails twice, then accepts.
          response.statusCode = received.length <= 2 ? 503 : 204;
          response.end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sargas`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('retries with backoff until the receiver accepts, signed with HMAC-SHA256', async () => {
      await vetting.upsertAgency('cli', { code: 'hooked', name: 'Hooked Agency', webhookUrl: url });
      await addUser('hook.officer', ['migration_officer'], 'hooked');
      const submitted = await submit('hook.officer', 'H-1', CLEAN_PERSON);
      const id = submitted.assessment.id;
      await vetting.triagePending();
      expect((await vetting.bulkSignOff(actor('sam'), [id], 'clean')).approved).toEqual([id]);

      expect(await vetting.deliverDue()).toBe(0);
      expect(await store.deliveryOf(id)).toMatchObject({ attempts: 1, lastError: 'HTTP 503' });
      expect(await vetting.deliverDue()).toBe(0);
      expect(received).toHaveLength(1);
      clock.advanceMinutes(1);
      expect(await vetting.deliverDue()).toBe(0);
      expect(received).toHaveLength(2);
      clock.advanceMinutes(1);
      expect(await vetting.deliverDue()).toBe(0);
      clock.advanceMinutes(1);
      expect(await vetting.deliverDue()).toBe(1);
      expect(received).toHaveLength(3);

      const last = received[2]!;
      expect(last.headers['x-sargas-delivery']).toBe(id);
      expect(last.headers['x-sargas-signature']).toBe(
        `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(last.body).digest('hex')}`,
      );
      expect(webhookSignature(WEBHOOK_SECRET, last.body)).toBe(last.headers['x-sargas-signature']);
      const body = JSON.parse(last.body) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual([
        'concluded_at',
        'conclusion',
        'external_id',
        'id',
        'status',
      ]);
      expect(body).toMatchObject({
        id,
        external_id: 'H-1',
        status: 'concluded',
        conclusion: 'no_objection',
      });

      expect(await store.caseById(id)).toMatchObject({ status: 'delivered' });
      expect(await store.deliveryOf(id)).toMatchObject({ attempts: 3, lastError: null });
      const delivered = (await auditActions(id)).find((e) => e.action === 'case.delivered');
      expect(delivered).toMatchObject({
        actor: 'system:delivery',
        details: { via: 'webhook', attempts: 3 },
      });
      // The pull still answers, without a second delivery.
      expect((await vetting.readAssessment(actor('hook.officer'), id)).conclusion).toBe(
        'no_objection',
      );
    });

    it('gives up after the last attempt; the conclusion can still be pulled', async () => {
      const impatient = service({ deliveryMaxAttempts: 1 });
      await vetting.upsertAgency('cli', {
        code: 'gone',
        name: 'Gone Agency',
        webhookUrl: 'http://127.0.0.1:9/unreachable',
      });
      await addUser('gone.officer', ['migration_officer'], 'gone');
      const submitted = await submit('gone.officer', 'G-1', CLEAN_PERSON);
      const id = submitted.assessment.id;
      await vetting.triagePending();
      await vetting.bulkSignOff(actor('sam'), [id], '');
      expect(await impatient.deliverDue()).toBe(0);
      const delivery = await store.deliveryOf(id);
      expect(delivery?.attempts).toBe(1);
      expect(delivery?.gaveUpAt).not.toBeNull();
      expect((await auditActions(id)).map((e) => e.action)).toContain('delivery.failed');
      expect((await vetting.readAssessment(actor('gone.officer'), id)).conclusion).toBe(
        'no_objection',
      );
      expect((await store.caseById(id))?.status).toBe('delivered');
    });
  });

  describe('lists and statistics', () => {
    it('lists cases by status, overdue and mine, auditing what was shown', async () => {
      const mine = await vetting.listCases(actor('bob'), { mine: true });
      expect(mine.every((item) => item.assigneeUserId === userIdOf(actor('bob')))).toBe(true);
      const triaged = await vetting.listCases(actor('sam'), { status: 'triaged' });
      expect(triaged.length).toBeGreaterThan(0);
      expect(await vetting.listCases(actor('sam'), { overdue: true })).toEqual([]);
      clock.advanceMinutes(60 * 24 * 40);
      const overdue = await vetting.listCases(actor('sam'), { overdue: true });
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((item) => !['approved', 'delivered'].includes(item.status))).toBe(true);
      const entry = (await auditActions('*')).at(-1);
      expect(entry).toMatchObject({ action: 'case.list', actor: 'user:sam' });
      expect(entry?.details).toMatchObject({ caseIds: overdue.map((item) => item.id) });
      await expect(vetting.listCases(actor('officer'), {})).rejects.toBeInstanceOf(ForbiddenError);
    });

    it('computes the year’s statistics for auditors and supervisors only', async () => {
      const report = await vetting.statistics(actor('audrey'), 2026);
      const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases');
      expect(report.assessments).toBe(count[0]?.n);
      expect(report.threats).toBeGreaterThanOrEqual(2);
      await expect(vetting.statistics(actor('bob'), 2026)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('audit verification', () => {
    it('verifies the whole log after the scenarios, for auditors only', async () => {
      const result = await vetting.verifyAudit(actor('audrey'));
      const head = await store.auditHead();
      expect(result).toEqual({ ok: true, entries: head!.seq, firstBad: null });
      expect(await vetting.verifyAudit('cli')).toEqual(result);
      await expect(vetting.verifyAudit(actor('sam'))).rejects.toBeInstanceOf(ForbiddenError);
      expect((await vetting.auditLog(actor('audrey'), 0, 5)).map((e) => e.seq)).toEqual([
        1, 2, 3, 4, 5,
      ]);
    });

    it('names the first bad entry when a superuser changes, deletes or forges rows', async () => {
      const auditor = actor('audrey');
      const entries = await store.auditEntries(0, 100_000);
      const last = entries.at(-1)!;
      const middle = entries[Math.floor(entries.length / 2)]!;
      const insert = `INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, details,
                             prev_hash, hash)
                      VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7::jsonb, $8, $9)`;
      const row = (entry: AuditEntry) => [
        entry.seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.objectType,
        entry.objectId,
        JSON.stringify(entry.details),
        entry.prevHash,
        entry.hash,
      ];

      // A changed row.
      await tamperAuditLog(db, `UPDATE audit_log SET actor = 'user:mallory' WHERE seq = $1`, [
        middle.seq,
      ]);
      expect((await vetting.verifyAudit(auditor)).firstBad).toMatchObject({
        seq: middle.seq,
        reason: expect.stringMatching(/changed/),
      });
      await tamperAuditLog(db, 'UPDATE audit_log SET actor = $2 WHERE seq = $1', [
        middle.seq,
        middle.actor,
      ]);
      expect((await vetting.verifyAudit(auditor)).ok).toBe(true);

      // A deleted row in the middle: the entry after it is the first that no longer fits.
      await tamperAuditLog(db, 'DELETE FROM audit_log WHERE seq = $1', [middle.seq]);
      expect((await vetting.verifyAudit(auditor)).firstBad).toMatchObject({
        seq: middle.seq + 1,
        reason: expect.stringMatching(/missing/),
      });
      await tamperAuditLog(db, insert, row(middle));
      expect((await vetting.verifyAudit(auditor)).ok).toBe(true);

      // The last row deleted: the head still names it.
      await tamperAuditLog(db, 'DELETE FROM audit_log WHERE seq = $1', [last.seq]);
      expect((await vetting.verifyAudit(auditor)).firstBad).toMatchObject({ seq: last.seq });
      await tamperAuditLog(db, insert, row(last));
      expect((await vetting.verifyAudit(auditor)).ok).toBe(true);

      // A forged row appended with a correct-looking hash, bypassing the head.
      const forged: AuditEntry = {
        seq: last.seq + 1,
        at: last.at,
        actor: 'user:sam',
        action: 'case.approved',
        objectType: 'case',
        objectId: last.objectId,
        details: {},
        prevHash: last.hash,
        hash: sha256Hex('forged'),
      };
      await tamperAuditLog(db, insert, row(forged));
      expect((await vetting.verifyAudit(auditor)).firstBad).toMatchObject({ seq: last.seq + 1 });
      await tamperAuditLog(db, 'DELETE FROM audit_log WHERE seq = $1', [forged.seq]);
      expect((await vetting.verifyAudit(auditor)).ok).toBe(true);
    });
  });
});

function userIdOf(actor: Actor): number {
  if (actor.kind !== 'user') throw new Error('not a user');
  return actor.userId;
}
