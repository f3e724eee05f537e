import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { importList } from '../../lists/import-list.js';
import { MatchServiceHolder } from '../../screening/match-service.js';
import { createMonitoringService, type MonitoringService } from '../../screening/monitor/index.js';
import { fixedClock, systemClock } from '../../shared/clock.js';
import { ApiKeyRepository } from '../../store/api-key-repository.js';
import type { DbHandle } from '../../store/db.js';
import { openJobQueue } from '../../store/job-queue.js';
import { ListRepository } from '../../store/list-repository.js';
import { MonitoringRepositoryStore } from '../../store/monitoring-repository.js';
import { DIALECTS, openTestDb, TEST_SERVER_URL } from '../../store/testing.js';
import { createApiKey, storedKeyVerifier } from '../api-keys.js';
import { buildServer } from '../server.js';
import type { Alert, Job, Subject } from './schemas.js';

/**
 * The monitoring routes over a real store (PGlite and the PostgreSQL server), the real UN list
 * (2026-01-28) and a real job queue with a worker in this process: pg-boss on PostgreSQL.
 */
const KATANGA = 'un:6907998';
const FLORIBERT = 'un:6908012';

const SUBJECTS_CSV = [
  'id,schema,name,birth_date,nationality,id_number',
  'permit-1,Person,Germain Katanga,1978-04-28,cd,',
  'permit-2,Person,Quorvel Plenthorpe,1990,,',
  // No listed name, but the passport number of Floribert Ngabu Njabu's UN record.
  'permit-3,Person,Jean Dupont,,,OB 0243318',
  '',
].join('\n');

interface ErrorBody {
  detail: string;
  field?: string;
}
type AlertWithHistory = Alert & {
  history: { action: string; actor: string; reason: string | null; to_status: string }[];
};

describe.each(DIALECTS)('monitoring routes on %s', (dialect) => {
  let db: DbHandle;
  let monitoring: MonitoringService;
  let app: FastifyInstance;
  const registered: RouteOptions[] = [];
  const keys = { analyst: '', screener: '', admin: '' };

  beforeAll(async () => {
    db = await openTestDb(dialect);
    let databaseUrl: string | null = null;
    if (dialect === 'postgres') {
      const [row] = await db.query<{ name: string }>('SELECT current_database() AS name');
      databaseUrl = `${TEST_SERVER_URL}/${row!.name}`;
    }
    const lists = new ListRepository(db);
    const clock = fixedClock('2026-03-01T08:00:00Z');
    await importList(
      { store: lists, clock },
      { dataset: 'un', path: sharedData('lists', 'un', '2026-01-28.xml') },
    );
    const apiKeys = new ApiKeyRepository(db);
    const create = async (name: string, scopes: Parameters<typeof createApiKey>[1]['scopes']) =>
      (await createApiKey({ store: apiKeys, clock }, { name, scopes })).key;
    keys.analyst = await create('anna', ['monitor']);
    keys.screener = await create('screener', ['match', 'search']);
    keys.admin = await create('ops', ['admin']);

    monitoring = createMonitoringService({
      store: new MonitoringRepositoryStore(db),
      lists,
      queue: await openJobQueue(db, { databaseUrl, pollingIntervalSeconds: 0.5 }),
      clock: systemClock,
    });
    await monitoring.startWorker();
    app = buildServer({
      screening: new MatchServiceHolder(),
      lists,
      apiKeys: storedKeyVerifier(apiKeys),
      // The local embedded default: anonymous callers may screen, but not monitor.
      config: { auth: 'none' },
      monitoring,
      logger: false,
    });
    app.addHook('onRoute', (route) => {
      registered.push(route);
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await monitoring?.close();
    await db?.close();
  });

  function call(
    method: 'GET' | 'POST',
    url: string,
    options: { key?: string | null; body?: unknown; contentType?: string } = {},
  ) {
    const key = options.key === undefined ? keys.analyst : options.key;
    const headers: Record<string, string> = {};
    if (key !== null) headers.authorization = `ApiKey ${key}`;
    if (options.body === undefined) return app.inject({ method, url, headers });
    headers['content-type'] = options.contentType ?? 'application/json';
    const payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    return app.inject({ method, url, headers, payload });
  }

  async function waitUntilDone(id: number): Promise<{ final: Job; seen: Job[] }> {
    const seen: Job[] = [];
    for (let attempt = 0; attempt < 1200; attempt++) {
      const response = await call('GET', `/monitoring/jobs/${id}`);
      expect(response.statusCode).toBe(200);
      const job = response.json<Job>();
      seen.push(job);
      if (job.state === 'completed' || job.state === 'failed') return { final: job, seen };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
  }

  it('needs the monitor scope (or admin): anonymous and screening keys are refused', async () => {
    const anonymous = await call('GET', '/monitoring/jobs', { key: null });
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json<ErrorBody>().detail).toBe('This API key lacks the scope monitor');
    expect((await call('GET', '/monitoring/alerts', { key: keys.screener })).statusCode).toBe(403);
    expect((await call('GET', '/monitoring/jobs', { key: 'sargas_not-a-key' })).statusCode).toBe(
      401,
    );
    expect((await call('GET', '/monitoring/jobs')).statusCode).toBe(200);
    expect((await call('GET', '/monitoring/jobs', { key: keys.admin })).statusCode).toBe(200);
    const routes = registered.filter((route) => route.url.startsWith('/monitoring'));
    expect(
      routes.filter((route) => JSON.stringify(route.config?.scopes) !== '["monitor"]'),
    ).toEqual([]);
    // Eight routes (Fastify adds a HEAD route beside each GET).
    expect(routes.filter((route) => route.method !== 'HEAD')).toHaveLength(8);
  });

  it('imports subjects from CSV, counting new, updated and unchanged ones', async () => {
    const first = await call('POST', '/monitoring/subjects', {
      body: SUBJECTS_CSV,
      contentType: 'text/csv',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });

    const changed = SUBJECTS_CSV.replace('Quorvel Plenthorpe,1990', 'Quorvel Plenthorpe,1991');
    const second = await call('POST', '/monitoring/subjects', {
      body: changed,
      contentType: 'text/csv; charset=utf-8',
    });
    expect(second.json()).toEqual({ rows: 3, inserted: 0, updated: 1, unchanged: 2 });
  });

  it('imports subjects from JSON, with `external_id` for your id', async () => {
    const response = await call('POST', '/monitoring/subjects', {
      body: {
        subjects: [
          { external_id: 'permit-4', name: 'Ilse Vandermeer', birth_date: '1985-02' },
          {
            external_id: 'permit-1',
            schema: 'Person',
            name: 'Germain Katanga',
            birth_date: '1978-04-28',
            nationality: 'cd',
          },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ rows: 2, inserted: 1, updated: 0, unchanged: 1 });
  });

  it('refuses a bad row, naming its line or field, and imports nothing of the request', async () => {
    const csv = await call('POST', '/monitoring/subjects', {
      body: 'external_id,schema,name,birth_date,nationality,id_number\nnew-1,Person,Anna Lind,,,\nnew-2,Person,Bo Berg,1975-13-01,,\n',
      contentType: 'text/csv',
    });
    expect(csv.statusCode).toBe(400);
    expect(csv.json()).toEqual({
      detail:
        "subjects.csv, line 3, field 'birth_date': birth date '1975-13-01' is not YYYY, YYYY-MM or YYYY-MM-DD",
      field: 'birth_date',
    });

    const json = await call('POST', '/monitoring/subjects', {
      body: { subjects: [{ external_id: 'new-3', name: 'Cy Dahl' }, { external_id: 'new-4' }] },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json<ErrorBody>().field).toBe('subjects.1.name');
    expect(json.json<ErrorBody>().detail).toContain('neither a name nor an id_number');

    const twice = await call('POST', '/monitoring/subjects', {
      body: {
        subjects: [
          { external_id: 'new-5', name: 'Di Ek' },
          { external_id: 'new-5', name: 'Di Ek' },
        ],
      },
    });
    expect(twice.json<ErrorBody>().field).toBe('subjects.1.external_id');

    const shape = await call('POST', '/monitoring/subjects', {
      body: { subjects: [{ name: 'No Id' }] },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json<ErrorBody>().field).toBe('subjects.0.external_id');

    const plain = await call('POST', '/monitoring/subjects', {
      body: 'id,name\n',
      contentType: 'text/plain',
    });
    expect(plain.statusCode).toBe(415);

    const page = (await call('GET', '/monitoring/subjects')).json<{ total: number }>();
    expect(page.total).toBe(4);
  });

  it('pages through the subjects in id order', async () => {
    const first = await call('GET', '/monitoring/subjects?limit=3');
    expect(first.statusCode).toBe(200);
    const one = first.json<{ subjects: Subject[]; total: number; next_after: number | null }>();
    expect(one.total).toBe(4);
    expect(one.subjects.map((subject) => subject.external_id)).toEqual([
      'permit-1',
      'permit-2',
      'permit-3',
    ]);
    expect(one.subjects[0]).toEqual({
      id: expect.any(Number),
      external_id: 'permit-1',
      schema: 'Person',
      name: 'Germain Katanga',
      birth_date: '1978-04-28',
      nationality: 'cd',
      id_number: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(one.next_after).toBe(one.subjects[2]!.id);
    const two = (await call('GET', `/monitoring/subjects?limit=3&after=${one.next_after}`)).json<{
      subjects: Subject[];
      next_after: number | null;
    }>();
    expect(two.subjects.map((subject) => subject.external_id)).toEqual(['permit-4']);
    expect(two.next_after).toBeNull();
  });

  it('queues a full re-screen (202) and shows its progress until it completes', async () => {
    const queued = await call('POST', '/monitoring/jobs', { body: { kind: 'full' } });
    expect(queued.statusCode).toBe(202);
    const job = queued.json<Job>();
    expect(queued.headers.location).toBe(`/monitoring/jobs/${job.id}`);
    expect(job).toMatchObject({ kind: 'full', requested_by: 'anna', version_id: null });
    expect(['queued', 'running', 'completed']).toContain(job.state);

    const { final, seen } = await waitUntilDone(job.id);
    expect(final).toMatchObject({
      state: 'completed',
      processed: 4,
      total: 4,
      progress: 1,
      error: null,
    });
    expect(final.alerts_raised).toBeGreaterThanOrEqual(2);
    expect(final.started_at).not.toBeNull();
    expect(final.finished_at).not.toBeNull();
    expect(seen.every((row) => row.processed <= row.total || row.state === 'queued')).toBe(true);

    const listed = (await call('GET', '/monitoring/jobs')).json<{ jobs: Job[] }>().jobs;
    expect(listed[0]).toEqual(final);
  });

  it('checks job requests and queues the delta of a list by its name', async () => {
    const full = await call('POST', '/monitoring/jobs', {
      body: { kind: 'full', version_id: 1 },
    });
    expect(full.statusCode).toBe(400);
    expect(full.json<ErrorBody>().field).toBe('version_id');
    const both = await call('POST', '/monitoring/jobs', {
      body: { kind: 'delta', version_id: 1, source: 'un' },
    });
    expect(both.json<ErrorBody>().field).toBe('source');
    expect(
      (await call('POST', '/monitoring/jobs', { body: { kind: 'delta', source: 'eu' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('POST', '/monitoring/jobs', { body: { kind: 'sideways' } })).json<ErrorBody>()
        .field,
    ).toBe('kind');
    expect((await call('GET', '/monitoring/jobs/99999')).statusCode).toBe(404);

    const delta = await call('POST', '/monitoring/jobs', {
      body: { kind: 'delta', source: 'un' },
    });
    expect(delta.statusCode).toBe(202);
    const job = delta.json<Job>();
    const [version] = await new ListRepository(db).listVersions('un');
    expect(job).toMatchObject({ kind: 'delta', source: 'un', version_id: version!.id });
    // The pairs were raised by the full re-screen and nothing changed: no new alerts.
    const { final } = await waitUntilDone(job.id);
    expect(final).toMatchObject({ state: 'completed', alerts_raised: 0 });
  });

  it('lists alerts with filters and shows one with its history', async () => {
    const open = (await call('GET', '/monitoring/alerts?status=open')).json<{ alerts: Alert[] }>()
      .alerts;
    const katanga = open.find((alert) => alert.entity_id === KATANGA);
    expect(katanga).toMatchObject({ external_id: 'permit-1', source: 'un', status: 'open' });
    expect(katanga!.explanation.features.length).toBeGreaterThan(0);
    // Found by the passport number alone: the identifier is in the candidate index.
    const byPassport = open.find((alert) => alert.external_id === 'permit-3');
    expect(byPassport).toMatchObject({ entity_id: FLORIBERT });
    expect(byPassport!.explanation.features.map((feature) => feature.name)).toContain(
      'identifier_match',
    );

    const mine = (await call('GET', '/monitoring/alerts?subject=permit-1')).json<{
      alerts: Alert[];
    }>().alerts;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((alert) => alert.external_id === 'permit-1')).toBe(true);
    expect(
      (await call('GET', '/monitoring/alerts?status=dismissed')).json<{ alerts: Alert[] }>().alerts,
    ).toEqual([]);
    expect((await call('GET', '/monitoring/alerts?status=maybe')).statusCode).toBe(400);

    const one = (await call('GET', `/monitoring/alerts/${katanga!.id}`)).json<AlertWithHistory>();
    expect(one.history).toEqual([
      expect.objectContaining({ action: 'raised', actor: 'system', to_status: 'open' }),
    ]);
    expect((await call('GET', '/monitoring/alerts/99999')).statusCode).toBe(404);
  });

  it("records a decision with the API key's name as the actor, whatever the body says", async () => {
    const [alert] = (await call('GET', '/monitoring/alerts?subject=permit-3')).json<{
      alerts: Alert[];
    }>().alerts;
    const url = `/monitoring/alerts/${alert!.id}/decision`;

    const dismissed = await call('POST', url, {
      body: { action: 'dismiss', reason: 'Different person: passport re-issued', actor: 'mallory' },
    });
    expect(dismissed.statusCode).toBe(200);
    const after = dismissed.json<AlertWithHistory>();
    expect(after.status).toBe('dismissed');
    expect(after.history.at(-1)).toMatchObject({
      action: 'dismissed',
      actor: 'anna',
      reason: 'Different person: passport re-issued',
      to_status: 'dismissed',
    });

    const confirmed = await call('POST', url, {
      key: keys.admin,
      body: { action: 'confirm', reason: 'Second review: same passport, same person' },
    });
    expect(confirmed.json<AlertWithHistory>().history.map((entry) => entry.actor)).toEqual([
      'system',
      'anna',
      'ops',
    ]);

    const again = await call('POST', url, { body: { action: 'confirm', reason: 'again' } });
    expect(again.statusCode).toBe(409);
    const noReason = await call('POST', url, { body: { action: 'dismiss', reason: '' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().field).toBe('reason');
    const blank = await call('POST', url, { body: { action: 'dismiss', reason: '   ' } });
    expect(blank.json<ErrorBody>().field).toBe('reason');
    const screener = await call('POST', url, {
      key: keys.screener,
      body: { action: 'dismiss', reason: 'not allowed' },
    });
    expect(screener.statusCode).toBe(403);
    const missing = await call('POST', '/monitoring/alerts/99999/decision', {
      body: { action: 'dismiss', reason: 'no such alert' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lets a delta select a subject by its identifier alone', async () => {
    // No name: only the identifier key can bring this subject into a delta.
    const imported = await call('POST', '/monitoring/subjects', {
      body: { subjects: [{ external_id: 'permit-5', id_number: 'ob0243318' }] },
    });
    expect(imported.json()).toMatchObject({ inserted: 1 });
    // The list's first version: every entity in it is new to the delta.
    const queued = await call('POST', '/monitoring/jobs', {
      body: { kind: 'delta', source: 'un' },
    });
    const { final } = await waitUntilDone(queued.json<Job>().id);
    expect(final).toMatchObject({ state: 'completed', alerts_raised: 1 });
    const alerts = (await call('GET', '/monitoring/alerts?subject=permit-5')).json<{
      alerts: Alert[];
    }>().alerts;
    expect(alerts.map((alert) => alert.entity_id)).toEqual([FLORIBERT]);
  });

  it('documents the routes in OpenAPI, with the CSV body', async () => {
    const document = (await app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[]; requestBody?: { content: object } }>>;
    }>();
    const importRoute = document.paths['/monitoring/subjects']!.post!;
    expect(importRoute.tags).toEqual(['Monitoring']);
    expect(Object.keys(importRoute.requestBody!.content).sort()).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/monitoring/jobs',
        '/monitoring/jobs/{id}',
        '/monitoring/alerts',
        '/monitoring/alerts/{id}',
        '/monitoring/alerts/{id}/decision',
      ]),
    );
  });
});
