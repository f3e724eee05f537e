/**
 * Employers and positions of the synthetic applicants. Ordinary employers are invented names
 * built from common parts; the background employers are the kinds of bodies the issue names
 * (internal affairs, armed forces, military industry), written as applicants write them. Which
 * of them raise a risk indicator is decided by triage's own rules, not here.
 */
import type { RiskCategory } from '../types.js';

export interface EmployerTemplate {
  readonly employer: string;
  readonly positions: readonly string[];
}

const COMPANY_FORMS_CYRILLIC = ['ООО', 'ОАО', 'ЧУП', 'ЗАО', 'ЧТУП'] as const;
const COMPANY_ROOTS_CYRILLIC = [
  'Транс',
  'Строй',
  'Агро',
  'Лес',
  'Мед',
  'Тех',
  'Авто',
  'Логист',
  'Энерго',
  'Торг',
  'Сервис',
  'Пром',
  'Инвест',
  'Мебель',
  'Хлеб',
] as const;
const COMPANY_FORMS_LATIN = ['UAB', 'LLC', 'SIA', 'Sp. z o.o.', 'Ltd'] as const;
const COMPANY_ROOTS_LATIN = [
  'Baltic',
  'Nord',
  'Trans',
  'Vilnius',
  'Amber',
  'Cargo',
  'Build',
  'Green',
  'Euro',
  'Logic',
  'Forest',
  'Steel',
] as const;

/** Ordinary jobs, in Russian and English as the forms are filled in. */
export const ORDINARY_POSITIONS = [
  'водитель-экспедитор',
  'truck driver',
  'международный водитель',
  'сварщик',
  'welder',
  'электрик',
  'electrician',
  'программист',
  'software developer',
  'строитель',
  'construction worker',
  'повар',
  'cook',
  'бухгалтер',
  'accountant',
  'менеджер по продажам',
  'sales manager',
  'медсестра',
  'nurse',
  'механик',
  'mechanic',
  'кладовщик',
  'warehouse worker',
  'инженер-технолог',
  'engineer',
] as const;

/** An invented company name: a legal form and two name parts (`ООО «ТрансСтрой»`, `UAB Baltic Cargo`). */
export function inventCompany(pick: <T>(items: readonly T[]) => T, cyrillic: boolean): string {
  if (cyrillic) {
    const first = pick(COMPANY_ROOTS_CYRILLIC);
    const picked: string = pick(COMPANY_ROOTS_CYRILLIC);
    const second = picked === first ? 'Сервис' : picked;
    return `${pick(COMPANY_FORMS_CYRILLIC)} «${first}${second.toLowerCase()}»`;
  }
  const first = pick(COMPANY_ROOTS_LATIN);
  const picked: string = pick(COMPANY_ROOTS_LATIN);
  const second = picked === first ? 'Group' : picked;
  return `${pick(COMPANY_FORMS_LATIN)} ${first} ${second}`;
}

/**
 * Background employers per category, per country. Generic bodies every such state has; which of
 * them is a designated organisation is for the lists and the watchlist to say.
 */
export const BACKGROUND_EMPLOYERS: Readonly<
  Record<
    Exclude<RiskCategory, 'designated_employer'>,
    Readonly<Record<string, readonly EmployerTemplate[]>>
  >
> = {
  internal_affairs: {
    BY: [
      {
        employer: 'Министерство внутренних дел Республики Беларусь',
        positions: ['инспектор', 'оперуполномоченный', 'старший лейтенант милиции'],
      },
      {
        employer: 'Управление внутренних дел Гомельского облисполкома',
        positions: ['участковый инспектор милиции', 'следователь'],
      },
      {
        employer: 'ГУВД Мингорисполкома',
        positions: ['милиционер патрульно-постовой службы', 'инспектор ДПС'],
      },
      {
        employer: 'Ministry of Internal Affairs of the Republic of Belarus',
        positions: ['police officer', 'investigator'],
      },
    ],
    RU: [
      {
        employer: 'МВД России',
        positions: ['оперуполномоченный уголовного розыска', 'участковый уполномоченный полиции'],
      },
      { employer: 'Росгвардия', positions: ['сотрудник ОМОН', 'police officer'] },
    ],
    UA: [{ employer: 'Национальная полиция Украины', positions: ['инспектор патрульной полиции'] }],
    KZ: [{ employer: 'МВД Республики Казахстан', positions: ['участковый инспектор полиции'] }],
    UZ: [{ employer: 'МВД Республики Узбекистан', positions: ['инспектор'] }],
  },
  armed_forces: {
    BY: [
      {
        employer: 'Вооружённые Силы Республики Беларусь',
        positions: ['командир взвода', 'военнослужащий по контракту', 'прапорщик'],
      },
      { employer: 'воинская часть 3214', positions: ['военнослужащий по контракту', 'сержант'] },
      { employer: 'Armed Forces of the Republic of Belarus', positions: ['officer', 'soldier'] },
    ],
    RU: [
      {
        employer: 'Министерство обороны Российской Федерации',
        positions: ['офицер', 'военнослужащий по контракту'],
      },
      { employer: 'войсковая часть 55443', positions: ['командир отделения'] },
    ],
    KZ: [{ employer: 'Вооружённые силы Республики Казахстан', positions: ['офицер'] }],
    TJ: [{ employer: 'Вооружённые силы Республики Таджикистан', positions: ['сержант'] }],
  },
  military_industry: {
    BY: [
      {
        employer: 'Государственный военно-промышленный комитет Республики Беларусь',
        positions: ['ведущий специалист', 'инженер'],
      },
      {
        employer: 'ОАО «Минский завод колёсных тягачей»',
        positions: ['инженер-конструктор', 'слесарь-сборщик'],
      },
      { employer: 'ОАО «558 авиационный ремонтный завод»', positions: ['авиатехник', 'инженер'] },
      { employer: 'ОАО «Пеленг»', positions: ['инженер-оптик', 'монтажник радиоаппаратуры'] },
    ],
    RU: [
      { employer: 'АО «Концерн Калашников»', positions: ['инженер-технолог', 'оператор станков'] },
      { employer: 'Госкорпорация «Ростех»', positions: ['инженер', 'специалист'] },
    ],
  },
};

/** Background employers for a citizenship and category (none where the pools have none). */
export function backgroundEmployers(
  category: Exclude<RiskCategory, 'designated_employer'>,
  citizenship: string,
): readonly EmployerTemplate[] {
  const byCountry = BACKGROUND_EMPLOYERS[category];
  return byCountry[citizenship] ?? [];
}
