import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { readList } from '../../lists/read-list.js';
import type { Entity } from '../../model/entity.js';
import { exampleEntity, MatchService } from '../../screening/match-service.js';
import { parseAssessmentRequest } from '../request.js';
import { DEFAULT_SLA_POLICY, deadlineFor } from '../sla.js';
import {
  type DemoApplication,
  dailyCounts,
  generateApplications,
  selectListEntities,
} from './generate-year.js';
import { SeededRandom } from './random.js';

let entities: Entity[];
let planted: ReturnType<typeof selectListEntities>;

beforeAll(async () => {
  const list = await readList({ dataset: 'un', path: sharedData('lists', 'un', '2026-02-27.xml') });
  entities = [];
  for await (const entity of list.entities) entities.push(entity);
  planted = selectListEntities(entities, 1);
});

function year(count: number, seed = 1): DemoApplication[] {
  return [...generateApplications({ count, seed, year: 2025, ...planted })];
}

describe('SeededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(0)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('dailyCounts', () => {
  it('splits the year exactly, with working days busier than Sundays', () => {
    const counts = dailyCounts(2025, 121_577);
    expect(counts).toHaveLength(365);
    expect(counts.reduce((sum, value) => sum + value, 0)).toBe(121_577);
    // 2025-01-05 is a Sunday, 2025-01-06 a Monday.
    expect(counts[4]!).toBeLessThan(counts[5]! / 10);
    expect(dailyCounts(2024, 10)).toHaveLength(366);
    expect(dailyCounts(2024, 10).reduce((sum, value) => sum + value, 0)).toBe(10);
  });
});

describe('selectListEntities', () => {
  it('picks listed persons with a full name and birth date, and organisations, from the real list', () => {
    expect(planted.persons.length).toBeGreaterThan(50);
    expect(planted.organisations.length).toBeGreaterThan(50);
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    for (const person of planted.persons) {
      const entity = byId.get(person.entityId);
      expect(entity?.schema).toBe('Person');
      expect(entity?.properties.name).toContain(person.names[0]);
      expect(person.birthDate).toMatch(/^\d{4}/u);
    }
    expect(selectListEntities(entities, 1)).toEqual(planted);
  });
});

describe('generateApplications', () => {
  let applications: DemoApplication[];
  beforeAll(() => {
    applications = year(20_000);
  });

  it('is the same year for the same seed, and another for another seed', () => {
    expect(year(300)).toEqual(year(300));
    expect(year(300, 2).map((app) => app.body.applicant.names)).not.toEqual(
      year(300).map((app) => app.body.applicant.names),
    );
  });

  it('gives each request a unique external id and ascending submission times inside the year', () => {
    expect(applications).toHaveLength(20_000);
    expect(new Set(applications.map((app) => app.body.external_id)).size).toBe(20_000);
    for (let index = 1; index < applications.length; index += 1) {
      expect(applications[index]!.submittedAt >= applications[index - 1]!.submittedAt).toBe(true);
    }
    expect(applications[0]!.submittedAt.startsWith('2025-01')).toBe(true);
    expect(applications.at(-1)!.submittedAt.startsWith('2025-12')).toBe(true);
  });

  it('passes the validation of a real submission, with a permit type the SLA policy knows', () => {
    for (const app of applications) {
      const request = parseAssessmentRequest(app.body);
      expect(request.externalId).toBe(app.body.external_id);
      expect(() =>
        deadlineFor(request.permitType, app.submittedAt, DEFAULT_SLA_POLICY),
      ).not.toThrow();
      if (app.intent.kind === 'list_person') continue;
      // Invented people start work as adults.
      const adult = Number(request.applicant.birthDate?.slice(0, 4)) + 18;
      for (const job of request.applicant.employment) {
        expect(Number(job.from)).toBeGreaterThanOrEqual(adult);
      }
    }
  });

  it('has most applicants from Belarus and writes their names in Latin and Cyrillic', () => {
    const byCitizenship = new Map<string, number>();
    for (const app of applications) {
      const code = app.body.applicant.citizenship[0] ?? 'none';
      byCitizenship.set(code, (byCitizenship.get(code) ?? 0) + 1);
    }
    const ranked = [...byCitizenship.entries()].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]![0]).toBe('BY');
    expect(ranked[0]![1] / applications.length).toBeGreaterThan(0.45);
    expect(ranked[1]![0]).toBe('UA');
    const belarusian = applications.find(
      (app) => app.intent.kind === 'clean' && app.body.applicant.citizenship[0] === 'BY',
    );
    expect(belarusian?.body.applicant.names[0]).toMatch(/^[A-Z ]+$/u);
    expect(belarusian?.body.applicant.names[1]).toMatch(/\p{Script=Cyrillic}/u);
  });

  it('plants listed persons, listed employers and security backgrounds at about the set rates', () => {
    const count = (kind: DemoApplication['intent']['kind']) =>
      applications.filter((app) => app.intent.kind === kind).length;
    expect(count('list_person')).toBeGreaterThan(15);
    expect(count('list_person')).toBeLessThan(50);
    expect(count('designated_employer')).toBeGreaterThan(60);
    expect(count('designated_employer')).toBeLessThan(120);
    // 2.5 % drawn, but only citizenships with background employers in the pools keep theirs.
    expect(count('background')).toBeGreaterThan(300);
    expect(count('background')).toBeLessThan(560);

    const organisationNames = new Map(planted.organisations.map((o) => [o.entityId, o.name]));
    for (const app of applications) {
      if (app.intent.kind === 'designated_employer') {
        const employers = app.body.applicant.employment.map((job) => job.employer);
        expect(employers).toContain(organisationNames.get(app.intent.entityId));
      }
    }
  });

  it('plants listed persons the matcher finds, so a hit is really meant', () => {
    const service = MatchService.fromEntities(entities);
    const listed = applications.filter((app) => app.intent.kind === 'list_person');
    let found = 0;
    for (const app of listed) {
      const intent = app.intent as { entityId: string };
      const outcome = service.match(
        'default',
        exampleEntity({
          schema: 'Person',
          properties: {
            name: app.body.applicant.names,
            ...(app.body.applicant.birth_date === null
              ? {}
              : { birthDate: app.body.applicant.birth_date }),
          },
        }),
      );
      if (outcome.results.some((result) => result.match && result.entity.id === intent.entityId)) {
        found += 1;
      }
    }
    expect(found / listed.length).toBeGreaterThan(0.9);
  });
});
