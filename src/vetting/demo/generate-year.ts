/**
 * A synthetic year of assessment requests, the same for the same seed on every machine. Applicants
 * are invented (random combinations from `name-pools.ts`), except for a small planted share that
 * must hit: real listed persons applying under their own names and birth dates, and applicants
 * declaring a real listed organisation as employer. Another small share declares employment in
 * internal affairs, the armed forces or military industry. The requests are REST bodies of
 * `POST /api/v1/assessments`, so they pass the same validation as a real submission.
 */
import { Entity } from '../../model/entity.js';
import type { RiskCategory } from '../types.js';
import { backgroundEmployers, inventCompany, ORDINARY_POSITIONS } from './employers.js';
import { NAME_POOLS, type NamePool } from './name-pools.js';
import { SeededRandom } from './random.js';

/** A listed person the demo may plant as an applicant. */
export interface DemoListPerson {
  readonly entityId: string;
  readonly names: readonly string[];
  readonly birthDate: string | null;
  readonly citizenship: string | null;
}

/** A listed organisation the demo may plant as an applicant's employer. */
export interface DemoListOrganisation {
  readonly entityId: string;
  readonly name: string;
  readonly country: string | null;
}

export type BackgroundCategory = Exclude<RiskCategory, 'designated_employer'>;

/** Why the generator made an applicant the way it is (the simulation's ground truth). */
export type DemoIntent =
  | { readonly kind: 'clean' }
  | { readonly kind: 'list_person'; readonly entityId: string }
  | { readonly kind: 'designated_employer'; readonly entityId: string }
  | {
      readonly kind: 'background';
      readonly category: BackgroundCategory;
      /** Whether an analyst, reading the case, would conclude a threat. */
      readonly strong: boolean;
    };

export interface EmploymentBody {
  readonly employer: string;
  readonly position: string | null;
  readonly country: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

/** The body of `POST /api/v1/assessments`. */
export interface AssessmentBody {
  readonly external_id: string;
  readonly permit_type: string;
  readonly applicant: {
    readonly names: readonly string[];
    readonly birth_date: string | null;
    readonly citizenship: readonly string[];
    readonly passport_number: string | null;
    readonly employment: readonly EmploymentBody[];
  };
}

export interface DemoApplication {
  /** 0-based, in submission order. */
  readonly index: number;
  readonly body: AssessmentBody;
  readonly submittedAt: string;
  readonly intent: DemoIntent;
}

/** Shares of the applicants (per application, independent draws). */
export interface DemoRates {
  /** A listed person applying under a listed name. */
  readonly listPerson: number;
  /** A listed organisation declared as an employer. */
  readonly designatedEmployer: number;
  /** Employment in internal affairs, the armed forces or military industry. */
  readonly background: number;
  /** Of the background cases, those an analyst finds to be a threat. */
  readonly strongBackground: number;
}

/**
 * About 1.2 % threats, as the real service's year (1,415 of 121,577): a few listed persons,
 * more listed employers, and over a third of the declared security or military backgrounds.
 */
export const DEFAULT_RATES: DemoRates = Object.freeze({
  listPerson: 0.0015,
  designatedEmployer: 0.0045,
  background: 0.025,
  strongBackground: 0.38,
});

/** Permit types and their shares of the requests. */
export const DEFAULT_PERMIT_MIX: readonly (readonly [string, number])[] = [
  ['temporary_residence', 45],
  ['work_permit', 30],
  ['permanent_residence', 8],
  ['family_reunification', 8],
  ['study_permit', 6],
  ['humanitarian', 3],
];

export interface DemoYearOptions {
  readonly count: number;
  readonly seed: number;
  readonly year: number;
  readonly persons: readonly DemoListPerson[];
  readonly organisations: readonly DemoListOrganisation[];
  readonly permitMix?: readonly (readonly [string, number])[];
  readonly rates?: DemoRates;
  /** Prefix of the external ids (`demo-2025-7-` gives `demo-2025-7-000001`). */
  readonly externalIdPrefix?: string;
}

/** Relative request volume per month: a quieter winter, a busier spring and summer. */
const MONTH_WEIGHTS = [0.8, 0.85, 1, 1.05, 1.1, 1.1, 1.05, 0.95, 1.05, 1.05, 0.95, 0.8] as const;
/** Relative volume per weekday, Sunday first: the authority's system submits on working days. */
const WEEKDAY_WEIGHTS = [0.03, 1, 1, 1, 1, 0.95, 0.12] as const;
/** Submissions arrive between 06:00 and 16:00 UTC (08:00–18:00 in Vilnius in winter). */
const WORKDAY_START_MS = 6 * 3_600_000;
const WORKDAY_LENGTH_MS = 10 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * How many requests arrive on each day of the year: `count` split by the day weights with the
 * largest-remainder method, so the total is exact.
 */
export function dailyCounts(year: number, count: number): number[] {
  const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
  const weights: number[] = [];
  for (let day = 0; day < days; day += 1) {
    const date = new Date(Date.UTC(year, 0, 1) + day * DAY_MS);
    weights.push(
      (MONTH_WEIGHTS[date.getUTCMonth()] ?? 1) * (WEEKDAY_WEIGHTS[date.getUTCDay()] ?? 1),
    );
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const exact = weights.map((weight) => (weight / total) * count);
  const counts = exact.map(Math.floor);
  let missing = count - counts.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, day) => ({ day, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.day - b.day);
  for (const { day } of order) {
    if (missing === 0) break;
    counts[day] = (counts[day] ?? 0) + 1;
    missing -= 1;
  }
  return counts;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function randomBirthDate(random: SeededRandom, year: number): string {
  // Ages 19 to 62, most between 25 and 45 (the sum of two draws peaks in the middle).
  const age = 19 + random.int(0, 22) + random.int(0, 21);
  const birthYear = year - age;
  const dayOfYear = random.int(0, 364);
  return isoDate(Date.UTC(birthYear, 0, 1) + dayOfYear * DAY_MS);
}

function passportNumber(random: SeededRandom, pool: NamePool): string {
  return `${random.pick(pool.passportPrefixes)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

interface Person {
  readonly names: string[];
  readonly birthDate: string;
}

function inventPerson(random: SeededRandom, pool: NamePool, year: number): Person {
  const female = random.chance(0.42);
  const given = random.pick(female ? pool.female : pool.male);
  const surname = random.pick(pool.surnames)[female ? 'female' : 'male'];
  const latin = `${given[1]} ${surname[1]}`;
  const native = `${surname[0]} ${given[0]}`;
  return {
    names: native === latin ? [latin] : [latin, native],
    birthDate: randomBirthDate(random, year),
  };
}

/**
 * A job history of one to three entries, the newest last, ending in the application year and
 * starting no earlier than `earliest` (the year the applicant turned 18).
 */
function ordinaryEmployment(
  random: SeededRandom,
  pool: NamePool,
  year: number,
  earliest: number,
): EmploymentBody[] {
  const writesCyrillic = /\p{Script=Cyrillic}/u.test(pool.surnames[0]?.male[0] ?? '');
  const jobs = random.weighted([
    [1, 45],
    [2, 40],
    [3, 15],
  ] as const);
  const out: EmploymentBody[] = [];
  let start = Math.min(year, Math.max(earliest, year - random.int(jobs * 2, jobs * 5)));
  for (let job = 0; job < jobs; job += 1) {
    const abroad = random.chance(0.25);
    const end = job === jobs - 1 ? null : Math.min(year, start + random.int(1, 4));
    out.push({
      employer: inventCompany((items) => random.pick(items), !abroad && writesCyrillic),
      position: random.pick(ORDINARY_POSITIONS),
      country: abroad ? random.pick(['LT', 'PL', 'LV', 'DE']) : pool.citizenship,
      from: String(start),
      to: end === null ? null : String(end),
    });
    start = end ?? start;
  }
  return out;
}

function pickPool(random: SeededRandom): NamePool {
  return random.weighted(NAME_POOLS.map((pool) => [pool, pool.weight] as const));
}

function poolFor(citizenship: string | null): NamePool | undefined {
  return NAME_POOLS.find((pool) => pool.citizenship === citizenship);
}

/** The applications of a year, in submission order. */
export function* generateApplications(options: DemoYearOptions): Generator<DemoApplication> {
  const rates = options.rates ?? DEFAULT_RATES;
  const permitMix = options.permitMix ?? DEFAULT_PERMIT_MIX;
  const prefix = options.externalIdPrefix ?? `demo-${options.year}-${options.seed}-`;
  const random = new SeededRandom(options.seed);
  const counts = dailyCounts(options.year, options.count);
  let index = 0;
  for (const [day, perDay] of counts.entries()) {
    const dayStart = Date.UTC(options.year, 0, 1) + day * DAY_MS + WORKDAY_START_MS;
    const spacing = WORKDAY_LENGTH_MS / Math.max(1, perDay);
    for (let slot = 0; slot < perDay; slot += 1) {
      // Evenly spaced through the working day with jitter inside the slot: times stay ascending.
      const at = dayStart + Math.floor(slot * spacing + random.next() * spacing * 0.9);
      yield application(random, options, rates, permitMix, prefix, index, at);
      index += 1;
    }
  }
}

function application(
  random: SeededRandom,
  options: DemoYearOptions,
  rates: DemoRates,
  permitMix: readonly (readonly [string, number])[],
  prefix: string,
  index: number,
  at: number,
): DemoApplication {
  const draw = random.next();
  let pool = pickPool(random);
  let person = inventPerson(random, pool, options.year);
  const adultFrom = (birthDate: string) => Number(birthDate.slice(0, 4)) + 18;
  let employment = ordinaryEmployment(random, pool, options.year, adultFrom(person.birthDate));
  let intent: DemoIntent = { kind: 'clean' };

  if (draw < rates.listPerson && options.persons.length > 0) {
    const listed = random.pick(options.persons);
    pool = poolFor(listed.citizenship) ?? pool;
    person = {
      names: [...listed.names],
      birthDate: listed.birthDate ?? person.birthDate,
    };
    intent = { kind: 'list_person', entityId: listed.entityId };
  } else if (
    draw < rates.listPerson + rates.designatedEmployer &&
    options.organisations.length > 0
  ) {
    const organisation = random.pick(options.organisations);
    const last = employment[employment.length - 1];
    employment = [
      ...employment.slice(0, -1),
      {
        employer: organisation.name,
        position: random.pick(['инженер', 'специалист', 'manager', 'engineer', 'водитель']),
        country: organisation.country,
        from: last?.from ?? String(options.year - 3),
        to: last?.to ?? null,
      },
    ];
    intent = { kind: 'designated_employer', entityId: organisation.entityId };
  } else if (draw < rates.listPerson + rates.designatedEmployer + rates.background) {
    const category = random.pick([
      'internal_affairs',
      'internal_affairs',
      'armed_forces',
      'armed_forces',
      'military_industry',
    ] as const);
    const templates = backgroundEmployers(category, pool.citizenship);
    const earliest = adultFrom(person.birthDate);
    if (templates.length > 0 && earliest < options.year) {
      const template = random.pick(templates);
      const from = Math.min(options.year - 1, Math.max(earliest, options.year - random.int(6, 20)));
      const to = Math.min(options.year, from + random.int(1, 5));
      // The background job comes first: the applicant has since moved to ordinary work.
      employment = [
        {
          employer: template.employer,
          position: random.pick(template.positions),
          country: pool.citizenship,
          from: String(from),
          to: String(to),
        },
        ...employment.map((job) => ({
          ...job,
          from: job.from === null || Number(job.from) < to ? String(to) : job.from,
        })),
      ];
      intent = { kind: 'background', category, strong: random.chance(rates.strongBackground) };
    }
  }

  const citizenship =
    intent.kind === 'list_person'
      ? options.persons.find((listed) => listed.entityId === intent.entityId)?.citizenship
      : pool.citizenship;
  return {
    index,
    submittedAt: new Date(at).toISOString(),
    intent,
    body: {
      external_id: `${prefix}${String(index + 1).padStart(6, '0')}`,
      permit_type: random.weighted(permitMix),
      applicant: {
        names: person.names,
        birth_date: person.birthDate,
        citizenship: citizenship === null || citizenship === undefined ? [] : [citizenship],
        passport_number: random.chance(0.97) ? passportNumber(random, pool) : null,
        employment: fixEmploymentOrder(employment),
      },
    },
  };
}

/** Keeps each job's `to` on or after its `from` after the jobs were shifted. */
function fixEmploymentOrder(employment: readonly EmploymentBody[]): EmploymentBody[] {
  return employment.map((job) =>
    job.from !== null && job.to !== null && job.to < job.from ? { ...job, to: job.from } : job,
  );
}

/** Demo countries first: listed people and organisations the demo applicants could plausibly be. */
const PLANT_COUNTRIES: ReadonlySet<string> = new Set(NAME_POOLS.map((pool) => pool.citizenship));

/**
 * Picks the listed persons and organisations to plant, deterministically for a seed: persons with
 * a full name and a birth date (citizens of the demo countries first), and organisations (those
 * in Belarus and Russia first). `limit` of each at most.
 */
export function selectListEntities(
  entities: Iterable<Entity>,
  seed: number,
  limit = 400,
): { persons: DemoListPerson[]; organisations: DemoListOrganisation[] } {
  const persons: (DemoListPerson & { readonly preferred: boolean })[] = [];
  const organisations: (DemoListOrganisation & { readonly preferred: boolean })[] = [];
  for (const entity of entities) {
    const name = Entity.values(entity, 'name')[0];
    if (name === undefined || [...name].length > 120) continue;
    if (entity.schema === 'Person') {
      const birthDate = Entity.values(entity, 'birthDate').find((value) =>
        /^\d{4}(-\d{2}(-\d{2})?)?$/u.test(value),
      );
      if (birthDate === undefined || name.trim().split(/\s+/u).length < 2) continue;
      const citizenship =
        [...Entity.values(entity, 'citizenship'), ...Entity.values(entity, 'nationality')].find(
          (code) => /^[A-Z]{2}$/u.test(code),
        ) ?? null;
      // The listed name plus one alias in another script, as an applicant would give both.
      const aliases = Entity.values(entity, 'alias');
      const otherScript = aliases.find(
        (alias) => /\p{Script=Cyrillic}/u.test(alias) !== /\p{Script=Cyrillic}/u.test(name),
      );
      persons.push({
        entityId: entity.id,
        names: otherScript === undefined ? [name] : [name, otherScript],
        birthDate,
        citizenship,
        preferred: citizenship !== null && PLANT_COUNTRIES.has(citizenship),
      });
    } else if (entity.schema === 'Organization' || entity.schema === 'LegalEntity') {
      const country = Entity.values(entity, 'country').find((code) => /^[A-Z]{2}$/u.test(code));
      organisations.push({
        entityId: entity.id,
        name,
        country: country ?? null,
        preferred: country === 'BY' || country === 'RU',
      });
    }
  }
  const random = new SeededRandom(seed ^ 0x5eed);
  const choose = <T extends { readonly entityId: string; readonly preferred: boolean }>(
    items: T[],
  ): Omit<T, 'preferred'>[] => {
    items.sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
    const preferred = items.filter((item) => item.preferred);
    const chosen = preferred.length >= limit / 2 ? preferred : items;
    // Fisher–Yates on a copy, then the first `limit`.
    const shuffled = [...chosen];
    for (let index = shuffled.length - 1; index > 0; index -= 1) {
      const other = random.int(0, index);
      [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
    }
    return shuffled.slice(0, limit).map(({ preferred: _, ...rest }) => rest);
  };
  return { persons: choose(persons), organisations: choose(organisations) };
}
