/**
 * Issue 6's REST contract over HTTP (`inject`), on both drivers: real store, real argon2, and a
 * screening index built from a real list file. The full flow screens a listed person submitted
 * in Cyrillic, then walks the case to a conclusion the migration officer reads.
 */
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyRepository } from '../../store/api-key-repository.js';
import { DIALECTS } from '../../store/testing.js';
import { createApiKey } from '../api-keys.js';
import {
  type Account,
  assessmentBody,
  CLEAN_APPLICANT,
  LISTED_APPLICANT,
  login,
  openV1Fixture,
  PASSWORD,
  SOYKO_ID,
  t1Screening,
  type V1Fixture,
} from './testing.js';

const ASSESSMENT_KEYS = ['concluded_at', 'conclusion', 'external_id', 'id', 'status'];

describe.each(DIALECTS)('/api/v1 contract (%s)', (dialect) => {
  let fixture: V1Fixture;
  /** Every log line the server wrote. */
  const logs: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    fixture = await openV1Fixture(dialect, {
      screening: await t1Screening(),
      logger: { level: 'info', stream },
    });
  });

  afterAll(async () => {
    await fixture?.close();
  });

  function call(
    account: Account | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> {
    return fixture.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      ...(account === null
        ? {}
        : { headers: { authorization: `Bearer ${fixture.tokens[account]}` } }),
    });
  }

  async function submit(
    externalId: string,
    applicant: object,
    account: Account = 'migration_officer',
  ) {
    return call(
      account,
      'POST',
      '/api/v1/assessments',
      assessmentBody(externalId, applicant as never),
    );
  }

  it('logs in with a password and answers a wrong one with 401 and a Bearer challenge', async () => {
    const ok = await fixture.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'analyst', password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    const body = ok.json<{ token: string; expires_at: string }>();
    expect(Object.keys(body).sort()).toEqual(['expires_at', 'token']);
    expect(body.token).toMatch(/^[\w-]{40,}$/u);
    expect(Date.parse(body.expires_at)).toBeGreaterThan(fixture.clock.now().getTime());

    for (const payload of [
      { username: 'analyst', password: 'wrong password, long enough' },
      { username: 'nobody', password: PASSWORD },
    ]) {
      const refused = await fixture.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload,
      });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['www-authenticate']).toBe('Bearer');
      expect(refused.json()).toEqual({ detail: 'invalid username or password' });
    }
    const missing = await fixture.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'analyst' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: 'password' });
  });

  it('returns the existing assessment for a repeated external_id, never a duplicate', async () => {
    const first = await submit('MD-2026-0001', CLEAN_APPLICANT);
    expect(first.statusCode).toBe(201);
    const created = first.json<{ id: string; status: string }>();
    expect(Object.keys(created).sort()).toEqual(['id', 'status']);
    expect(created.status).toBe('received');

    const again = await submit('MD-2026-0001', CLEAN_APPLICANT);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(created);

    const listed = await call('analyst', 'GET', '/api/v1/cases?status=new&limit=500');
    const ids = listed.json<{ cases: { external_id: string; id: string }[] }>().cases;
    expect(ids.filter((item) => item.external_id === 'MD-2026-0001')).toEqual([
      expect.objectContaining({ id: created.id }),
    ]);

    // The same external id from another agency is another request.
    const other = await submit('MD-2026-0001', CLEAN_APPLICANT, 'officer_b');
    expect(other.statusCode).toBe(201);
    expect(other.json<{ id: string }>().id).not.toBe(created.id);
  });

  it("lets an officer read its own agency's assessments only (another agency's: 404)", async () => {
    const mine = (await submit('MD-2026-0002', CLEAN_APPLICANT)).json<{ id: string }>().id;
    const own = await call('migration_officer', 'GET', `/api/v1/assessments/${mine}`);
    expect(own.statusCode).toBe(200);
    const foreign = await call('officer_b', 'GET', `/api/v1/assessments/${mine}`);
    expect(foreign.statusCode).toBe(404);
    // Exactly as for an id that does not exist: nothing tells the two apart.
    const unknown = await call(
      'officer_b',
      'GET',
      '/api/v1/assessments/f0000000-0000-4000-8000-000000000001',
    );
    expect(unknown.statusCode).toBe(404);
    expect(Object.keys(foreign.json())).toEqual(Object.keys(unknown.json()));
  });

  it('rejects an invalid request with 400 naming the field', async () => {
    const cases: [object, string][] = [
      [
        { external_id: 'X-1', permit_type: 'work_permit', applicant: { names: [] } },
        'applicant.names',
      ],
      [
        assessmentBody('X-2', { names: ['Иван Иванов'], birth_date: '1990-13-45' }),
        'applicant.birth_date',
      ],
      [assessmentBody('X-3', { names: ['Иван Иванов'] }, 'tourist_visa'), 'permit_type'],
      [
        assessmentBody('X-4', { names: ['Иван Иванов'], employment: [{ position: 'driver' }] }),
        'applicant.employment.0.employer',
      ],
      [{ ...assessmentBody('X-5', { names: ['Иван Иванов'] }), extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of cases) {
      const response = await call('migration_officer', 'POST', '/api/v1/assessments', payload);
      expect(response.statusCode, field).toBe(400);
      expect(response.json<{ field: string }>().field).toBe(field);
    }
  });

  it('screens a listed person submitted in Cyrillic and carries the case to a conclusion the officer reads', async () => {
    const submitted = await submit('MD-2026-0100', LISTED_APPLICANT);
    expect(submitted.statusCode).toBe(201);
    const { id } = submitted.json<{ id: string }>();
    const triage = await fixture.vetting.triagePending();
    expect(triage.flagged).toBeGreaterThanOrEqual(1);

    // The analyst finds it among the triaged cases and opens it: a sanctions hit, explained.
    const list = await call('analyst', 'GET', '/api/v1/cases?status=triaged&limit=500');
    expect(list.statusCode).toBe(200);
    expect(list.json<{ cases: { id: string }[] }>().cases.map((item) => item.id)).toContain(id);
    const opened = await call('analyst', 'GET', `/api/v1/cases/${id}`);
    expect(opened.statusCode).toBe(200);
    const detail = opened.json<CaseDetailJson>();
    expect(detail.triage?.routing).toBe('flagged');
    const hit = detail.triage?.hits.find((item) => item.entity_id === SOYKO_ID);
    expect(hit).toMatchObject({ subject: 'applicant', source: 'sanctions', match: true });
    expect(hit?.score).toBeGreaterThan(0.7);
    // Cross-script: the Cyrillic query aligned with a romanised listed name, token by token.
    expect(hit?.explanation).toMatchObject({ query_name: 'Сойко Виктор Владимирович' });
    expect(JSON.stringify(hit?.explanation)).toContain('name_tokens');
    expect(detail.overdue).toBe(false);

    // Assigned by the supervisor, worked by the analyst.
    const assigned = await call('supervisor', 'POST', `/api/v1/cases/${id}/assignment`, {
      assignee_user_id: fixture.users.analyst.id,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ status: 'in_review', assignee: 'analyst' });
    const note = await call('analyst', 'POST', `/api/v1/cases/${id}/notes`, {
      text: 'Same birth date as the listing.',
    });
    expect(note.statusCode).toBe(201);
    const evidence = await call('analyst', 'POST', `/api/v1/cases/${id}/evidence`, {
      title: 'Service record',
      content: 'Deputy commander, air force armament department.',
      classification: 'secret',
    });
    expect(evidence.statusCode).toBe(201);
    const proposal = await call('analyst', 'POST', `/api/v1/cases/${id}/proposal`, {
      conclusion: 'threat',
      reasoning: 'The applicant is the EU-listed air force officer.',
    });
    expect(proposal.statusCode).toBe(200);
    expect(proposal.json()).toMatchObject({ status: 'proposed' });

    // Until a supervisor approves, the officer learns only that it is in progress.
    const pending = await call('migration_officer', 'GET', `/api/v1/assessments/${id}`);
    expect(pending.json()).toEqual({
      id,
      external_id: 'MD-2026-0100',
      status: 'in_progress',
      conclusion: null,
      concluded_at: null,
    });

    const approved = await call('supervisor', 'POST', `/api/v1/cases/${id}/approval`, {
      decision: 'approve',
      comment: 'Agreed.',
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', conclusion: 'threat' });

    const read = await call('migration_officer', 'GET', `/api/v1/assessments/${id}`);
    expect(read.statusCode).toBe(200);
    const view = read.json<Record<string, unknown>>();
    expect(Object.keys(view).sort()).toEqual(ASSESSMENT_KEYS);
    expect(view).toEqual({
      id,
      external_id: 'MD-2026-0100',
      status: 'concluded',
      conclusion: 'threat',
      concluded_at: fixture.clock.now().toISOString(),
    });
    // Nothing of the case's inside reaches the authority.
    for (const secret of ['Сойко', 'Service record', 'analyst', 'supervisor', SOYKO_ID, 'score']) {
      expect(read.body).not.toContain(secret);
    }

    // The timeline records every step, and the read delivered the conclusion.
    const after = (await call('supervisor', 'GET', `/api/v1/cases/${id}`)).json<CaseDetailJson>();
    expect(after.status).toBe('delivered');
    expect(after.timeline.map((event) => event.kind)).toEqual(
      expect.arrayContaining([
        'submitted',
        'triaged',
        'assigned',
        'note_added',
        'proposed',
        'approved',
      ]),
    );
    expect(after.notes).toHaveLength(1);
    expect(after.evidence).toMatchObject([{ title: 'Service record', classification: 'secret' }]);
  });

  it('never lets the proposer approve, whatever their roles (four eyes, 403)', async () => {
    const { id } = (await submit('MD-2026-0200', LISTED_APPLICANT)).json<{ id: string }>();
    await fixture.vetting.triagePending();
    const proposed = await call('dual', 'POST', `/api/v1/cases/${id}/proposal`, {
      conclusion: 'no_objection',
      reasoning: 'A namesake: other birth place.',
    });
    expect(proposed.statusCode).toBe(200);
    const own = await call('dual', 'POST', `/api/v1/cases/${id}/approval`, {
      decision: 'approve',
      comment: 'Approving my own proposal.',
    });
    expect(own.statusCode).toBe(403);
    expect(own.json<{ detail: string }>().detail).toContain('proposed this conclusion');
    const other = await call('supervisor', 'POST', `/api/v1/cases/${id}/approval`, {
      decision: 'return',
      comment: 'Check the birth place against the listing.',
    });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ status: 'returned' });
  });

  it('signs off clean cases in bulk and skips the rest with the reason', async () => {
    const clean = (await submit('MD-2026-0300', CLEAN_APPLICANT)).json<{ id: string }>().id;
    const flagged = (await submit('MD-2026-0301', LISTED_APPLICANT)).json<{ id: string }>().id;
    await fixture.vetting.triagePending();
    const response = await call('supervisor', 'POST', '/api/v1/cases/bulk-approval', {
      case_ids: [clean, flagged],
      comment: 'Clean cases of the day.',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ approved: string[]; skipped: { id: string; reason: string }[] }>();
    expect(body.approved).toEqual([clean]);
    expect(body.skipped).toEqual([
      { id: flagged, reason: expect.stringContaining('not proposed') },
    ]);
    const read = await call('migration_officer', 'GET', `/api/v1/assessments/${clean}`);
    expect(read.json()).toMatchObject({ status: 'concluded', conclusion: 'no_objection' });
  });

  it('keeps the watchlist (create, change, list, delete) and screens against it', async () => {
    const created = await call('supervisor', 'POST', '/api/v1/watchlist', {
      schema: 'Person',
      names: ['Пётр Николаевич Гордеев'],
      birth_date: '1980-02-02',
      countries: ['BY'],
      reason: 'Known recruiter.',
      classification: 'confidential',
    });
    expect(created.statusCode).toBe(201);
    const entry = created.json<{ id: number; created_by: string }>();
    expect(entry.created_by).toBe('user:supervisor');
    const changed = await call('supervisor', 'PUT', `/api/v1/watchlist/${entry.id}`, {
      schema: 'Person',
      names: ['Пётр Николаевич Гордеев', 'Piotr Gordeev'],
      birth_date: '1980-02-02',
      reason: 'Known recruiter.',
      classification: 'confidential',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ names: ['Пётр Николаевич Гордеев', 'Piotr Gordeev'] });

    const { id } = (
      await submit('MD-2026-0400', { names: ['Гордеев Пётр Николаевич'], birth_date: '1980-02-02' })
    ).json<{ id: string }>();
    await fixture.vetting.triagePending();
    const detail = (await call('analyst', 'GET', `/api/v1/cases/${id}`)).json<CaseDetailJson>();
    expect(detail.triage?.hits.some((hit) => hit.source === 'watchlist' && hit.match)).toBe(true);

    const listed = await call('analyst', 'GET', '/api/v1/watchlist');
    expect(listed.json<{ id: number }[]>().map((item) => item.id)).toContain(entry.id);
    const deleted = await call('supervisor', 'DELETE', `/api/v1/watchlist/${entry.id}`);
    expect(deleted.statusCode).toBe(204);
    const gone = await call('supervisor', 'DELETE', `/api/v1/watchlist/${entry.id}`);
    expect(gone.statusCode).toBe(404);
  });

  it('lets an API key bound to an officer act as that officer (ApiKey scheme)', async () => {
    const keys = new ApiKeyRepository(fixture.db);
    const { key, record } = await createApiKey(
      { store: keys, clock: fixture.clock },
      { name: 'migration authority system', scopes: ['match'] },
    );
    await fixture.db.query('UPDATE api_keys SET user_id = $1 WHERE id = $2', [
      fixture.users.migration_officer.id,
      record.id,
    ]);
    const response = await fixture.app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: assessmentBody('MD-2026-0500', CLEAN_APPLICANT),
      headers: { authorization: `ApiKey ${key}` },
    });
    expect(response.statusCode).toBe(201);
    // A session token is not an API key: the yente routes still refuse it.
    const match = await fixture.app.inject({
      method: 'POST',
      url: '/match/default',
      payload: { queries: { q: { schema: 'Person', properties: { name: ['Viktor Soyko'] } } } },
      headers: { authorization: `Bearer ${fixture.tokens.migration_officer}` },
    });
    expect(match.statusCode).toBe(401);
  });

  it('lists users without password hashes and deactivates them', async () => {
    const users = await call('admin', 'GET', '/api/v1/users');
    expect(users.statusCode).toBe(200);
    expect(users.body).not.toMatch(/argon2|password/u);
    const created = await call('admin', 'POST', '/api/v1/users', {
      username: 'officer-c',
      password: 'yet another long password',
      roles: ['migration_officer'],
      agency: 'border-a',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json<{ id: number; username: string; agency: string }>();
    expect(Object.keys(user).sort()).toEqual([
      'active',
      'agency',
      'created_at',
      'id',
      'roles',
      'username',
    ]);
    const disabled = await call('admin', 'POST', `/api/v1/users/${user.id}/active`, {
      active: false,
    });
    expect(disabled.json()).toMatchObject({ active: false });
    const login = await fixture.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'officer-c', password: 'yet another long password' },
    });
    expect(login.statusCode).toBe(401);
    const taken = await call('admin', 'POST', '/api/v1/users', {
      username: 'officer-c',
      password: 'yet another long password',
      roles: ['analyst'],
    });
    expect(taken.statusCode).toBe(409);
  });

  it('reports statistics of the year', async () => {
    const response = await call('auditor', 'GET', '/api/v1/statistics?year=2026');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ year: number; assessments: number; threats: number }>();
    expect(body).toMatchObject({ year: 2026, threats: 1 });
    expect(body.assessments).toBeGreaterThan(5);
  });

  it('verifies the audit chain and pages through it', async () => {
    const verified = await call('auditor', 'GET', '/api/v1/audit/verify');
    expect(verified.statusCode).toBe(200);
    const body = verified.json<{ ok: boolean; entries: number; first_bad: unknown }>();
    expect(Object.keys(body).sort()).toEqual(['entries', 'first_bad', 'ok']);
    expect(body.ok).toBe(true);
    expect(body.first_bad).toBeNull();
    expect(body.entries).toBeGreaterThan(20);

    const page = await call('auditor', 'GET', '/api/v1/audit?after=0&limit=5');
    const entries = page.json<{ seq: number; prev_hash: string; hash: string; action: string }[]>();
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[1]!.prev_hash).toBe(entries[0]!.hash);
    const all = await call('auditor', 'GET', '/api/v1/audit?after=0&limit=1000');
    const actions = all.json<{ action: string }[]>().map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['case.read', 'case.proposed', 'case.approved']),
    );
  });

  it('documents the v1 routes in /openapi.json with tags and the bearer scheme', async () => {
    const document = (await fixture.app.inject({ url: '/openapi.json' })).json<OpenApiJson>();
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const read = document.paths['/api/v1/assessments/{id}']?.get;
    expect(read?.tags).toEqual(['Assessments']);
    expect(read?.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
    const view = read?.responses['200']?.content['application/json']?.schema;
    expect(Object.keys(view?.properties ?? {}).sort()).toEqual(ASSESSMENT_KEYS);
    expect(view?.additionalProperties).toBe(false);
    expect(document.paths['/api/v1/auth/login']?.post?.security).toEqual([]);
    for (const path of ['/api/v1/cases', '/api/v1/cases/{id}/approval', '/api/v1/audit/verify']) {
      expect(document.paths[path], path).toBeDefined();
    }
  });

  it('lists overdue cases once their SLA deadline has passed', async () => {
    const { id } = (await submit('MD-2026-0600', LISTED_APPLICANT)).json<{ id: string }>();
    await fixture.vetting.triagePending();
    const before = await call('analyst', 'GET', '/api/v1/cases?overdue=true&limit=500');
    expect(before.json<{ cases: { id: string }[] }>().cases.map((item) => item.id)).not.toContain(
      id,
    );
    fixture.clock.advanceDays(21); // work_permit: 20 days; the sessions (8 hours) expired too
    expect((await call('analyst', 'GET', '/api/v1/cases')).statusCode).toBe(401);
    const after = await fixture.app.inject({
      url: '/api/v1/cases?overdue=true&limit=500',
      headers: { authorization: `Bearer ${await login(fixture.app, 'analyst')}` },
    });
    const overdue = after.json<{ cases: { id: string; overdue: boolean }[] }>().cases;
    expect(overdue.find((item) => item.id === id)).toMatchObject({ overdue: true });
    expect(overdue.every((item) => item.overdue)).toBe(true);
  });

  it('never logs a password, a token, a request body or an Authorization header', () => {
    const text = logs.join('');
    expect(text).toContain('/api/v1/assessments');
    for (const secret of [
      PASSWORD,
      ...Object.values(fixture.tokens),
      'Сойко',
      'Петрова',
      'MD-2026-0100',
      'Deputy commander',
      'Bearer',
      'authorization',
    ]) {
      expect(text.includes(secret), secret).toBe(false);
    }
  });
});

interface CaseDetailJson {
  status: string;
  overdue: boolean;
  triage: {
    routing: string;
    hits: {
      subject: string;
      source: string;
      entity_id: string;
      match: boolean;
      score: number;
      explanation: unknown;
    }[];
  } | null;
  timeline: { kind: string }[];
  notes: unknown[];
  evidence: unknown[];
}

interface OpenApiOperation {
  tags?: string[];
  security?: unknown;
  responses: Record<
    string,
    { content: Record<string, { schema: { properties?: object; additionalProperties?: boolean } }> }
  >;
}

interface OpenApiJson {
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, OpenApiOperation> | undefined>;
}
