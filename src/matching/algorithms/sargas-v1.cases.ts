/**
 * Behaviour table of sargas-v1, after nomenklatura's `test_model_cases.py`: each row is a query,
 * a list entry, whether they must match at the default threshold, and why.
 */
import type { PropertyName, SchemaName } from '../../model/schemata.js';

export type CaseProperties = Partial<Record<PropertyName, string | readonly string[]>>;

export interface BehaviourCase {
  readonly schema: SchemaName;
  readonly query: CaseProperties;
  readonly result: CaseProperties;
  readonly matches: boolean;
  readonly why: string;
}

const LUKASHENKO: CaseProperties = {
  name: 'LUKASHENKO, Alexander Grigoryevich',
  birthDate: '1954-08-30',
};

export const SARGAS_V1_CASES: readonly BehaviourCase[] = [
  {
    schema: 'Person',
    query: { name: 'Лукашэнка Аляксандр Рыгоравіч', birthDate: '1954-08-30' },
    result: LUKASHENKO,
    matches: true,
    why: 'Belarusian Cyrillic, surname first, finds the English-press spelling',
  },
  {
    schema: 'Person',
    query: { name: 'Александр Григорьевич Лукашенко' },
    result: LUKASHENKO,
    matches: true,
    why: 'Russian Cyrillic without a birth date',
  },
  {
    schema: 'Person',
    query: { name: 'Aliaksandr Lukašenka' },
    result: LUKASHENKO,
    matches: true,
    why: 'Belarusian national romanisation with Lithuanian-style š; the patronymic is missing',
  },
  {
    schema: 'Person',
    query: { name: 'Aleksander Łukaszenka' },
    result: LUKASHENKO,
    matches: true,
    why: 'Polish press spelling (Ł, sz)',
  },
  {
    schema: 'Person',
    query: { name: 'Alexander Lukaschenko' },
    result: LUKASHENKO,
    matches: true,
    why: 'German press spelling (sch)',
  },
  {
    schema: 'Person',
    query: { name: 'Sergei Ivanovich KISLYAK' },
    result: { name: 'Sergey KISLYAK' },
    matches: true,
    why: 'an extra patronymic on one side costs little',
  },
  {
    schema: 'Person',
    query: { name: 'George Bush' },
    result: { name: 'George Habbash' },
    matches: false,
    why: 'a shared given name with a different surname is not a match',
  },
  {
    schema: 'Person',
    query: { name: 'Vasily BURLACHKO' },
    result: { name: 'Yury Alexandrovich BURLACHKO' },
    matches: false,
    why: 'a shared surname with a different given name is not a match',
  },
  {
    schema: 'Person',
    query: { name: 'Mark Zuckermann' },
    result: { name: 'Mark Zuckerberg' },
    matches: false,
    why: 'a long shared prefix does not make two surnames the same',
  },
  {
    schema: 'Person',
    query: { name: 'Ivan Petrov', nationality: 'ru', birthDate: '1970-01-01' },
    result: { name: 'Olga Smirnova', nationality: 'ru', birthDate: '1970-01-01' },
    matches: false,
    why: 'nationality and birth date never create a match on their own',
  },
  {
    schema: 'Organization',
    query: { name: 'Siemens Aktiengesellschaft' },
    result: { name: 'Siemens AG' },
    matches: true,
    why: 'a legal form spelled out is the same as its abbreviation',
  },
  {
    schema: 'Organization',
    query: { name: 'OOO Gazprom Neft' },
    result: { name: 'Gazprom Neft LLC' },
    matches: true,
    why: 'the Russian legal form OOO is an LLC, and its position does not matter',
  },
  {
    schema: 'Organization',
    query: { name: 'ООО «Газпром нефть»' },
    result: { name: 'Gazprom Neft LLC' },
    matches: true,
    why: 'Cyrillic company name with Cyrillic legal form and quotes',
  },
  {
    schema: 'Organization',
    query: { name: 'Volkswagen Aktiengesellschaft' },
    result: { name: 'Siemens AG' },
    matches: false,
    why: 'a shared legal form never makes two companies match',
  },
  {
    schema: 'Organization',
    query: { name: 'Alfa LLC' },
    result: { name: 'Beta LLC' },
    matches: false,
    why: 'legal forms are not name tokens',
  },
  {
    schema: 'Person',
    query: { name: 'V. V. Putin' },
    result: { name: 'Vladimir Vladimirovich PUTIN' },
    matches: true,
    why: "initials stand for a person's given name and patronymic",
  },
  {
    schema: 'Organization',
    query: { name: 'Euro Steel' },
    result: { name: ['ELECTRO SANAM COMPANY', 'E. S. Co.'] },
    matches: false,
    why: "an organisation's initials are an abbreviation: `E. S. Co.` is not every E... S... company",
  },
  {
    schema: 'Organization',
    query: { name: 'Build Green Ltd' },
    result: { name: ['BLOOD AND HONOUR', 'B&H'] },
    matches: false,
    why: 'a two-letter abbreviation of a listed group does not match a company sharing its initials',
  },
];
