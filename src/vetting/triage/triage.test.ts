/**
 * Triage on the real lists: the EU consolidated list (2026-01-28) and the OFAC SDN list
 * (2023-12-28, the bundled one), which is where the Belarusian KGB is designated ("STATE SECURITY
 * COMMITTEE OF THE REPUBLIC OF BELARUS", ent_num 32275; the EU list names KGB officers but not
 * the KGB itself). Both are parsed and indexed once for the file (a few seconds).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData } from '../../../test/support/shared-data.js';
import { readList } from '../../lists/read-list.js';
import type { Entity } from '../../model/entity.js';
import { exampleEntity, MatchService } from '../../screening/match-service.js';
import type { Applicant, Employment, TriageResult, WatchlistEntry } from '../types.js';
import { DEFAULT_RISK_RULES } from './default-rules.js';
import { sampleFraction } from './qa-sample.js';
import { type TriageContext, triageApplicant } from './triage.js';
import { buildWatchlistIndex } from './watchlist-index.js';

async function entitiesOf(dataset: string, path: string): Promise<Entity[]> {
  const read = await readList({ dataset, path });
  const out: Entity[] = [];
  for await (const entity of read.entities) out.push(entity);
  return out;
}

const WATCHLIST: readonly WatchlistEntry[] = [
  {
    id: 42,
    schema: 'Person',
    names: ['Siarhei Mikalaevich Zhaurydka'],
    birthDate: '1979-04-11',
    countries: ['BY'],
    reason: 'Identified in the violent dispersal of a demonstration, Minsk 2020.',
    classification: 'confidential',
    createdBy: 'user:supervisor1',
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
  },
  {
    id: 43,
    schema: 'Organization',
    names: ['Вектор-Сервис Плюс'],
    birthDate: null,
    countries: ['BY'],
    reason: 'Front company of a designated procurement network.',
    classification: 'secret',
    createdBy: 'user:supervisor1',
    createdAt: '2026-01-11T09:00:00.000Z',
    updatedAt: '2026-01-11T09:00:00.000Z',
  },
];

let sanctions: MatchService;
let context: TriageContext;

beforeAll(async () => {
  const eu = await entitiesOf('eu', sharedData('lists', 'eu', 'eu-fsf-2026-01-28.xml'));
  const ofac = await entitiesOf('ofac', sharedData('lists', 'ofac', 'sdn', '2023-12-28'));
  sanctions = MatchService.fromEntities([...eu, ...ofac]);
  context = {
    sanctions,
    watchlist: buildWatchlistIndex(WATCHLIST),
    screenedAgainst: ['eu@2026-01-28', 'ofac@2023-12-28', 'watchlist@2'],
    rules: DEFAULT_RISK_RULES,
    qaSampleRate: 0,
  };
});

function job(employer: string, position: string | null = null, country: string | null = null) {
  return { employer, position, country, from: null, to: null } satisfies Employment;
}

function applicant(init: Partial<Applicant> & { names: readonly string[] }): Applicant {
  return {
    birthDate: null,
    citizenship: [],
    passportNumber: null,
    employment: [],
    ...init,
  };
}

function triage(person: Applicant, overrides: Partial<TriageContext> = {}, caseId = 'case-1') {
  return triageApplicant(
    { caseId, applicant: person, at: '2026-03-01T10:00:00.000Z' },
    { ...context, ...overrides },
  );
}

function queryPerson(name: string) {
  return exampleEntity({ schema: 'Person', properties: { name } });
}

function categories(result: TriageResult): string[] {
  return [...new Set(result.indicators.map((indicator) => indicator.category))].sort();
}

describe('triageApplicant on the real lists', () => {
  it('flags Lukashenka, written in Belarusian Cyrillic surname first, with the EU hit', () => {
    const result = triage(
      applicant({
        names: ['Лукашэнка Аляксандр Рыгоравіч'],
        birthDate: '1954-08-30',
        citizenship: ['BY'],
      }),
    );
    expect(result.routing).toBe('flagged');
    const eu = result.hits.find((hit) => hit.entityId === 'eu:126365');
    expect(eu).toMatchObject({
      subject: 'applicant',
      employmentIndex: null,
      source: 'sanctions',
      list: 'eu',
      match: true,
    });
    expect(eu?.score).toBeGreaterThan(0.9);
    expect(eu?.explanation).toMatchObject({
      query_name: 'Лукашэнка Аляксандр Рыгоравіч',
      features: expect.arrayContaining([expect.objectContaining({ name: 'dob_exact' })]),
    });
    expect(result.reasons[0]).toMatch(
      /^The applicant's name matches '.+' \((eu|ofac):\d+\) on the (eu|ofac) list, score 0\.9\d+\.$/u,
    );
    expect(result.reasons.some((reason) => reason.includes('(eu:126365) on the eu list'))).toBe(
      true,
    );
    expect(result.indicators).toEqual([]);
  });

  it.each([['КГБ Республики Беларусь'], ['State Security Committee of the Republic of Belarus']])(
    'raises designated_employer and internal_affairs for the employer %s',
    (employer) => {
      const result = triage(
        applicant({ names: ['Пётр Иванович Сидорчук'], employment: [job(employer, null, 'BY')] }),
      );
      expect(result.routing).toBe('flagged');
      expect(categories(result)).toEqual(['designated_employer', 'internal_affairs']);
      const designation = result.indicators.find((i) => i.category === 'designated_employer');
      expect(designation).toMatchObject({ ruleId: 'designated_employer', employmentIndex: 0 });
      expect(designation?.evidence).toBe(
        'STATE SECURITY COMMITTEE OF THE REPUBLIC OF BELARUS (ofac:32275, ofac)',
      );
      expect(designation?.explanation).toContain(`employment 1 of 1 (employer '${employer}'`);
      expect(designation?.explanation).toContain('(ofac:32275) on the ofac list');
      const hit = result.hits.find((h) => h.entityId === 'ofac:32275');
      expect(hit).toMatchObject({ subject: 'employer', employmentIndex: 0, match: true });
      const security = result.indicators.find((i) => i.category === 'internal_affairs');
      expect(security?.ruleId).toBe('state_security');
    },
  );

  it('raises internal_affairs for an operative of a city internal affairs department', () => {
    const result = triage(
      applicant({
        names: ['Ирина Олеговна Мельникова'],
        employment: [
          job('ООО Ромашка', 'бухгалтер'),
          job('УВД Мингорисполкома', 'оперуполномоченный'),
        ],
      }),
    );
    expect(result.routing).toBe('flagged');
    expect(categories(result)).toEqual(['internal_affairs']);
    const [employer, position] = [
      result.indicators.find((i) => i.ruleId === 'internal_affairs_ministry'),
      result.indicators.find((i) => i.ruleId === 'prosecution_investigation'),
    ];
    expect(employer).toMatchObject({ employmentIndex: 1, evidence: 'увд' });
    expect(employer?.explanation).toBe(
      "Rule 'internal_affairs_ministry' (ministry or department of internal affairs): " +
        "employment 2 of 2 (employer 'УВД Мингорисполкома', position 'оперуполномоченный'): " +
        "the employer contains 'увд' (pattern 'УВД').",
    );
    expect(position).toMatchObject({ employmentIndex: 1, evidence: 'оперуполномоченный' });
    expect(position?.explanation).toContain("the position contains 'оперуполномоченный'");
  });

  it('fires on a position alone', () => {
    const result = triage(
      applicant({
        names: ['Ирина Олеговна Мельникова'],
        employment: [job('Unit 12', 'officer of the internal troops')],
      }),
    );
    expect(result.indicators.map((i) => i.ruleId)).toEqual(['special_police_units']);
    expect(result.routing).toBe('flagged');
  });

  it('raises military_industry for MZKT (and designated_employer: it is on the EU list)', () => {
    const result = triage(
      applicant({ names: ['Ян Казимирович Ковальчик'], employment: [job('MZKT')] }),
    );
    expect(result.routing).toBe('flagged');
    expect(categories(result)).toContain('military_industry');
    expect(categories(result)).toContain('designated_employer');
    expect(result.indicators.find((i) => i.category === 'military_industry')?.evidence).toBe(
      'mzkt',
    );
    expect(result.hits.some((h) => h.entityId === 'eu:126908' && h.match)).toBe(true);
  });

  it('raises nothing for Harmony Trading LLC', () => {
    const result = triage(
      applicant({
        names: ['Ирина Олеговна Мельникова'],
        employment: [job('Harmony Trading LLC', 'sales manager', 'AE')],
      }),
    );
    expect(result.indicators).toEqual([]);
    expect(result.hits.filter((hit) => hit.match)).toEqual([]);
    expect(result.routing).toBe('clean');
  });

  it('does not flag a Belarusian citizen with a common name at an ordinary company', () => {
    const person = applicant({
      names: ['Наталья Викторовна Ковалёва', 'Natallia KAVALIOVA'],
      birthDate: '1991-06-14',
      citizenship: ['BY'],
      passportNumber: 'MP7712345',
      employment: [job('ООО Ромашка', 'менеджер по продажам', 'BY')],
    });
    const result = triage(person, { qaSampleRate: 0.05 });
    expect(result.routing).not.toBe('flagged');
    expect(result.hits.filter((hit) => hit.match)).toEqual([]);
    expect(result.indicators).toEqual([]);
    expect(result.reasons).toHaveLength(1);
  });

  it('never lets citizenship raise anything', () => {
    const base = applicant({
      names: ['Ирина Олеговна Мельникова'],
      employment: [job('ООО Ромашка')],
    });
    for (const citizenship of [['BY'], ['RU'], ['KP'], ['IR'], ['SY']]) {
      const result = triage({ ...base, citizenship });
      expect(result.routing).toBe('clean');
      expect(result.indicators).toEqual([]);
    }
  });

  it('matches a watchlist person written in another script', () => {
    const result = triage(
      applicant({
        names: ['Сергей Николаевич Жаурыдко'],
        birthDate: '1979-04-11',
        citizenship: ['BY'],
      }),
    );
    expect(result.routing).toBe('flagged');
    const hit = result.hits.find((h) => h.source === 'watchlist');
    expect(hit).toMatchObject({
      entityId: 'watchlist:42',
      list: 'watchlist',
      caption: 'Siarhei Mikalaevich Zhaurydka',
      match: true,
    });
    expect(result.reasons[0]).toContain('(watchlist:42) on the service watchlist');
    // The reason for a designation stays in the store: it is in no hit.
    expect(JSON.stringify(result)).not.toContain('demonstration');
  });

  it('raises designated_employer for a watchlisted organisation as employer', () => {
    const result = triage(
      applicant({
        names: ['Ирина Олеговна Мельникова'],
        employment: [job('ООО «Вектор-Сервис Плюс»')],
      }),
    );
    expect(result.indicators).toHaveLength(1);
    expect(result.indicators[0]).toMatchObject({
      ruleId: 'designated_employer',
      evidence: 'Вектор-Сервис Плюс (watchlist:43, watchlist)',
    });
  });

  it('keeps near misses as context that never flags', () => {
    const result = triage(applicant({ names: ['Aleksandr LUKASHENKO'], birthDate: '1975-01-01' }), {
      threshold: 0.99,
    });
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((hit) => !hit.match && hit.score >= 0.5)).toBe(true);
    expect(result.routing).toBe('clean');
  });

  it('keeps every match of a name many listed people share, beyond the first page', () => {
    const result = triage(applicant({ names: ['Mohammed Ali'] }));
    const all = sanctions.match('default', queryPerson('Mohammed Ali'), { limit: 500 });
    expect(all.matches).toBeGreaterThan(10);
    expect(result.hits.filter((hit) => hit.match)).toHaveLength(all.matches);
  });

  it('keeps one hit per list entity, the best of all names', () => {
    const result = triage(
      applicant({
        names: [
          'Лукашэнка Аляксандр Рыгоравіч',
          'Alexandr Grigorievich LUKASHENKO',
          'Аляксандр ЛУКАШЭНКА',
        ],
        birthDate: '1954-08-30',
      }),
    );
    const ids = result.hits.map((hit) => `${hit.source}:${hit.entityId}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.hits[0]?.match).toBe(true);
  });

  it('routes a clean case to the QA sample by its id alone', () => {
    const person = applicant({ names: ['Ирина Олеговна Мельникова'] });
    let sampledId = '';
    let cleanId = '';
    for (let n = 0; sampledId === '' || cleanId === ''; n++) {
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      if (sampleFraction(id) < 0.05) sampledId ||= id;
      else cleanId ||= id;
    }
    const sampled = triage(person, { qaSampleRate: 0.05 }, sampledId);
    expect(sampled.routing).toBe('qa_sample');
    expect(sampled.reasons).toEqual([
      'No list match and no risk indicator; drawn for the quality-assurance sample (5% of clean cases), so an analyst reviews it.',
    ]);
    expect(triage(person, { qaSampleRate: 0.05 }, cleanId).routing).toBe('clean');
  });

  it('puts list matches before indicators in the reasons', () => {
    const result = triage(
      applicant({
        names: ['Лукашэнка Аляксандр Рыгоравіч'],
        birthDate: '1954-08-30',
        employment: [job('Администрация Президента Республики Беларусь', 'руководитель')],
      }),
    );
    const firstIndicator = result.reasons.findIndex((reason) => reason.startsWith('Rule '));
    const lastMatch = result.reasons.findLastIndex((reason) => reason.startsWith('The '));
    expect(firstIndicator).toBeGreaterThan(lastMatch);
    expect(result.indicators.map((i) => i.ruleId)).toContain('presidential_administration');
  });

  it('is pure: the same input gives the same result', () => {
    const person = applicant({
      names: ['Лукашэнка Аляксандр Рыгоравіч'],
      birthDate: '1954-08-30',
      employment: [job('КГБ Республики Беларусь', 'офицер')],
    });
    expect(triage(person)).toEqual(triage(person));
    expect(triage(person).screenedAgainst).toEqual(context.screenedAgainst);
    expect(triage(person).at).toBe('2026-03-01T10:00:00.000Z');
  });

  it('screens against an empty watchlist', () => {
    const result = triage(applicant({ names: ['Ирина Олеговна Мельникова'] }), {
      watchlist: buildWatchlistIndex([]),
    });
    expect(result.routing).toBe('clean');
  });

  it('refuses a QA sample rate outside 0..1', () => {
    expect(() => triage(applicant({ names: ['A B'] }), { qaSampleRate: 1.5 })).toThrow(
      'the QA sample rate must be from 0 to 1, not 1.5',
    );
  });
});
