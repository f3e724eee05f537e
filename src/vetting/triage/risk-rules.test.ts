import { describe, expect, it } from 'vitest';
import { ParseError } from '../../shared/errors.js';
import type { Employment, RiskCategory, TriageHit } from '../types.js';
import { DEFAULT_RISK_RULES } from './default-rules.js';
import { evaluateRiskRules, parseRiskRules, type RiskRule } from './risk-rules.js';

function job(employer: string, position: string | null = null): Employment {
  return { employer, position, country: null, from: null, to: null };
}

function hit(employmentIndex: number, match: boolean, init: Partial<TriageHit> = {}): TriageHit {
  return {
    subject: 'employer',
    employmentIndex,
    source: 'sanctions',
    entityId: 'eu:126908',
    list: 'eu',
    caption: 'МЗКТ - Минский завод колёсных тягачей',
    score: 0.95,
    match,
    explanation: {},
    ...init,
  };
}

/** Which default rules fire on one declared job (no screening hits). */
function firing(employer: string, position: string | null = null): string[] {
  return evaluateRiskRules([job(employer, position)], [], DEFAULT_RISK_RULES).map((i) => i.ruleId);
}

describe('the default rules', () => {
  it.each([
    // Internal affairs and state institutions.
    ['МВД Республики Беларусь', null, 'internal_affairs_ministry'],
    ['Ministry of Internal Affairs of the Republic of Belarus', null, 'internal_affairs_ministry'],
    ['Министерство внутренних дел Российской Федерации', null, 'internal_affairs_ministry'],
    ['Міністэрства ўнутраных спраў', null, 'internal_affairs_ministry'],
    ['ГУВД Мингорисполкома', null, 'internal_affairs_ministry'],
    ['Фрунзенское РУВД г. Минска', null, 'internal_affairs_ministry'],
    ['Гомельская областная милиция', null, 'police_militia'],
    ['Belarusian militsiya', null, 'police_militia'],
    ['Metropolitan Police Service', null, 'police_militia'],
    ['ОВД района', 'участковый инспектор милиции', 'police_militia'],
    ['ОМОН ГУВД Мингорисполкома', null, 'special_police_units'],
    ['OMON Minsk', null, 'special_police_units'],
    ['ГУБОПиК МВД', null, 'special_police_units'],
    ['Воинская часть 3214 внутренних войск', null, 'special_police_units'],
    ['КГБ Республики Беларусь', null, 'state_security'],
    ['KGB of Belarus', null, 'state_security'],
    ['Камітэт дзяржаўнай бяспекі Рэспублікі Беларусь', null, 'state_security'],
    ['Комитет государственной безопасности', null, 'state_security'],
    ['ФСБ России', null, 'state_security'],
    ['Federal Security Service', null, 'state_security'],
    ['Генеральная прокуратура Республики Беларусь', null, 'prosecution_investigation'],
    ['Следственный комитет Республики Беларусь', null, 'prosecution_investigation'],
    ['Investigative Committee of Belarus', null, 'prosecution_investigation'],
    ['ООО Ромашка', 'оперуполномоченный', 'prosecution_investigation'],
    ['ООО Ромашка', 'старший следователь', 'prosecution_investigation'],
    ['Администрация Президента Республики Беларусь', null, 'presidential_administration'],
    ['Presidential Administration', null, 'presidential_administration'],
    ['Государственный пограничный комитет', null, 'state_border'],
    // Armed forces.
    ['Вооружённые Силы Республики Беларусь', null, 'armed_forces'],
    ['Генеральный штаб Вооруженных Сил', null, 'armed_forces'],
    ['Armed Forces of Belarus', null, 'armed_forces'],
    ['Министерство обороны Республики Беларусь', null, 'armed_forces'],
    ['Ministry of Defence', null, 'armed_forces'],
    ['Minoborony', null, 'armed_forces'],
    ['воинская часть 12345', null, 'armed_forces'],
    ['войсковая часть 5448', null, 'armed_forces'],
    ['military unit 52', null, 'armed_forces'],
    ['General Staff', null, 'armed_forces'],
    ['US Army', null, 'armed_forces'],
    ['ГРУ ГШ', null, 'armed_forces'],
    ['GRU', null, 'armed_forces'],
    ['ООО Ромашка', 'военнослужащий', 'armed_forces'],
    ['ООО Ромашка', 'офицер', 'armed_forces'],
    ['Unit 7', 'company commander', 'armed_forces'],
    ['Unit 7', 'полковник', 'armed_forces'],
    // Military industry and strategic objects.
    ['Госкомвоенпром', null, 'military_industry'],
    ['State Authority for Military Industry of the Republic of Belarus', null, 'military_industry'],
    ['MZKT', null, 'military_industry'],
    ['ОАО «МЗКТ»', null, 'military_industry'],
    ['Минский завод колёсных тягачей', null, 'military_industry'],
    ['Minsk Wheeled Tractor Plant', null, 'military_industry'],
    ['558 авиационный ремонтный завод', null, 'military_industry'],
    ['Ростех', null, 'military_industry'],
    ['Rostec', null, 'military_industry'],
    ['АО «Концерн ВКО «Алмаз-Антей»', null, 'military_industry'],
    ['Almaz-Antey', null, 'military_industry'],
    ['Уралвагонзавод', null, 'military_industry'],
    ['Uralvagonzavod', null, 'military_industry'],
    ['Белспецвнештехника', null, 'military_industry'],
    ['Belspetsvneshtechnika', null, 'military_industry'],
    ['Tula defence plant', null, 'military_industry'],
  ])('%s / %s → %s', (employer, position, rule) => {
    expect(firing(employer, position)).toContain(rule);
  });

  it.each([
    ['Harmony Trading LLC', 'sales manager'],
    ['ООО Ромашка', 'менеджер по продажам'],
    ['Belarusbank', 'Chief Financial Officer'],
    ['EPAM Systems', 'General Manager'],
    ['Minsk City Hospital', 'участковый врач'],
    ['Министерство образования', 'учитель'],
    ['Силовые машины', 'инженер'],
    ['Armyansky Trading', null],
    ['ООО Алмаз', 'ювелир'],
    ['FSO Polska', null],
  ])('%s / %s raises nothing', (employer, position) => {
    expect(firing(employer, position)).toEqual([]);
  });

  it('covers every risk category', () => {
    const categories = new Set(DEFAULT_RISK_RULES.map((rule) => rule.category));
    const expected: RiskCategory[] = [
      'designated_employer',
      'internal_affairs',
      'armed_forces',
      'military_industry',
    ];
    expect([...categories].sort()).toEqual([...expected].sort());
  });

  it('is a valid rules file as written', () => {
    const json = JSON.parse(JSON.stringify({ rules: DEFAULT_RISK_RULES }));
    expect(parseRiskRules(json, 'defaults.json')).toEqual(DEFAULT_RISK_RULES);
  });
});

describe('evaluateRiskRules', () => {
  it('raises designated_employer for each list match of the employer, naming entity and list', () => {
    const hits = [
      hit(1, true),
      hit(1, true, { entityId: 'ofac:34769', list: 'ofac', caption: 'MINSK WHEEL TRACTOR PLANT' }),
      hit(1, false, { entityId: 'ofac:39188', caption: 'RUSSIAN QUANTUM CENTER', score: 0.52 }),
      hit(0, true, {
        entityId: 'watchlist:7',
        source: 'watchlist',
        list: 'watchlist',
        caption: 'X',
      }),
    ];
    const indicators = evaluateRiskRules(
      [job('ООО Ромашка'), job('Минский завод колёсных тягачей', 'инженер')],
      hits,
      DEFAULT_RISK_RULES.filter((rule) => rule.designatedEmployer === true),
    );
    expect(indicators.map((i) => [i.employmentIndex, i.evidence])).toEqual([
      [0, 'X (watchlist:7, watchlist)'],
      [1, 'МЗКТ - Минский завод колёсных тягачей (eu:126908, eu)'],
      [1, 'MINSK WHEEL TRACTOR PLANT (ofac:34769, ofac)'],
    ]);
    expect(indicators[0]?.explanation).toBe(
      "Rule 'designated_employer' (the employer is an organisation on a sanctions list or the " +
        "service watchlist): employment 1 of 2 (employer 'ООО Ромашка', position not given): the " +
        "employer matches 'X' (watchlist:7) on the service watchlist, score 0.95.",
    );
    expect(indicators[1]?.explanation).toContain('(eu:126908) on the eu list, score 0.95.');
  });

  it('raises a rule once per job, employer before position', () => {
    const rule: RiskRule = {
      id: 'kgb',
      category: 'internal_affairs',
      description: 'KGB',
      employerPatterns: ['КГБ'],
      positionPatterns: ['KGB officer', 'officer'],
    };
    const [indicator, ...rest] = evaluateRiskRules([job('КГБ', 'KGB officer')], [], [rule]);
    expect(rest).toEqual([]);
    expect(indicator).toMatchObject({ ruleId: 'kgb', evidence: 'кгб' });
    expect(indicator?.explanation).toContain("the employer contains 'кгб' (pattern 'КГБ')");
  });

  it('looks at every job and keeps employment order', () => {
    const indicators = evaluateRiskRules(
      [job('MZKT'), job('Bakery'), job('ОМОН', 'боец ОМОН')],
      [],
      DEFAULT_RISK_RULES,
    );
    expect(indicators.map((i) => [i.employmentIndex, i.ruleId])).toEqual([
      [0, 'military_industry'],
      [2, 'special_police_units'],
    ]);
  });
});

describe('parseRiskRules', () => {
  const file = 'config/risk-rules.json';
  const valid: RiskRule = {
    id: 'custom',
    category: 'armed_forces',
    description: 'a custom rule',
    employerPatterns: ['Войсковая часть'],
  };

  function problem(json: unknown): ParseError {
    try {
      parseRiskRules(json, file);
    } catch (error) {
      if (error instanceof ParseError) return error;
      throw error;
    }
    throw new Error('expected a ParseError');
  }

  it('reads a rules file', () => {
    const rules = parseRiskRules(
      {
        rules: [
          valid,
          {
            id: 'listed',
            category: 'designated_employer',
            description: 'd',
            designatedEmployer: true,
          },
        ],
      },
      file,
    );
    expect(rules).toEqual([
      valid,
      { id: 'listed', category: 'designated_employer', description: 'd', designatedEmployer: true },
    ]);
    expect(evaluateRiskRules([job('войсковая часть 1')], [], rules).map((i) => i.ruleId)).toEqual([
      'custom',
    ]);
  });

  it.each([
    [[], undefined, 'must be a JSON object'],
    [{ rules: [], version: 2 }, 'version', "unknown field 'version'"],
    [{ rules: {} }, 'rules', 'must be an array'],
    [{ rules: [valid, 'x'] }, 'rules.1', 'rule 1: must be an object'],
    [{ rules: [{ ...valid, weight: 2 }] }, 'rules.0.weight', "rule 0: unknown field 'weight'"],
    [{ rules: [{ ...valid, id: 'Custom Rule' }] }, 'rules.0.id', 'rule 0: must be a snake_case id'],
    [{ rules: [valid, { ...valid }] }, 'rules.1.id', "rule 1: duplicate id 'custom'"],
    [
      { rules: [{ ...valid, category: 'terrorism' }] },
      'rules.0.category',
      'rule 0: must be one of designated_employer, internal_affairs, armed_forces, military_industry',
    ],
    [
      { rules: [{ ...valid, description: ' ' }] },
      'rules.0.description',
      'rule 0: must be a non-empty text',
    ],
    [
      { rules: [{ ...valid, designatedEmployer: 'yes' }] },
      'rules.0.designatedEmployer',
      'must be true or false',
    ],
    [
      { rules: [{ ...valid, employerPatterns: [] }] },
      'rules.0.employerPatterns',
      'must be a non-empty array',
    ],
    [
      { rules: [valid, { ...valid, id: 'b', employerPatterns: ['МВД', 7] }] },
      'rules.1.employerPatterns.1',
      'rule 1: must be a text',
    ],
    [
      { rules: [{ ...valid, positionPatterns: ['оф*ицер'] }] },
      'rules.0.positionPatterns.0',
      "'*' may only end a word",
    ],
    [
      { rules: [{ ...valid, positionPatterns: ['ок*'] }] },
      'rules.0.positionPatterns.0',
      'too short to match by prefix',
    ],
    [
      { rules: [{ ...valid, employerPatterns: ['  '] }] },
      'rules.0.employerPatterns.0',
      'has no word to match',
    ],
    [
      { rules: [{ id: 'empty', category: 'armed_forces', description: 'd' }] },
      'rules.0',
      'rule 0: looks for nothing',
    ],
  ])('%j: names field %s', (json, field, message) => {
    const error = problem(json);
    expect(error.location).toEqual(field === undefined ? { file } : { file, field });
    expect(error.message).toContain(file);
    expect(error.message).toContain(message);
  });
});
