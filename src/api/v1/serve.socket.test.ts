/**
 * `sargas serve` with the vetting API over a real socket: the composition `serveApi` builds (the
 * index from the store's current lists, triage started by each submission, graceful shutdown),
 * and the vetting loops on their own with the real service.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { serveApi, startVettingLoops } from '../../cli/commands/serve.js';
import { bufferIo } from '../../cli/io.js';
import type { CliServices, CommandContext } from '../../cli/services.js';
import { loadConfig } from '../../config.js';
import { importList } from '../../lists/import-list.js';
import type { MatchService } from '../../screening/match-service.js';
import { systemClock } from '../../shared/clock.js';
import { ApiKeyRepository } from '../../store/api-key-repository.js';
import type { DbHandle } from '../../store/db.js';
import { ListRepository } from '../../store/list-repository.js';
import { openTestDb } from '../../store/testing.js';
import { VettingRepositoryStore } from '../../store/vetting-repository.js';
import type { VettingService } from '../../vetting/service.js';
import type { Actor, CaseStatus } from '../../vetting/types.js';
import {
  AGENCY_A,
  assessmentBody,
  LISTED_APPLICANT,
  PASSWORD,
  SOYKO_ID,
  T1_LIST,
  t1Screening,
  testVettingService,
} from './testing.js';

let db: DbHandle;
let store: VettingRepositoryStore;

function vettingOver(screening: () => MatchService | null): VettingService {
  return testVettingService(store, systemClock, screening);
}

beforeAll(async () => {
  db = await openTestDb('pglite');
  store = new VettingRepositoryStore(db);
  await importList(
    { store: new ListRepository(db), clock: systemClock },
    { dataset: 'opensanctions', path: sharedData(...T1_LIST) },
  );
  const admin = vettingOver(() => null);
  await admin.upsertAgency('cli', { code: AGENCY_A, name: 'Border agency A', webhookUrl: null });
  await admin.createUser('cli', {
    username: 'officer',
    password: PASSWORD,
    roles: ['migration_officer'],
    agency: AGENCY_A,
  });
  await admin.createUser('cli', {
    username: 'analyst',
    password: PASSWORD,
    roles: ['analyst'],
    agency: null,
  });
});

afterAll(async () => {
  await db?.close();
});

async function until<T>(
  what: string,
  probe: () => Promise<T | null>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('sargas serve with the vetting API, over a real socket', () => {
  it('logs in, takes a submission, triages it against the served index and shuts down', async () => {
    const services: CliServices = {
      config: loadConfig({}),
      lists: () => Promise.reject(new Error('not used')),
      api: async () => ({
        lists: new ListRepository(db),
        apiKeys: new ApiKeyRepository(db),
        vetting: async (screening) => vettingOver(screening),
      }),
    };
    const io = bufferIo();
    const ctx: CommandContext = { services, io, exitCode: 0 };
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const serving = serveApi(ctx, { port: 0, host: '127.0.0.1', auth: 'required' }, stopped);
    const base = await until('the address', async () => {
      const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/u.exec(io.err());
      return match ? match[1]! : null;
    });
    await until('readiness', async () =>
      (await fetch(`${base}/readyz`)).status === 200 ? true : null,
    );

    const token = async (username: string) => {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { token: string }).token;
    };
    const officer = await token('officer');
    const analyst = await token('analyst');

    const submitted = await fetch(`${base}/api/v1/assessments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify(assessmentBody('SOCKET-1', LISTED_APPLICANT)),
    });
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };

    const triaged = await until('triage', async () => {
      const response = await fetch(`${base}/api/v1/cases/${id}`, {
        headers: { authorization: `Bearer ${analyst}` },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        status: CaseStatus;
        triage: { hits: { entity_id: string; match: boolean }[] } | null;
      };
      return body.triage === null ? null : body;
    });
    expect(triaged.status).toBe('triaged');
    expect(triaged.triage?.hits).toContainEqual(
      expect.objectContaining({ entity_id: SOYKO_ID, match: true }),
    );

    const view = await fetch(`${base}/api/v1/assessments/${id}`, {
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(await view.json()).toEqual({
      id,
      external_id: 'SOCKET-1',
      status: 'in_progress',
      conclusion: null,
      concluded_at: null,
    });

    stop();
    await serving;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});

describe('startVettingLoops', () => {
  const lines: { level: 'info' | 'error'; details: object; message: string }[] = [];
  const log = {
    info: (details: object, message: string) => lines.push({ level: 'info', details, message }),
    error: (details: object, message: string) => lines.push({ level: 'error', details, message }),
  };
  /** Sweeps far apart: only `triageSoon` can start a run within a test. */
  const slow = { triageSweepMs: 3_600_000, deliverySweepMs: 3_600_000 };

  async function officerActor(vetting: VettingService): Promise<Actor> {
    const session = await vetting.login('officer', PASSWORD);
    return (await vetting.authenticate({ token: session.token }))!;
  }

  it('triages a submission when asked, between sweeps, and stops cleanly', async () => {
    const screening = await t1Screening();
    const vetting = vettingOver(() => screening);
    const loops = startVettingLoops(vetting, log, slow);
    const submitted = await vetting.submitAssessment(
      await officerActor(vetting),
      assessmentBody('LOOPS-1', LISTED_APPLICANT),
    );
    const id = submitted.assessment.id;
    loops.triageSoon();
    loops.triageSoon(); // A burst runs at most once more, never in parallel.
    await until('triage', async () =>
      (await store.caseById(id))?.status === 'triaged' ? true : null,
    );
    await loops.stop();
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'new cases triaged' }),
    );
  });

  it('logs a failed run and keeps going', async () => {
    lines.length = 0;
    let broken = true;
    const screening = await t1Screening();
    const vetting = vettingOver(() => {
      if (broken) throw new Error('index unavailable');
      return screening;
    });
    const loops = startVettingLoops(vetting, log, slow);
    await until('the error line', async () =>
      lines.some((line) => line.level === 'error') ? true : null,
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'triage failed; the next sweep retries' }),
    );
    broken = false;
    const submitted = await vetting.submitAssessment(
      await officerActor(vetting),
      assessmentBody('LOOPS-2', LISTED_APPLICANT),
    );
    loops.triageSoon();
    await until('triage after the failure', async () =>
      (await store.caseById(submitted.assessment.id))?.status === 'triaged' ? true : null,
    );
    await loops.stop();
  });
});
