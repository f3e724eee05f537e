/**
 * The RBAC matrix of `/api/v1`: every route × every role, against a literal table of what each
 * role may do (written from issue 6's roles, not derived from `PERMISSIONS`, so a wrong entry there
 * fails here). Each cell sends a request that succeeds for a permitted caller, or fails for a
 * domain reason the table names (404 for an id that does not exist), never for lack of rights.
 */
import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../vetting/types.js';
import { registerV1Auth } from './auth.js';
import {
  assessmentBody,
  CLEAN_APPLICANT,
  LISTED_APPLICANT,
  login,
  openV1Fixture,
  t1Screening,
  usernameOf,
  type V1Fixture,
} from './testing.js';

type Caller = 'anonymous' | Role;
const CALLERS: readonly Caller[] = [
  'anonymous',
  'migration_officer',
  'analyst',
  'supervisor',
  'auditor',
  'admin',
];

/** `2xx`: the call succeeds; a number: exactly that status. */
type Outcome = '2xx' | 401 | 403 | 404;
type Row = readonly [
  anonymous: Outcome,
  officer: Outcome,
  analyst: Outcome,
  supervisor: Outcome,
  auditor: Outcome,
  admin: Outcome,
];

/** Route → outcome per caller, in `CALLERS` order. */
// biome-ignore format: the table reads best aligned
const MATRIX: Readonly<Record<string, Row>> = {
  //                                         anon   offic. analy. superv audit. admin
  'POST /api/v1/auth/login':                [401,   '2xx', '2xx', '2xx', '2xx', '2xx'],
  'POST /api/v1/auth/logout':               [401,   '2xx', '2xx', '2xx', '2xx', '2xx'],
  'POST /api/v1/assessments':               [401,   '2xx', 403,   403,   403,   403],
  'GET /api/v1/assessments/:id':            [401,   '2xx', 403,   403,   403,   403],
  'GET /api/v1/cases':                      [401,   403,   '2xx', '2xx', 403,   403],
  'GET /api/v1/cases/:id':                  [401,   403,   '2xx', '2xx', 403,   403],
  'POST /api/v1/cases/:id/assignment':      [401,   403,   '2xx', '2xx', 403,   403],
  'POST /api/v1/cases/:id/notes':           [401,   403,   '2xx', '2xx', 403,   403],
  'POST /api/v1/cases/:id/evidence':        [401,   403,   '2xx', '2xx', 403,   403],
  'POST /api/v1/cases/:id/proposal':        [401,   403,   '2xx', 403,   403,   403],
  'POST /api/v1/cases/:id/approval':        [401,   403,   403,   '2xx', 403,   403],
  'POST /api/v1/cases/bulk-approval':       [401,   403,   403,   '2xx', 403,   403],
  'GET /api/v1/watchlist':                  [401,   403,   '2xx', '2xx', 403,   403],
  'POST /api/v1/watchlist':                 [401,   403,   403,   '2xx', 403,   403],
  'PUT /api/v1/watchlist/:id':              [401,   403,   403,   '2xx', 403,   403],
  'DELETE /api/v1/watchlist/:id':           [401,   403,   403,   404,   403,   403],
  'GET /api/v1/audit/verify':               [401,   403,   403,   403,   '2xx', 403],
  'GET /api/v1/audit':                      [401,   403,   403,   403,   '2xx', 403],
  'GET /api/v1/statistics':                 [401,   403,   403,   '2xx', '2xx', 403],
  'GET /api/v1/users':                      [401,   403,   403,   403,   403,   '2xx'],
  'POST /api/v1/users':                     [401,   403,   403,   403,   403,   '2xx'],
  'POST /api/v1/users/:id/active':          [401,   403,   403,   403,   403,   '2xx'],
};

interface Call {
  readonly url: string;
  readonly payload?: object;
}

let fixture: V1Fixture;
const registered: RouteOptions[] = [];
/** The request each route gets (the same for every caller), filled in by `beforeAll`. */
let calls: Record<string, (caller: Caller) => Call>;

beforeAll(async () => {
  fixture = await openV1Fixture('pglite', {
    screening: await t1Screening(),
    onRoute: (route) => registered.push(route),
  });
  const { vetting, users, tokens } = fixture;
  const officer = (await vetting.authenticate({ token: tokens.migration_officer }))!;
  const supervisor = (await vetting.authenticate({ token: tokens.supervisor }))!;
  // Cases in the states the case routes need: two flagged (one to assign and annotate, one to
  // propose and approve) and one clean (triage proposed no_objection, for the bulk sign-off).
  const submit = async (externalId: string, applicant: object) =>
    (await vetting.submitAssessment(officer, assessmentBody(externalId, applicant as never)))
      .assessment.id;
  const worked = await submit('RBAC-1', LISTED_APPLICANT);
  const proposed = await submit('RBAC-2', { ...LISTED_APPLICANT, passport_number: 'MP1234567' });
  const clean = await submit('RBAC-3', CLEAN_APPLICANT);
  expect(await vetting.triagePending()).toMatchObject({ triaged: 3, flagged: 2, clean: 1 });
  const watched = await vetting.createWatchlistEntry(supervisor, {
    schema: 'Person',
    names: ['Иван Сергеевич Кравцов'],
    birthDate: null,
    countries: ['BY'],
    reason: 'test entry',
    classification: 'restricted',
  });
  let created = 0;
  const watchlistBody = {
    schema: 'Organization',
    names: ['ОАО «Тестовый завод»'],
    reason: 'supplies the armed forces',
    classification: 'confidential',
  };
  calls = {
    'POST /api/v1/auth/login': (caller) => ({
      url: '/api/v1/auth/login',
      payload:
        caller === 'anonymous'
          ? { username: 'analyst', password: 'not the password' }
          : { username: usernameOf(caller), password: 'a long enough test password' },
    }),
    'POST /api/v1/auth/logout': () => ({ url: '/api/v1/auth/logout' }),
    'POST /api/v1/assessments': () => ({
      url: '/api/v1/assessments',
      payload: assessmentBody('RBAC-4', CLEAN_APPLICANT),
    }),
    'GET /api/v1/assessments/:id': () => ({ url: `/api/v1/assessments/${worked}` }),
    'GET /api/v1/cases': () => ({ url: '/api/v1/cases?status=triaged' }),
    'GET /api/v1/cases/:id': () => ({ url: `/api/v1/cases/${worked}` }),
    'POST /api/v1/cases/:id/assignment': () => ({
      url: `/api/v1/cases/${worked}/assignment`,
      payload: { assignee_user_id: users.analyst.id },
    }),
    'POST /api/v1/cases/:id/notes': () => ({
      url: `/api/v1/cases/${worked}/notes`,
      payload: { text: 'Checked the passport copy.' },
    }),
    'POST /api/v1/cases/:id/evidence': () => ({
      url: `/api/v1/cases/${worked}/evidence`,
      payload: {
        title: 'Service record',
        content: 'Officer of the air force.',
        classification: 'secret',
      },
    }),
    'POST /api/v1/cases/:id/proposal': () => ({
      url: `/api/v1/cases/${proposed}/proposal`,
      payload: { conclusion: 'threat', reasoning: 'Listed under the Belarus regime.' },
    }),
    'POST /api/v1/cases/:id/approval': () => ({
      url: `/api/v1/cases/${proposed}/approval`,
      payload: { decision: 'approve', comment: 'Agreed.' },
    }),
    'POST /api/v1/cases/bulk-approval': () => ({
      url: '/api/v1/cases/bulk-approval',
      payload: { case_ids: [clean], comment: 'Clean.' },
    }),
    'GET /api/v1/watchlist': () => ({ url: '/api/v1/watchlist' }),
    'POST /api/v1/watchlist': () => ({ url: '/api/v1/watchlist', payload: watchlistBody }),
    'PUT /api/v1/watchlist/:id': () => ({
      url: `/api/v1/watchlist/${watched.id}`,
      payload: { ...watchlistBody, schema: 'Person', names: ['Иван Сергеевич Кравцов'] },
    }),
    // A deletion can succeed once: the permitted caller deletes nothing (404, not 403).
    'DELETE /api/v1/watchlist/:id': () => ({ url: '/api/v1/watchlist/999999' }),
    'GET /api/v1/audit/verify': () => ({ url: '/api/v1/audit/verify' }),
    'GET /api/v1/audit': () => ({ url: '/api/v1/audit?after=0&limit=10' }),
    'GET /api/v1/statistics': () => ({ url: '/api/v1/statistics?year=2026' }),
    'GET /api/v1/users': () => ({ url: '/api/v1/users' }),
    'POST /api/v1/users': () => ({
      url: '/api/v1/users',
      payload: {
        username: `new-user-${++created}`,
        password: 'another long password',
        roles: ['analyst'],
      },
    }),
    'POST /api/v1/users/:id/active': () => ({
      url: `/api/v1/users/${users.auditor.id}/active`,
      payload: { active: true },
    }),
  };
});

afterAll(async () => {
  await fixture?.close();
});

/** Each caller's credentials for one request; logout gets a session of its own. */
async function authorization(caller: Caller, route: string): Promise<string | undefined> {
  if (caller === 'anonymous') return undefined;
  if (route === 'POST /api/v1/auth/logout') {
    return `Bearer ${await login(fixture.app, usernameOf(caller))}`;
  }
  return `Bearer ${fixture.tokens[caller]}`;
}

function matches(status: number, outcome: Outcome): boolean {
  return outcome === '2xx' ? status >= 200 && status < 300 : status === outcome;
}

function v1Routes(): string[] {
  return registered
    .filter((route) => route.url.startsWith('/api/v1'))
    .flatMap((route) =>
      (Array.isArray(route.method) ? route.method : [route.method]).map(
        (method) => `${method} ${route.url}`,
      ),
    )
    .filter((route) => !route.startsWith('HEAD '));
}

describe('/api/v1 RBAC matrix', () => {
  it('has a row for every registered v1 route, and every route declares its access', () => {
    expect(v1Routes().sort()).toEqual(Object.keys(MATRIX).sort());
    const undeclared = registered
      .filter((route) => route.url.startsWith('/api/v1'))
      .filter((route) => route.config?.access === undefined || route.config?.scopes !== 'public');
    expect(undeclared.map((route) => route.url)).toEqual([]);
  });

  it('gives every role exactly the outcome of the table', async () => {
    const failures: string[] = [];
    for (const [route, row] of Object.entries(MATRIX)) {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'DELETE';
      for (const [index, caller] of CALLERS.entries()) {
        const call = calls[route]!(caller);
        const auth = await authorization(caller, route);
        const response = await fixture.app.inject({
          method,
          url: call.url,
          ...(call.payload === undefined ? {} : { payload: call.payload }),
          ...(auth === undefined ? {} : { headers: { authorization: auth } }),
        });
        const expected = row[index]!;
        if (!matches(response.statusCode, expected)) {
          failures.push(
            `${route} as ${caller}: ${response.statusCode} ${response.body} (expected ${expected})`,
          );
        }
        if (response.statusCode === 403 && expected === 403) {
          // The route's own check answers, naming the permission, before any domain work.
          expect(response.json<{ detail: string }>().detail).toMatch(
            /^This requires the permission /u,
          );
        }
        if (response.statusCode === 401) {
          expect(response.headers['www-authenticate']).toBe('Bearer');
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses an unknown, malformed or logged-out credential with 401', async () => {
    const token = await login(fixture.app, 'auditor');
    const logout = await fixture.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(logout.statusCode).toBe(204);
    for (const authorization of [
      `Bearer ${token}`,
      'Bearer not-a-session',
      'ApiKey sargas_not-a-key',
      `Basic ${Buffer.from('auditor:x').toString('base64')}`,
      fixture.tokens.auditor,
    ]) {
      const response = await fixture.app.inject({
        url: '/api/v1/audit/verify',
        headers: { authorization },
      });
      expect(response.statusCode, authorization).toBe(401);
    }
  });

  it('closes a v1 route that declares no access to everyone (fail closed)', async () => {
    const app = Fastify({ logger: false });
    await app.register(async (v1) => {
      registerV1Auth(v1, fixture.vetting);
      v1.get('/undeclared', { config: { scopes: 'public' } }, async () => ({ ok: true }));
    });
    try {
      const response = await app.inject({
        url: '/undeclared',
        headers: { authorization: `Bearer ${fixture.tokens.admin}` },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({
        detail: 'This route declares no permission and is closed',
      });
    } finally {
      await app.close();
    }
  });
});
