/**
 * Only for tests: the vetting API over a real store (PGlite or PostgreSQL), real argon2 password
 * hashes and a screening index built from a real list file.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { expect } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { readList } from '../../lists/read-list.js';
import type { Entity } from '../../model/entity.js';
import { MatchService } from '../../screening/match-service.js';
import type { Clock } from '../../shared/clock.js';
import type { DbHandle, Dialect } from '../../store/db.js';
import { openTestDb } from '../../store/testing.js';
import { VettingRepositoryStore } from '../../store/vetting-repository.js';
import { argon2Hasher } from '../../vetting/argon2-hasher.js';
import { createVettingService } from '../../vetting/create-service.js';
import type { VettingService } from '../../vetting/service.js';
import { DEFAULT_SLA_POLICY } from '../../vetting/sla.js';
import { DEFAULT_RISK_RULES } from '../../vetting/triage/index.js';
import type { Role, User } from '../../vetting/types.js';
import { buildServer, type ServerDeps } from '../server.js';

/**
 * The smallest real list file with a listed person whose names are given in Cyrillic: yente's
 * `t1` fixture (OpenSanctions extract), e.g. Viktor SOYKO, Belarusian Air Force (EU-listed).
 */
export const T1_LIST = ['lists', 'opensanctions', 'yente_fixtures', 't1', 'entities.ftm.json'];
export const SOYKO_ID = 'os:NK-2Myxbs6wX9xFKGoQn3sLaY';

export async function t1Screening(): Promise<MatchService> {
  const list = await readList({ dataset: 'opensanctions', path: sharedData(...T1_LIST) });
  const entities: Entity[] = [];
  for await (const entity of list.entities) entities.push(entity);
  return MatchService.fromEntities(entities);
}

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  private at: number;
  constructor(start: string) {
    this.at = Date.parse(start);
  }
  now(): Date {
    return new Date(this.at);
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export const PASSWORD = 'a long enough test password';
export const AGENCY_A = 'border-a';
export const AGENCY_B = 'border-b';

/** One account per role, an officer of the other agency, and one user holding two roles. */
export const ACCOUNTS = {
  migration_officer: { roles: ['migration_officer'], agency: AGENCY_A },
  officer_b: { roles: ['migration_officer'], agency: AGENCY_B },
  analyst: { roles: ['analyst'], agency: null },
  supervisor: { roles: ['supervisor'], agency: null },
  auditor: { roles: ['auditor'], agency: null },
  admin: { roles: ['admin'], agency: null },
  dual: { roles: ['analyst', 'supervisor'], agency: null },
} as const satisfies Record<string, { roles: readonly Role[]; agency: string | null }>;
export type Account = keyof typeof ACCOUNTS;

/** `officer_b` → `officer-b` (usernames are a-z, 0-9, `.`, `_`, `-`). */
export const usernameOf = (account: Account) => account.replaceAll('_', '-');

/**
 * The real vetting service for tests: argon2 hashes, default SLA policy and risk rules, no
 * webhook, and no QA sample, so that a clean case is always routed `clean` and tests know where
 * it goes.
 */
export function testVettingService(
  store: VettingRepositoryStore,
  clock: Clock,
  screening: () => MatchService | null,
): VettingService {
  return createVettingService({
    store,
    hasher: argon2Hasher(),
    clock,
    screening,
    webhook: null,
    config: {
      sla: DEFAULT_SLA_POLICY,
      rules: DEFAULT_RISK_RULES,
      qaSampleRate: 0,
      webhookSecret: null,
    },
  });
}

export interface V1Fixture {
  readonly db: DbHandle;
  readonly store: VettingRepositoryStore;
  readonly vetting: VettingService;
  readonly app: FastifyInstance;
  readonly clock: TestClock;
  readonly users: Readonly<Record<Account, User>>;
  /** A bearer session token per account, from `POST /api/v1/auth/login`. */
  readonly tokens: Readonly<Record<Account, string>>;
  close(): Promise<void>;
}

export async function openV1Fixture(
  dialect: Dialect,
  options: {
    readonly screening?: MatchService | null;
    readonly logger?: ServerDeps['logger'];
    /** Called with each route as it is registered (before `ready`). */
    readonly onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<V1Fixture> {
  const db = await openTestDb(dialect);
  const store = new VettingRepositoryStore(db);
  const clock = new TestClock('2026-03-02T09:00:00Z');
  const screening = options.screening ?? null;
  const vetting = testVettingService(store, clock, () => screening);
  await vetting.upsertAgency('cli', { code: AGENCY_A, name: 'Border agency A', webhookUrl: null });
  await vetting.upsertAgency('cli', { code: AGENCY_B, name: 'Border agency B', webhookUrl: null });
  const users = {} as Record<Account, User>;
  for (const [account, spec] of Object.entries(ACCOUNTS) as [
    Account,
    (typeof ACCOUNTS)[Account],
  ][]) {
    users[account] = await vetting.createUser('cli', {
      username: usernameOf(account),
      password: PASSWORD,
      roles: spec.roles,
      agency: spec.agency,
    });
  }
  const app = buildServer({
    screening: { current: () => screening },
    lists: { listVersions: async () => [] },
    apiKeys: null,
    config: { auth: 'required' },
    vetting,
    clock,
    logger: options.logger ?? false,
  });
  const onRoute = options.onRoute;
  if (onRoute !== undefined) app.addHook('onRoute', (route) => onRoute(route));
  await app.ready();
  const tokens = {} as Record<Account, string>;
  for (const account of Object.keys(ACCOUNTS) as Account[]) {
    tokens[account] = await login(app, usernameOf(account));
  }
  return {
    db,
    store,
    vetting,
    app,
    clock,
    users,
    tokens,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export async function login(app: FastifyInstance, username: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: PASSWORD },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ token: string }>().token;
}

/** An assessment request body as the migration authority sends it. */
export function assessmentBody(
  externalId: string,
  applicant: {
    readonly names: readonly string[];
    readonly birth_date?: string;
    readonly citizenship?: readonly string[];
    readonly employment?: readonly Record<string, string>[];
  },
  permitType = 'work_permit',
) {
  return { external_id: externalId, permit_type: permitType, applicant };
}

/** A person on the t1 list, as an officer types the passport's Cyrillic name. */
export const LISTED_APPLICANT = {
  names: ['Сойко Виктор Владимирович'],
  birth_date: '1971-07-03',
  citizenship: ['BY'],
  employment: [{ employer: 'ЧУП «Стройсервис»', position: 'инженер-сметчик', country: 'BY' }],
};

/** Nobody on the list, and a civilian job: triage routes it clean. */
export const CLEAN_APPLICANT = {
  names: ['Мария Ивановна Петрова'],
  birth_date: '1995-05-14',
  citizenship: ['BY'],
  employment: [{ employer: 'ООО «Белая роза»', position: 'бухгалтер', country: 'BY' }],
};
