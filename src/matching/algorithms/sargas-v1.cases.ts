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
  {
    schema: 'Person',
    query: { name: 'SALMAN BIN MUHAMMAD AL-RAWI' },
    result: { name: 'MUHAMMAD BIN SALMAN AL-RAWI' },
    matches: false,
    why: "a son and his father: own name and father's name swap round `bin`",
  },
  {
    schema: 'Person',
    query: { name: 'bin Salman Mohammed' },
    result: { name: 'Mohammed bin Salman' },
    matches: true,
    why: "a reordered lineage name keeps its father's name",
  },
  {
    schema: 'Person',
    query: { name: 'Osama bin Laden' },
    result: { name: 'Usama ibn Laden' },
    matches: true,
    why: '`bin`/`ibn` are one connector and the roles agree',
  },
  {
    schema: 'Person',
    query: { name: 'Sergey Viktorovich Lavrov' },
    result: { name: 'Sergey Ivanevich LAVROV' },
    matches: false,
    why: 'two different patronymics are two different fathers',
  },
  {
    schema: 'Person',
    query: { name: 'Sergey Lavrov' },
    result: { name: 'Sergey Viktorovich LAVROV' },
    matches: true,
    why: 'an omitted patronymic costs little',
  },
  {
    schema: 'Person',
    query: { name: 'Ted Doe' },
    result: { name: 'Theodore Doe' },
    matches: true,
    why: 'an English nickname of a given name',
  },
  {
    schema: 'Person',
    query: { name: 'John Doe' },
    result: { name: 'Juan Doe' },
    matches: true,
    why: 'the Spanish form of a given name',
  },
  {
    schema: 'Person',
    query: { name: 'Alexander Lukashevich' },
    result: { name: 'Alexander Lukashenko' },
    matches: false,
    why: 'a surname that shares only its beginning is another surname (edit distance over Jaro-Winkler)',
  },
  {
    schema: 'Person',
    query: { name: 'Lionel Bessi' },
    result: { name: 'Lionel Messi' },
    matches: true,
    why: 'one wrong letter, even the first, is a typo',
  },
  {
    schema: 'Organization',
    query: { name: 'Brigade Forty-Four' },
    result: { name: 'Brigade 44' },
    matches: true,
    why: 'numbers in words and in digits',
  },
  {
    schema: 'Organization',
    query: { name: '1st International Bank' },
    result: { name: 'First Intl Bank' },
    matches: true,
    why: 'ordinals and abbreviations of name words are brought to one form',
  },
  {
    schema: 'Organization',
    query: { name: 'Goldman Sachs Mortgage Loan Trust 2004-1' },
    result: { name: 'Goldman Sachs Mortgage Loan Trust 2004-2' },
    matches: true,
    why: 'another series of the same trust is worth a look: a differing number weakens, not undoes',
  },
  {
    schema: 'Vessel',
    query: { name: 'Snow Storm' },
    result: { name: 'Sea Storm 2' },
    matches: false,
    why: 'a number does not carry a name that differs',
  },
  {
    schema: 'Person',
    query: { name: '김정은' },
    result: { name: 'KIM JONG UN' },
    matches: true,
    why: "Hangul finds the DPRK's own romanisation",
  },
  {
    schema: 'Person',
    query: { name: '리병철' },
    result: { name: 'Ri Pyong Chol' },
    matches: true,
    why: 'a North Korean surname as the DPRK writes it',
  },
  {
    schema: 'Person',
    query: { name: 'محمد علي' },
    result: { name: 'Mohamed Ali' },
    matches: true,
    why: 'an Arabic-script name meets its Latin spelling on the consonant skeleton',
  },
  {
    schema: 'Person',
    query: { name: 'Сергей АЮПОВ' },
    result: { name: 'عماد أبو زريق' },
    matches: false,
    why: '`أبو` is the particle Abu, not a name whose consonants happen to agree',
  },
  {
    schema: 'Person',
    query: { name: 'Abdulrahman Mustafa AL-QADULI' },
    result: { name: "'ABD AL-RAHMAN MUHAMMAD MUSTAFA AL-QADULI" },
    matches: true,
    why: 'an Abd name in one word meets the same name in three',
  },
  {
    schema: 'Person',
    query: { name: 'عبد الله عزام' },
    result: { name: 'Abdallah Azzam' },
    matches: true,
    why: 'the Arabic-script Abd name meets its one-word Latin spelling',
  },
  {
    schema: 'Person',
    query: { name: 'Abdul Karim Mustafa' },
    result: { name: 'Abdulrahman Mustafa' },
    matches: false,
    why: 'two Abd names differ in the divine name, the part that tells them apart',
  },
  {
    schema: 'Person',
    query: { name: 'Abdul Haq Sharbatli' },
    result: { name: 'Abdul Haq' },
    matches: true,
    why: 'a listed Abd name alone is found in a longer name (one name, weighing as one)',
  },
];
