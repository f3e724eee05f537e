/**
 * `sargas demo seed`: replays a synthetic year through the real workflow, so that the statistics
 * report, the case lists and the audit log have a full year to show, at the real service's scale.
 *
 * - Requests (`generate-year.ts`) are validated exactly as a submission is (`parseAssessmentRequest`,
 *   `deadlineFor`) and bulk-inserted per day (`insertCases`, one audit entry per batch naming the
 *   external id range: the one shortcut, taken for speed).
 * - Triage is the real `triagePending` against the store's current lists and the watchlist, run
 *   on the simulated clock after each day's batch.
 * - The human side is simulated deterministically from the seed, through the real use cases with
 *   demo users (an analyst proposes, a different person, a supervisor, decides): an analyst
 *   proposes `threat` where triage found the planted list person or listed employer, or a
 *   planted background that an analyst would judge a threat, and `no_objection` otherwise; some
 *   proposals are returned once; processing times spread over the SLA with some breaches. A
 *   supervisor signs off the clean cases each working morning (`bulkSignOff`).
 * - Nothing happens after the year's end: cases then still open stay open.
 */
import type { ListStore } from '../../lists/ports.js';
import type { Entity } from '../../model/entity.js';
import { MatchService } from '../../screening/match-service.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, ValidationError } from '../../shared/errors.js';
import type { VettingStore } from '../ports.js';
import { parseAssessmentRequest } from '../request.js';
import type { VettingService } from '../service.js';
import { deadlineFor, type SlaPolicy } from '../sla.js';
import type { Actor, Conclusion, Role, User, VettingCase } from '../types.js';
import { newCase } from '../use-cases/assessments.js';
import {
  type DemoApplication,
  type DemoIntent,
  type DemoRates,
  generateApplications,
  selectListEntities,
} from './generate-year.js';
import { SeededRandom } from './random.js';

export const DEMO_AGENCY = { code: 'demo-migration', name: 'Migration Department (demo)' };

/** The demo's users: distinct people for each role, so four eyes hold as in real work. */
export const DEMO_USERS: readonly {
  readonly username: string;
  readonly roles: readonly Role[];
  readonly agency: string | null;
}[] = [
  { username: 'demo.migration', roles: ['migration_officer'], agency: DEMO_AGENCY.code },
  { username: 'demo.analyst1', roles: ['analyst'], agency: null },
  { username: 'demo.analyst2', roles: ['analyst'], agency: null },
  { username: 'demo.analyst3', roles: ['analyst'], agency: null },
  { username: 'demo.supervisor1', roles: ['supervisor'], agency: null },
  { username: 'demo.supervisor2', roles: ['supervisor'], agency: null },
];

export interface SeedDeps {
  readonly store: VettingStore;
  readonly lists: Pick<ListStore, 'listVersions' | 'versionEntities'>;
  readonly sla: SlaPolicy;
  /** The vetting service on the store, reading `clock` and screening against `screening`. */
  serviceWith(options: { readonly clock: Clock; readonly screening: MatchService }): VettingService;
  /** Wall-clock time (only to refuse a year that has not ended). */
  readonly clock: Clock;
}

export interface SeedOptions {
  readonly count: number;
  readonly seed: number;
  readonly year: number;
  /** Most requests inserted and triaged at once (a day's are split into batches this big). */
  readonly batchSize?: number;
  /** The planted shares (default `DEFAULT_RATES`). */
  readonly rates?: DemoRates;
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedProgress {
  readonly phase: 'lists' | 'users' | 'month' | 'done';
  readonly message: string;
}

export interface SeedSummary {
  readonly year: number;
  readonly seed: number;
  readonly submitted: number;
  readonly triage: { flagged: number; qaSample: number; clean: number };
  readonly proposals: { threat: number; noObjection: number; returned: number };
  readonly approved: number;
  readonly signedOff: number;
  /** Cases not concluded when the year ended. */
  readonly open: number;
  /** Planted listed persons and listed employers, and how many of them triage flagged. */
  readonly planted: {
    listPersons: number;
    listPersonsFlagged: number;
    listedEmployers: number;
    listedEmployersFlagged: number;
    backgrounds: number;
    backgroundsFlagged: number;
  };
  readonly ms: { lists: number; triage: number; total: number };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DEFAULT_BATCH = 250;
const MAX_SIGNOFF = 1_000;
const TRIAGE_DELAY_MS = 2 * 60_000;

/** A clock the simulation moves; the use cases read it as they would read the real one. */
class SimulatedClock implements Clock {
  private at = 0;
  set(ms: number): void {
    this.at = ms;
  }
  now(): Date {
    return new Date(this.at);
  }
}

/** A UUID (version 4 layout) from the seeded generator: the same case ids for the same seed. */
export function seededUuid(random: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((random.int(0, 3) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The next working-hours instant at or after `ms`: Monday to Friday, 07:00–16:00 UTC. */
export function workingTime(ms: number, random: SeededRandom): number {
  let at = ms;
  for (let guard = 0; guard < 10; guard += 1) {
    const date = new Date(at);
    const weekday = date.getUTCDay();
    const hour = date.getUTCHours();
    const dayStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    if (weekday === 0 || weekday === 6 || hour >= 16) {
      at = dayStart + DAY_MS + 7 * HOUR_MS + random.int(0, 120) * 60_000;
      continue;
    }
    if (hour < 7) at = dayStart + 7 * HOUR_MS + random.int(0, 120) * 60_000;
    return at;
  }
  return at;
}

/**
 * A demo request as a new case, validated and given its deadline exactly as `submitAssessment`
 * does (same parser, same SLA rule), submitted by the demo agency's system user.
 */
export function demoCase(application: DemoApplication, id: string, sla: SlaPolicy): VettingCase {
  const request = parseAssessmentRequest(application.body);
  return newCase({
    id,
    request,
    agency: DEMO_AGENCY.code,
    submittedBy: `user:${DEMO_USERS[0]!.username}`,
    submittedAt: application.submittedAt,
    deadline: deadlineFor(request.permitType, application.submittedAt, sla),
  });
}

type HumanEvent =
  | {
      readonly kind: 'propose';
      readonly at: number;
      readonly caseId: string;
      readonly plan: CasePlan;
      readonly round: number;
    }
  | {
      readonly kind: 'decide';
      readonly at: number;
      readonly caseId: string;
      readonly plan: CasePlan;
      readonly round: number;
    }
  | { readonly kind: 'signoff'; readonly at: number };

/** What the simulated people will do with one case, fixed when triage routed it. */
interface CasePlan {
  readonly conclusion: Conclusion;
  readonly reasoning: string;
  readonly analyst: Actor;
  readonly supervisor: Actor;
  /** Whether the supervisor returns the first proposal. */
  readonly returnFirst: boolean;
  readonly random: SeededRandom;
}

/** A binary min-heap of events by time (ties: insertion order). */
class EventQueue {
  private readonly items: { event: HumanEvent; order: number }[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  push(event: HumanEvent): void {
    const items = this.items;
    items.push({ event, order: this.counter++ });
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(items[index]!, items[parent]!)) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }

  peek(): HumanEvent | undefined {
    return this.items[0]?.event;
  }

  pop(): HumanEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined) return undefined;
    if (items.length > 0) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let best = index;
        if (left < items.length && this.before(items[left]!, items[best]!)) best = left;
        if (right < items.length && this.before(items[right]!, items[best]!)) best = right;
        if (best === index) break;
        [items[index], items[best]] = [items[best]!, items[index]!];
        index = best;
      }
    }
    return top.event;
  }

  private before(a: { event: HumanEvent; order: number }, b: { event: HumanEvent; order: number }) {
    return a.event.at < b.event.at || (a.event.at === b.event.at && a.order < b.order);
  }
}

function userActorOf(user: User): Actor {
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    roles: user.roles,
    agency: user.agency,
  };
}

const CATEGORY_TEXT: Readonly<Record<string, string>> = {
  internal_affairs: 'internal affairs',
  armed_forces: 'the armed forces',
  military_industry: 'military industry',
};

/**
 * The analyst's judgement, from what triage showed and the ground truth of the planted case: a
 * threat only where the planted reason is really in front of the analyst.
 */
export function judge(
  vettingCase: VettingCase,
  intent: DemoIntent,
): { conclusion: Conclusion; reasoning: string } {
  const triage = vettingCase.triage;
  const matches = triage?.hits.filter((hit) => hit.match) ?? [];
  if (intent.kind === 'list_person') {
    const hit = matches.find(
      (item) => item.subject === 'applicant' && item.entityId === intent.entityId,
    );
    if (hit !== undefined) {
      return {
        conclusion: 'threat',
        reasoning: `The applicant is ${hit.caption} (${hit.entityId}) on the ${hit.list} list: names and birth date agree.`,
      };
    }
  }
  if (intent.kind === 'designated_employer') {
    const hit = matches.find(
      (item) => item.subject === 'employer' && item.entityId === intent.entityId,
    );
    const indicator = triage?.indicators.find((item) => item.category === 'designated_employer');
    if (hit !== undefined || indicator !== undefined) {
      return {
        conclusion: 'threat',
        reasoning: `Declared employer is a designated organisation: ${hit?.caption ?? indicator?.evidence} (${hit?.entityId ?? 'list'}).`,
      };
    }
  }
  if (intent.kind === 'background' && intent.strong && (triage?.indicators.length ?? 0) > 0) {
    return {
      conclusion: 'threat',
      reasoning: `Service in ${CATEGORY_TEXT[intent.category] ?? intent.category} confirmed from the declared employment; a risk to national security.`,
    };
  }
  if (triage?.routing === 'qa_sample') {
    return {
      conclusion: 'no_objection',
      reasoning: 'QA review of a clean case: nothing of concern.',
    };
  }
  return {
    conclusion: 'no_objection',
    reasoning:
      matches.length > 0
        ? 'Screening hits reviewed: a different person or organisation (dates and details differ).'
        : 'Declared background reviewed: no security concern found.',
  };
}

async function ensureUsers(
  deps: SeedDeps,
  service: VettingService,
  seed: number,
): Promise<Map<string, Actor>> {
  await service.upsertAgency('cli', { ...DEMO_AGENCY, webhookUrl: null });
  const random = new SeededRandom(seed ^ 0x0dd5);
  const actors = new Map<string, Actor>();
  for (const spec of DEMO_USERS) {
    const existing = await deps.store.userByUsername(spec.username);
    const user =
      existing?.user ??
      (await service.createUser('cli', {
        ...spec,
        // Nobody logs in as a demo user: a long random password nobody is told.
        password: Array.from({ length: 32 }, () => random.int(33, 126))
          .map((code) => String.fromCharCode(code))
          .join(''),
      }));
    actors.set(spec.username, userActorOf(user));
  }
  return actors;
}

/** Replays a synthetic year; see the module comment. */
export async function seedYear(deps: SeedDeps, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const { count, seed, year } = options;
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new ValidationError(
      '--assessments must be a whole number from 1 to 1,000,000',
      'assessments',
    );
  }
  if (!Number.isInteger(year) || year < 2000 || year >= deps.clock.now().getUTCFullYear()) {
    throw new ValidationError(
      `--year must be a past year from 2000 on (the demo replays a whole year), not ${year}`,
      'year',
    );
  }
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const progress = (phase: SeedProgress['phase'], message: string) =>
    options.onProgress?.({ phase, message });
  const yearEnd = Date.UTC(year + 1, 0, 1);
  const prefix = `demo-${year}-${seed}-`;
  if ((await deps.store.caseByExternalId(DEMO_AGENCY.code, `${prefix}000001`)) !== null) {
    throw new ConflictError(
      `the store already holds the demo year ${year} with seed ${seed}; use another --seed or --year`,
    );
  }

  // The current lists: the sanctions index for triage, and the listed entities to plant.
  const listsStarted = performance.now();
  const versions = (await deps.lists.listVersions()).filter((version) => version.current);
  if (versions.length === 0) {
    throw new ValidationError('the store holds no lists: run `sargas start` first', 'lists');
  }
  const entities: Entity[] = [];
  for (const version of versions) {
    for await (const entity of deps.lists.versionEntities(version.id)) entities.push(entity);
  }
  const planted = selectListEntities(entities, seed);
  const screening = MatchService.fromEntities(entities, versions);
  const listsMs = performance.now() - listsStarted;
  progress(
    'lists',
    `screening index of ${entities.length} listed entities (${versions.map((v) => `${v.source}@${v.id}`).join(', ')}) in ${(listsMs / 1000).toFixed(1)} s`,
  );

  const clock = new SimulatedClock();
  clock.set(Date.UTC(year, 0, 1));
  const service = deps.serviceWith({ clock, screening });
  const actors = await ensureUsers(deps, service, seed);
  const analysts = ['demo.analyst1', 'demo.analyst2', 'demo.analyst3'].map(
    (name) => actors.get(name)!,
  );
  const supervisors = ['demo.supervisor1', 'demo.supervisor2'].map((name) => actors.get(name)!);
  progress('users', `agency '${DEMO_AGENCY.code}' and ${DEMO_USERS.length} demo users ready`);

  const queue = new EventQueue();
  // The supervisors' morning sign-off of yesterday's clean cases, every working day.
  for (let day = Date.UTC(year, 0, 1); day < yearEnd; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) queue.push({ kind: 'signoff', at: day + 8.5 * HOUR_MS });
  }
  const pendingClean: { id: string; at: number }[] = [];
  let pendingCleanStart = 0;

  const summary = {
    submitted: 0,
    triage: { flagged: 0, qaSample: 0, clean: 0 },
    proposals: { threat: 0, noObjection: 0, returned: 0 },
    approved: 0,
    signedOff: 0,
    planted: {
      listPersons: 0,
      listPersonsFlagged: 0,
      listedEmployers: 0,
      listedEmployersFlagged: 0,
      backgrounds: 0,
      backgroundsFlagged: 0,
    },
  };
  let triageMs = 0;

  const runEvent = async (event: HumanEvent): Promise<void> => {
    clock.set(event.at);
    if (event.kind === 'signoff') {
      while (pendingCleanStart < pendingClean.length) {
        const ids: string[] = [];
        while (
          pendingCleanStart < pendingClean.length &&
          pendingClean[pendingCleanStart]!.at < event.at &&
          ids.length < MAX_SIGNOFF
        ) {
          ids.push(pendingClean[pendingCleanStart]!.id);
          pendingCleanStart += 1;
        }
        if (ids.length === 0) break;
        const supervisor = supervisors[Math.floor(event.at / DAY_MS) % supervisors.length]!;
        const result = await service.bulkSignOff(supervisor, ids, '');
        summary.signedOff += result.approved.length;
      }
      return;
    }
    const { plan } = event;
    if (event.kind === 'propose') {
      const reasoning =
        event.round === 0
          ? plan.reasoning
          : `${plan.reasoning} Supplemented as the supervisor asked.`;
      await service.propose(plan.analyst, event.caseId, { conclusion: plan.conclusion, reasoning });
      if (event.round === 0) {
        if (plan.conclusion === 'threat') summary.proposals.threat += 1;
        else summary.proposals.noObjection += 1;
      }
      const decideAt = workingTime(event.at + plan.random.int(1, 48) * HOUR_MS, plan.random);
      queue.push({ kind: 'decide', at: decideAt, caseId: event.caseId, plan, round: event.round });
      return;
    }
    if (plan.returnFirst && event.round === 0) {
      await service.decide(plan.supervisor, event.caseId, {
        decision: 'return',
        comment: 'Please add the sources you checked to the reasoning.',
      });
      summary.proposals.returned += 1;
      const again = workingTime(event.at + plan.random.int(20, 72) * HOUR_MS, plan.random);
      queue.push({ kind: 'propose', at: again, caseId: event.caseId, plan, round: 1 });
      return;
    }
    await service.decide(plan.supervisor, event.caseId, { decision: 'approve', comment: '' });
    summary.approved += 1;
  };

  const drainUntil = async (ms: number) => {
    for (let next = queue.peek(); next !== undefined && next.at < ms; next = queue.peek()) {
      await runEvent(queue.pop()!);
    }
  };

  const planCase = (item: VettingCase, application: DemoApplication, triagedAt: number) => {
    const random = new SeededRandom(seed * 7_919 + application.index);
    const { conclusion, reasoning } = judge(item, application.intent);
    const slaDays = Math.max(
      1,
      (Date.parse(item.deadline) - Date.parse(item.submittedAt)) / DAY_MS,
    );
    // Most cases well inside the SLA; about one in ten of the flagged ones late.
    const qa = item.triage?.routing === 'qa_sample';
    const late = !qa && random.chance(conclusion === 'threat' ? 0.1 : 0.07);
    const factor = qa
      ? 0.05 + random.next() * 0.25
      : late
        ? 1.02 + random.next() * 0.5
        : 0.1 + random.next() * 0.7;
    const plan: CasePlan = {
      conclusion,
      reasoning,
      analyst: analysts[application.index % analysts.length]!,
      supervisor: supervisors[(application.index >> 2) % supervisors.length]!,
      returnFirst: random.chance(conclusion === 'threat' ? 0.08 : 0.03),
      random,
    };
    const proposeAt = workingTime(triagedAt + factor * slaDays * DAY_MS, random);
    queue.push({ kind: 'propose', at: proposeAt, caseId: item.id, plan, round: 0 });
  };

  const insertBatch = async (batch: readonly DemoApplication[], ids: readonly string[]) => {
    const cases = batch.map((application, position) =>
      demoCase(application, ids[position]!, deps.sla),
    );
    const last = batch[batch.length - 1]!;
    await deps.store.transaction(async (tx) => {
      const inserted = await tx.insertCases(cases);
      if (inserted !== cases.length) {
        throw new ConflictError(`${cases.length - inserted} demo requests exist already`);
      }
      await tx.appendAudit(
        {
          actor: `user:${DEMO_USERS[0]!.username}`,
          action: 'assessment.submitted_bulk',
          objectType: 'agency',
          objectId: DEMO_AGENCY.code,
          details: {
            source: 'sargas demo seed',
            count: cases.length,
            firstExternalId: batch[0]!.body.external_id,
            lastExternalId: last.body.external_id,
          },
        },
        last.submittedAt,
      );
    });
  };

  const idRandom = new SeededRandom(seed ^ 0x1d5);
  let batch: DemoApplication[] = [];
  let previousLastId: string | undefined;
  let month = 0;
  let monthStart = { ...summary.triage, submitted: 0 };

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const ids = current.map(() => seededUuid(idRandom));
    const triageAt = Date.parse(current[current.length - 1]!.submittedAt) + TRIAGE_DELAY_MS;
    await drainUntil(Date.parse(current[0]!.submittedAt));
    await insertBatch(current, ids);
    summary.submitted += current.length;
    await drainUntil(triageAt);
    clock.set(triageAt);
    const triageStarted = performance.now();
    const routed = await service.triagePending(current.length);
    triageMs += performance.now() - triageStarted;
    if (routed.triaged !== current.length) {
      throw new Error(`triage took ${routed.triaged} of ${current.length} demo requests`);
    }
    summary.triage.flagged += routed.flagged;
    summary.triage.qaSample += routed.qaSample;
    summary.triage.clean += routed.clean;

    const waiting = await deps.store.listCases({
      status: 'triaged',
      limit: current.length,
      ...(previousLastId === undefined ? {} : { after: previousLastId }),
    });
    const byId = new Map(ids.map((id, position) => [id, current[position]!]));
    const reviewed = new Set<string>();
    for (const item of waiting) {
      const application = byId.get(item.id);
      if (application === undefined) continue;
      reviewed.add(item.id);
      planCase(item, application, triageAt);
      const flagged = item.triage?.routing === 'flagged';
      if (flagged && application.intent.kind === 'list_person')
        summary.planted.listPersonsFlagged += 1;
      if (flagged && application.intent.kind === 'designated_employer') {
        summary.planted.listedEmployersFlagged += 1;
      }
      if (flagged && application.intent.kind === 'background')
        summary.planted.backgroundsFlagged += 1;
    }
    for (const [position, id] of ids.entries()) {
      const kind = current[position]!.intent.kind;
      if (kind === 'list_person') summary.planted.listPersons += 1;
      if (kind === 'designated_employer') summary.planted.listedEmployers += 1;
      if (kind === 'background') summary.planted.backgrounds += 1;
      if (!reviewed.has(id)) pendingClean.push({ id, at: triageAt });
    }
    // The keyset of the next batch's query: the last case of this one in (submitted_at, id) order.
    const lastSubmitted = current[current.length - 1]!.submittedAt;
    previousLastId = ids
      .filter((_, position) => current[position]!.submittedAt === lastSubmitted)
      .sort()
      .at(-1);
  };

  const reportMonth = () => {
    const name = `${year}-${String(month + 1).padStart(2, '0')}`;
    progress(
      'month',
      `${name}: ${summary.submitted - monthStart.submitted} submitted, ` +
        `${summary.triage.flagged - monthStart.flagged} flagged, ` +
        `${summary.triage.qaSample - monthStart.qaSample} QA sample, ` +
        `${summary.triage.clean - monthStart.clean} clean; ${summary.approved + summary.signedOff} concluded so far`,
    );
    monthStart = { ...summary.triage, submitted: summary.submitted };
  };

  for (const application of generateApplications({
    count,
    seed,
    year,
    externalIdPrefix: prefix,
    ...planted,
    ...(options.rates === undefined ? {} : { rates: options.rates }),
  })) {
    const date = application.submittedAt.slice(0, 10);
    const applicationMonth = Number(application.submittedAt.slice(5, 7)) - 1;
    if (
      batch.length > 0 &&
      (batch[0]!.submittedAt.slice(0, 10) !== date || batch.length >= batchSize)
    ) {
      await flush();
    }
    if (applicationMonth !== month) {
      await flush();
      reportMonth();
      month = applicationMonth;
    }
    batch.push(application);
  }
  await flush();
  await drainUntil(yearEnd);
  reportMonth();

  const open = summary.submitted - summary.approved - summary.signedOff;
  const totalMs = performance.now() - started;
  progress(
    'done',
    `${summary.submitted} requests, ${summary.approved + summary.signedOff} concluded, ${open} open at the year's end; triage took ${(triageMs / 1000).toFixed(1)} s`,
  );
  return {
    year,
    seed,
    ...summary,
    open,
    ms: { lists: Math.round(listsMs), triage: Math.round(triageMs), total: Math.round(totalMs) },
  };
}
