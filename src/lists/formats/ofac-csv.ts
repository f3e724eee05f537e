/**
 * OFAC legacy CSV: the SDN list (`sdn.csv` + `add.csv` + `alt.csv` + `sdn_comments.csv`) and the
 * consolidated non-SDN list (`cons_prim.csv` + `cons_add.csv` + `cons_alt.csv` +
 * `cons_comments.csv`). No header row, CRLF, `-0- ` for empty, a lone 0x1A byte as last line.
 *
 * The companions are small (≤ 1.3 MB): they are read into maps keyed by ent_num first, then the
 * main file is streamed. The mapping of OFAC's facts (remarks, ids, dates, names) lives here too
 * and is shared with the XML parser (`ofac-xml.ts`), so both formats of one publication give the
 * same entities.
 */
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import {
  Entity,
  type EntitySource,
  type IdentityDocument,
  type NameDetail,
  type NameKind,
} from '../../model/entity.js';
import type { PropertyName, SchemaName } from '../../model/schemata.js';
import { ParseError } from '../../shared/errors.js';
import { openListFile } from '../io.js';
import type { ListParser, ParseInfo, ParseRequest } from '../types.js';
import { countryCode } from './countries.js';

// ---------------------------------------------------------------------------------------------
// CSV rows with physical line numbers (shared with the UK parser).

/** One CSV record and the physical line it starts on (records may span lines). */
export interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** Physical lines a record spans: 1 + the newlines inside its (quoted) cells. */
function linesSpanned(cells: readonly string[]): number {
  let lines = 1;
  for (const cell of cells) {
    let at = cell.indexOf('\n');
    while (at >= 0) {
      lines++;
      at = cell.indexOf('\n', at + 1);
    }
  }
  return lines;
}

function csvParser(onRecord?: (cells: string[]) => void): ReturnType<typeof parse> {
  return parse({
    relax_column_count: true,
    bom: true,
    ...(onRecord === undefined
      ? {}
      : {
          on_record: (cells: string[]) => {
            onRecord(cells);
            return cells;
          },
        }),
  });
}

/**
 * Everything a readable stream has buffered, one array per wake-up: `stream.read()` drained in a
 * loop, then one wait for `readable`. The stream's own async iterator costs a promise turn for
 * every record, which is most of the price of a CSV row; this costs one per batch.
 */
async function* readableBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  let wake: (() => void) | undefined;
  let ended = false;
  let closed = false;
  let failure: { readonly error: unknown } | undefined;
  const notify = (): void => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  stream.on('readable', notify);
  stream.on('end', () => {
    ended = true;
    notify();
  });
  stream.on('error', (error: unknown) => {
    failure = { error };
    notify();
  });
  stream.on('close', () => {
    closed = true;
    notify();
  });
  try {
    while (true) {
      const batch: T[] = [];
      for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) {
        batch.push(item);
      }
      if (batch.length > 0) {
        yield batch;
        continue;
      }
      if (failure !== undefined) throw failure.error;
      if (ended) return;
      if (closed) throw new Error('the CSV stream closed before its end (premature close)');
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    if (!ended) stream.destroy();
  }
}

/**
 * Streams CSV records with the physical line each one starts on, in batches (whatever csv-parse
 * has ready): callers loop over each batch synchronously, so a row costs no promise turn. Lines
 * are counted here (one per record plus the newlines inside its quoted cells) rather than taken
 * from csv-parse's `info`: that costs an object per record, and its `lines` drifts when quoted
 * cells hold CRLF. csv-parse errors become `ParseError`s naming file, line and field
 * (`fieldName(column)`).
 */
export async function* readCsvRowBatches(
  open: () => Promise<Readable>,
  file: string,
  fieldName: (column: number) => string | undefined,
): AsyncGenerator<CsvRow[]> {
  const input = await open();
  const parser = csvParser();
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let line = 1;
  try {
    for await (const batch of readableBatches<string[]>(parser)) {
      const rows: CsvRow[] = new Array(batch.length);
      for (let index = 0; index < batch.length; index++) {
        const cells = batch[index] as string[];
        rows[index] = { line, cells };
        line += linesSpanned(cells);
      }
      yield rows;
    }
  } catch (error) {
    throw await csvFailure(error, open, file, fieldName);
  } finally {
    input.destroy();
  }
}

/** `readCsvRowBatches` one row at a time. */
export async function* readCsvRows(
  open: () => Promise<Readable>,
  file: string,
  fieldName: (column: number) => string | undefined,
): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvRowBatches(open, file, fieldName)) yield* batch;
}

async function csvFailure(
  error: unknown,
  open: () => Promise<Readable>,
  file: string,
  fieldName: (column: number) => string | undefined,
): Promise<ParseError> {
  if (error instanceof ParseError) return error;
  const csv = error as Partial<CsvError> & { lines?: number; column?: number | string };
  const field = typeof csv.column === 'number' ? fieldName(csv.column) : undefined;
  const at = (line: number | undefined) => ({
    file,
    ...(line === undefined ? {} : { line }),
    ...(field === undefined ? {} : { field }),
  });
  if (csv.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = await brokenRecordLine(open);
    return new ParseError(
      at(line),
      `a quoted value opened in the record starting on this line is never closed (file truncated?)`,
      { cause: error },
    );
  }
  if (typeof csv.code === 'string' && csv.code.startsWith('CSV_')) {
    return new ParseError(at(csv.lines), `malformed CSV: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return new ParseError({ file }, `cannot read file: ${(error as Error).message}`, {
    cause: error,
  });
}

/**
 * Error path only: re-reads the file to find where the unterminated record starts. Counting in
 * `on_record` runs inside the tokenizer, so it sees every record even though a failing stream
 * drops the records it had buffered for the consumer.
 */
async function brokenRecordLine(open: () => Promise<Readable>): Promise<number | undefined> {
  let next = 1;
  const parser = csvParser((cells) => {
    next += linesSpanned(cells);
  });
  const input = await open();
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const _ of parser) {
      // Only the count kept by on_record matters.
    }
    return undefined;
  } catch {
    return next;
  } finally {
    input.destroy();
  }
}

/** The name used in sources and errors: the base name, without a `.gz` suffix. */
export function listFileName(path: string): string {
  return basename(path).replace(/\.gz$/iu, '');
}

// ---------------------------------------------------------------------------------------------
// OFAC facts, shared by the CSV and XML parsers.

const MONTHS: Readonly<Record<string, string>> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

const OFAC_DATE = /^(?:circa |approximately )?(?:(\d{1,2}) )?(?:([A-Za-z]{3})[a-z]*\.? )?(\d{4})$/u;

/** `30 Aug 1954` → `1954-08-30`, `Aug 1954` → `1954-08`, `1954` / `circa 1954` → `1954`. */
export function parseOfacDate(text: string): string | undefined {
  const match = OFAC_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, day, month, year] = match;
  if (month === undefined) return day === undefined ? year : undefined;
  const mm = MONTHS[month.toLowerCase()];
  if (mm === undefined) return undefined;
  if (day === undefined) return `${year}-${mm}`;
  return `${year}-${mm}-${day.padStart(2, '0')}`;
}

/** A birth date as OFAC writes it: one date, or a range `1950 to 1955` (→ ISO interval). */
export function parseOfacDob(text: string): { date?: string; range?: string } | undefined {
  const to = text.indexOf(' to ');
  if (to < 0) {
    const date = parseOfacDate(text);
    return date === undefined ? undefined : { date };
  }
  const start = parseOfacDate(text.slice(0, to));
  const end = parseOfacDate(text.slice(to + 4));
  return start === undefined || end === undefined ? undefined : { range: `${start}/${end}` };
}

type DocumentKind = 'passport' | 'id' | 'tax' | 'registration';
const DOCUMENT_PROPERTY: Readonly<Record<DocumentKind, PropertyName>> = {
  passport: 'passportNumber',
  id: 'idNumber',
  tax: 'taxNumber',
  registration: 'registrationNumber',
};

type Fact =
  | { readonly kind: 'document'; readonly doc: DocumentKind }
  | { readonly kind: 'text'; readonly property: PropertyName }
  | { readonly kind: 'date'; readonly property: PropertyName }
  | { readonly kind: 'country'; readonly property: PropertyName }
  | { readonly kind: 'dob' | 'pob' | 'gender' | 'imo' | 'weak-aka' | 'weak-fka' };

const doc = (kind: DocumentKind): Fact => ({ kind: 'document', doc: kind });
const textFact = (property: PropertyName): Fact => ({ kind: 'text', property });

/**
 * The facts OFAC states in `Remarks` (CSV) or `idList` (XML), by their label. The label is the
 * same in both formats ("Passport", "Tax ID No.", "Vessel Registration Identification"), so one
 * table serves both. Labels not listed here stay in the remarks text only.
 */
const FACTS: ReadonlyMap<string, Fact> = new Map<string, Fact>([
  ['DOB', { kind: 'dob' }],
  ['POB', { kind: 'pob' }],
  ['nationality', { kind: 'country', property: 'nationality' }],
  ['citizen', { kind: 'country', property: 'citizenship' }],
  ['Nationality of Registration', { kind: 'country', property: 'jurisdiction' }],
  ['Gender', { kind: 'gender' }],
  ['a.k.a.', { kind: 'weak-aka' }],
  ['f.k.a.', { kind: 'weak-fka' }],
  ['Vessel Registration Identification', { kind: 'imo' }],
  ['MMSI', textFact('mmsi')],
  ['Other Vessel Call Sign', textFact('callSign')],
  ['Other Vessel Type', textFact('type')],
  ['Vessel Year of Build', { kind: 'date', property: 'buildDate' }],
  ['Aircraft Manufacture Date', { kind: 'date', property: 'buildDate' }],
  ['Aircraft Model', textFact('model')],
  ["Aircraft Manufacturer's Serial Number (MSN)", textFact('serialNumber')],
  ['Aircraft Construction Number (also called L/N or S/N or F/N)', textFact('serialNumber')],
  ['Aircraft Serial Identification', textFact('serialNumber')],
  ['Aircraft Tail Number', textFact('registrationNumber')],
  ['Organization Established Date', { kind: 'date', property: 'incorporationDate' }],
  ['SWIFT/BIC', textFact('swiftBic')],
  ['Email Address', textFact('email')],
  ['Website', textFact('website')],
  ['Phone Number', textFact('phone')],
  ['Telephone', textFact('phone')],
  ['Telephone No.', textFact('phone')],
  ['PHONE', textFact('phone')],
  // Passports and travel documents.
  ['Passport', doc('passport')],
  ['Diplomatic Passport', doc('passport')],
  ['Passport Booklet', doc('passport')],
  ['Travel Document Number', doc('passport')],
  // Personal identity numbers.
  ['National ID No.', doc('id')],
  ['Cedula No.', doc('id')],
  ['Identification Number', doc('id')],
  ['C.U.R.P.', doc('id')],
  ['C.U.R.P. #', doc('id')],
  ['D.N.I.', doc('id')],
  ['Personal ID Card', doc('id')],
  ['Electoral Registry No.', doc('id')],
  ['Credencial electoral', doc('id')],
  ['National Foreign ID Number', doc('id')],
  ['Cartilla de Servicio Militar Nacional', doc('id')],
  ['SSN', doc('id')],
  ['Residency Number', doc('id')],
  ['I.F.E.', doc('id')],
  ['Birth Certificate Number', doc('id')],
  ["Driver's License No.", doc('id')],
  ['C.U.I.', doc('id')],
  ['C.U.I.P.', doc('id')],
  ['Turkish Identification Number', doc('id')],
  ['Numero de Identidad', doc('id')],
  ["Citizen's Card Number", doc('id')],
  ['Kenyan ID No.', doc('id')],
  ['Tazkira National ID Card', doc('id')],
  ['Refugee ID Card', doc('id')],
  ['UAE Identification', doc('id')],
  ['LE Number', doc('id')],
  ['VisaNumberID', doc('id')],
  // Tax numbers.
  ['Tax ID No.', doc('tax')],
  ['R.F.C.', doc('tax')],
  ['R.F.C. #', doc('tax')],
  ['RFC', doc('tax')],
  ['NIT #', doc('tax')],
  ['RUC #', doc('tax')],
  ['RIF #', doc('tax')],
  ['RTN', doc('tax')],
  ['V.A.T. Number', doc('tax')],
  ['C.U.I.T.', doc('tax')],
  ['C.I.F.', doc('tax')],
  ['US FEIN', doc('tax')],
  ['Italian Fiscal Code', doc('tax')],
  ['Numero Unico de Identificacao Tributaria (NUIT)', doc('tax')],
  // Company registrations.
  ['Registration Number', doc('registration')],
  ['Registration ID', doc('registration')],
  ['Business Registration Number', doc('registration')],
  ['Business Registration Document #', doc('registration')],
  ['Business Number', doc('registration')],
  ['Government Gazette Number', doc('registration')],
  ['Folio Mercantil No.', doc('registration')],
  ['Matricula Mercantil No', doc('registration')],
  ['Company Number', doc('registration')],
  ['UK Company Number', doc('registration')],
  ['Commercial Registry Number', doc('registration')],
  ['Romanian C.R.', doc('registration')],
  ['C.R. No.', doc('registration')],
  ['Unified Social Credit Code (USCC)', doc('registration')],
  ['United Social Credit Code Certificate (USCCC)', doc('registration')],
  ['Legal Entity Number', doc('registration')],
  ['D-U-N-S Number', doc('registration')],
  ['Economic Register Number (CBLS)', doc('registration')],
  ['Trade License No.', doc('registration')],
  ['Chamber of Commerce Number', doc('registration')],
  ['Istanbul Chamber of Comm. No.', doc('registration')],
  ['Dubai Chamber of Commerce Membership No.', doc('registration')],
  ['Public Registration Number', doc('registration')],
  ['Central Registration System Number', doc('registration')],
  ['Enterprise Number', doc('registration')],
  ['Certificate of Incorporation Number', doc('registration')],
  ['Registered Charity No.', doc('registration')],
  ['Branch Unit Number', doc('registration')],
  ['Organization Code', doc('registration')],
]);

/** Labels grouped by their first word, longest first, for prefix matching of remark segments. */
const LABELS_BY_FIRST_WORD: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const label of FACTS.keys()) {
    const first = label.split(' ', 1)[0] ?? label;
    const list = map.get(first) ?? [];
    list.push(label);
    map.set(first, list);
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return map;
})();

// `<number> (<country>) issued 01 Jan 2000 expires ...`: the number is everything before an
// optional last parenthesis and an optional issued/expires tail.
const DOCUMENT_VALUE =
  /^(.*?)(?: ?\(([^()]*)\))?((?:,? (?:issued|expires|Issue Date|Expire Date)\b.*)?)$/u;

const NAME_PROPERTY: Readonly<Record<NameKind, PropertyName>> = {
  primary: 'name',
  alias: 'alias',
  weak: 'weakAlias',
  previous: 'previousName',
};

/** Collects one OFAC record's values; `build` turns them into an `Entity`. */
export class OfacEntityBuilder {
  // A Map rather than an object keyed by property name: a dozen dynamic keys per record would
  // push every builder object into V8's slow dictionary mode.
  readonly properties = new Map<PropertyName, string[]>();
  readonly names: NameDetail[] = [];
  readonly documents: IdentityDocument[] = [];

  constructor(
    readonly id: string,
    readonly schema: SchemaName,
    readonly source: EntitySource,
  ) {}

  add(property: PropertyName, value: string | undefined): void {
    if (value === undefined || value === '') return;
    const values = this.properties.get(property);
    if (values === undefined) this.properties.set(property, [value]);
    else values.push(value);
  }

  addName(detail: NameDetail): void {
    this.names.push(detail);
    this.add(NAME_PROPERTY[detail.kind], detail.full);
  }

  /**
   * Adds a country by name. Unknown names are never guessed: they go to `notes` as
   * `<label>: <name>` unless `label` is undefined (the caller's text is in `notes` already).
   */
  addCountry(property: PropertyName, name: string, label?: string): void {
    const code = countryCode(name);
    if (code !== undefined) this.add(property, code);
    else if (label !== undefined) this.add('notes', `${label}: ${name}`);
  }

  /**
   * Applies one labelled fact (a remark segment or an XML `id`). `country` is the issuing
   * country where the format gives it separately (XML `idCountry`). Returns whether the label
   * is known. `noteUnknown` says whether unparseable values must be kept in notes (XML) or are
   * already there (CSV, whose whole Remarks text is a note).
   */
  applyFact(
    label: string,
    value: string,
    country: string | undefined,
    noteUnknown: boolean,
  ): boolean {
    const fact = FACTS.get(label);
    if (fact === undefined) return false;
    const keep = (text: string): void => {
      if (noteUnknown) this.add('notes', `${label} ${text}`);
    };
    switch (fact.kind) {
      case 'dob': {
        const parsed = parseOfacDob(value);
        if (parsed?.date !== undefined) this.add('birthDate', parsed.date);
        else if (parsed?.range !== undefined) this.add('birthDateRange', parsed.range);
        else keep(value);
        break;
      }
      case 'pob': {
        this.add('birthPlace', value);
        const last = value.slice(value.lastIndexOf(',') + 1).trim();
        const code = countryCode(last);
        if (code !== undefined) this.add('birthCountry', code);
        break;
      }
      case 'country':
        this.addCountry(fact.property, country ?? value, noteUnknown ? label : undefined);
        break;
      case 'gender': {
        const gender = value.toLowerCase();
        if (gender === 'male' || gender === 'female') this.add('gender', gender);
        else keep(value);
        break;
      }
      case 'weak-aka':
      case 'weak-fka': {
        const full = value.replace(/^'/u, '').replace(/'$/u, '').trim();
        if (full !== '') {
          this.addName(
            nameDetail(full, 'weak', this.schema, fact.kind === 'weak-fka' ? 'f.k.a.' : undefined),
          );
        }
        break;
      }
      case 'imo':
        // Usually "IMO 1234567"; a few vessels carry a national registry number instead
        // ("RS 150443 (Russia)"), which is a registration, not an IMO number.
        if (/^(?:IMO\s*)?\d{7}$/u.test(value)) this.add('imoNumber', imoNumber(value));
        else this.addDocument('registration', label, value, country);
        break;
      case 'text':
        this.add(fact.property, value);
        break;
      case 'date': {
        const date = parseOfacDate(value);
        if (date !== undefined) this.add(fact.property, date);
        else keep(value);
        break;
      }
      case 'document':
        this.addDocument(fact.doc, label, value, country);
        break;
    }
    return true;
  }

  private addDocument(
    kind: DocumentKind,
    label: string,
    value: string,
    givenCountry: string | undefined,
  ): void {
    // "Identification Number IMO 5342883", "Company Number IMO 5055293": an IMO number, not a
    // national document.
    if (value.startsWith('IMO ')) {
      this.add('imoNumber', imoNumber(value));
      return;
    }
    let number = value;
    let country = givenCountry;
    let tail = '';
    if (country === undefined) {
      const match = DOCUMENT_VALUE.exec(value);
      if (match !== null) {
        const [, head = value, paren, rest = ''] = match;
        if (paren !== undefined && countryCode(paren) !== undefined) {
          number = head;
          country = paren;
        } else {
          number = paren === undefined ? head : `${head} (${paren})`;
        }
        tail = rest.replace(/^,/u, '').trim();
      }
    }
    number = number.trim();
    if (number === '') return;
    const code = country === undefined ? undefined : countryCode(country);
    const notes = [kind === 'passport' && label === 'Passport' ? '' : label, tail];
    if (country !== undefined && code === undefined) notes.push(country);
    const note = notes.filter((part) => part !== '').join('; ');
    this.documents.push({
      type: kind,
      number,
      ...(code === undefined ? {} : { country: code }),
      ...(note === '' ? {} : { note }),
    });
    this.add(DOCUMENT_PROPERTY[kind], number);
  }

  build(dataset: string): Entity {
    return Entity.create({
      id: this.id,
      schema: this.schema,
      properties: this.properties,
      names: dedupeNames(this.names),
      documents: this.documents,
      datasets: [dataset],
      source: this.source,
    });
  }
}

function imoNumber(value: string): string {
  const digits = /(\d{7})/u.exec(value);
  return digits?.[1] === undefined ? value.trim() : `IMO${digits[1]}`;
}

function dedupeNames(names: readonly NameDetail[]): NameDetail[] {
  const seen = new Set<string>();
  const out: NameDetail[] = [];
  for (const name of names) {
    const key = `${name.kind}\u0000${name.full}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * A name as OFAC spells it. For people OFAC writes `LAST, First`: the spelling is kept as the full
 * name and split into its parts. Organisations, vessels and aircraft are never split (their
 * names contain commas: "ANGLO-CARIBBEAN CO., LTD.").
 */
export function nameDetail(
  full: string,
  kind: NameKind,
  schema: SchemaName,
  note?: string,
): NameDetail {
  // Built field by field (no spreads): this runs for every name of every record.
  const comma = schema === 'Person' ? full.indexOf(', ') : -1;
  const hasNote = note !== undefined && note !== '';
  if (comma < 0) return hasNote ? { full, kind, note } : { full, kind };
  const lastName = full.slice(0, comma).trim();
  const firstName = full.slice(comma + 2).trim();
  return hasNote ? { full, kind, lastName, firstName, note } : { full, kind, lastName, firstName };
}

/** `SDN_Type` / `sdnType` → schema (`-0-` and `Entity` are organisations). */
export function ofacSchema(type: string): SchemaName | undefined {
  switch (type.toLowerCase()) {
    case 'individual':
      return 'Person';
    case 'vessel':
      return 'Vessel';
    case 'aircraft':
      return 'Aircraft';
    case '':
    case 'entity':
      return 'Organization';
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The CSV files.

const EOF_MARKER = '\u001a';
const MAIN_COLUMNS = [
  'ent_num',
  'SDN_Name',
  'SDN_Type',
  'Program',
  'Title',
  'Call_Sign',
  'Vess_type',
  'Tonnage',
  'GRT',
  'Vess_flag',
  'Vess_owner',
  'Remarks',
] as const;
const ADD_COLUMNS = ['ent_num', 'add_num', 'address', 'city_state_zip', 'country', 'add_remarks'];
const ALT_COLUMNS = ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'];
const COMMENT_COLUMNS = ['ent_num', 'remarks'];

type Companion = 'add' | 'alt' | 'comments';

interface CompanionNames {
  readonly main: string;
  readonly add: string;
  readonly alt: string;
  readonly comments: string;
}

const SDN_NAMES: CompanionNames = {
  main: 'sdn.csv',
  add: 'add.csv',
  alt: 'alt.csv',
  comments: 'sdn_comments.csv',
};
const CONS_NAMES: CompanionNames = {
  main: 'cons_prim.csv',
  add: 'cons_add.csv',
  alt: 'cons_alt.csv',
  comments: 'cons_comments.csv',
};

/** `-0- ` (with its trailing space) is OFAC's empty value. */
function value(cells: readonly string[], index: number): string {
  const raw = cells[index];
  if (raw === undefined) return '';
  const trimmed = raw.trim();
  return trimmed === '-0-' ? '' : trimmed;
}

/** Rows that are not records: the final 0x1A line and blank lines. */
function isFiller(cells: readonly string[]): boolean {
  return cells.length === 1 && (cells[0] === EOF_MARKER || cells[0]?.trim() === '');
}

function entNum(row: CsvRow, file: string): number {
  const raw = row.cells[0]?.trim() ?? '';
  if (raw === '') throw new ParseError({ file, line: row.line, field: 'ent_num' }, 'is empty');
  if (!/^\d{1,9}$/u.test(raw)) {
    throw new ParseError(
      { file, line: row.line, field: 'ent_num' },
      `is not a number: ${JSON.stringify(raw)}`,
    );
  }
  return Number(raw);
}

/**
 * The rows of one OFAC CSV file, and the check each row must pass: `entOf` gives its ent_num,
 * undefined for filler rows, and throws on a bad ent_num or field count. Callers check each row
 * in their own loop rather than through a second async generator: every row of every file passes
 * here, and each generator level costs promise turns per row.
 */
function ofacRows(
  path: string,
  columns: readonly string[],
  info: ParseInfo,
): {
  readonly batches: AsyncGenerator<CsvRow[]>;
  readonly entOf: (row: CsvRow) => number | undefined;
} {
  const file = listFileName(path);
  const open = () => openListFile(path, info);
  // Comment files are "ent_num, text" but the text may itself hold commas in older copies.
  const exact = columns !== COMMENT_COLUMNS;
  const entOf = (row: CsvRow): number | undefined => {
    if (isFiller(row.cells)) return undefined;
    const ent = entNum(row, file);
    if (exact ? row.cells.length !== columns.length : row.cells.length < columns.length) {
      throw new ParseError(
        { file, line: row.line, field: columns[Math.min(row.cells.length, columns.length - 1)] },
        `expected ${columns.length} fields, found ${row.cells.length}`,
      );
    }
    return ent;
  };
  return { batches: readCsvRowBatches(open, file, (column) => columns[column]), entOf };
}

interface AltName {
  readonly type: string;
  readonly name: string;
  readonly remarks: string;
}

async function readAddresses(path: string, info: ParseInfo): Promise<Map<number, string[][]>> {
  const out = new Map<number, string[][]>();
  const records = ofacRows(path, ADD_COLUMNS, info);
  for await (const batch of records.batches)
    for (const row of batch) {
      const ent = records.entOf(row);
      if (ent === undefined) continue;
      const fields = [value(row.cells, 2), value(row.cells, 3), value(row.cells, 4)];
      const remarks = value(row.cells, 5);
      if (fields.every((field) => field === '') && remarks === '') continue;
      const list = out.get(ent);
      const entry = [...fields, remarks];
      if (list === undefined) out.set(ent, [entry]);
      else list.push(entry);
    }
  return out;
}

async function readAliases(path: string, info: ParseInfo): Promise<Map<number, AltName[]>> {
  const out = new Map<number, AltName[]>();
  const file = listFileName(path);
  const records = ofacRows(path, ALT_COLUMNS, info);
  for await (const batch of records.batches)
    for (const row of batch) {
      const ent = records.entOf(row);
      if (ent === undefined) continue;
      const name = value(row.cells, 3);
      if (name === '') {
        throw new ParseError({ file, line: row.line, field: 'alt_name' }, 'is empty');
      }
      const alt = { type: value(row.cells, 2).toLowerCase(), name, remarks: value(row.cells, 4) };
      const list = out.get(ent);
      if (list === undefined) out.set(ent, [alt]);
      else list.push(alt);
    }
  return out;
}

async function readComments(path: string, info: ParseInfo): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const records = ofacRows(path, COMMENT_COLUMNS, info);
  for await (const batch of records.batches)
    for (const row of batch) {
      const ent = records.entOf(row);
      if (ent === undefined) continue;
      // The text continues the Remarks mid-word: concatenate without a separator.
      const text = row.cells.slice(1).join(',');
      out.set(ent, (out.get(ent) ?? '') + text);
    }
  return out;
}

const ALT_KIND: Readonly<Record<string, { kind: NameKind; note?: string }>> = {
  aka: { kind: 'alias' },
  fka: { kind: 'previous' },
  // "now known as" is the entity's current other name, so it is an alias, not a previous name.
  nka: { kind: 'alias', note: 'n.k.a.' },
};

function addAltNames(
  builder: OfacEntityBuilder,
  aliases: readonly AltName[],
  file: string,
  info: ParseInfo,
): void {
  for (const alt of aliases) {
    const mapped = ALT_KIND[alt.type];
    if (mapped === undefined) {
      info.warnings.push(`${file}: ent_num ${builder.id}: unknown alt_type '${alt.type}' (alias)`);
    }
    // OFAC marks low-quality names "weak"; in the CSV that can only show in alt_remarks.
    const weak = /\bweak\b/iu.test(alt.remarks);
    const kind = weak ? 'weak' : (mapped?.kind ?? 'alias');
    const note = [mapped?.note, alt.remarks].filter((part) => part !== undefined && part !== '');
    builder.addName(nameDetail(alt.name, kind, builder.schema, note.join('; ')));
  }
}

/** Splits the Remarks into `; `-separated facts and applies the ones OFAC states reliably. */
function applyRemarks(builder: OfacEntityBuilder, remarks: string): void {
  const body = remarks.endsWith('.') ? remarks.slice(0, -1) : remarks;
  for (const raw of body.split('; ')) {
    const segment = raw.startsWith('alt. ') ? raw.slice(5) : raw;
    const space = segment.indexOf(' ');
    if (space < 0) continue;
    const labels = LABELS_BY_FIRST_WORD.get(segment.slice(0, space));
    if (labels === undefined) continue;
    for (const label of labels) {
      if (segment.length > label.length && segment.startsWith(label)) {
        const next = segment.charCodeAt(label.length);
        if (next !== 32 && next !== 58) continue; // a space or ':' must follow the label
        const rest = segment.slice(label.length + 1).trim();
        if (rest !== '') builder.applyFact(label, rest, undefined, false);
        break;
      }
    }
  }
}

function companionKind(path: string, names: CompanionNames): Companion | undefined {
  const name = listFileName(path).toLowerCase();
  if (name === names.add) return 'add';
  if (name === names.alt) return 'alt';
  if (name === names.comments) return 'comments';
  return undefined;
}

async function* parseOfacCsv(request: ParseRequest, names: CompanionNames): AsyncGenerator<Entity> {
  const { info, dataset } = request;
  const [main, ...others] = request.files;
  if (main === undefined) throw new ParseError({ file: names.main }, 'no file given');
  const mainFile = listFileName(main);

  const paths: Partial<Record<Companion, string>> = {};
  for (const path of others) {
    const kind = companionKind(path, names);
    if (kind === undefined) {
      info.warnings.push(`${listFileName(path)}: not part of an OFAC ${names.main} set; ignored`);
    } else {
      paths[kind] = path;
    }
  }
  for (const kind of ['add', 'alt', 'comments'] as const) {
    if (paths[kind] === undefined) {
      info.warnings.push(`${mainFile}: ${names[kind]} not given; entities have no ${kind} data`);
    }
  }
  const addresses =
    paths.add === undefined ? new Map<number, string[][]>() : await readAddresses(paths.add, info);
  const aliases =
    paths.alt === undefined ? new Map<number, AltName[]>() : await readAliases(paths.alt, info);
  const comments =
    paths.comments === undefined
      ? new Map<number, string>()
      : await readComments(paths.comments, info);

  const seen = new Set<number>();
  const records = ofacRows(main, MAIN_COLUMNS, info);
  for await (const batch of records.batches)
    for (const row of batch) {
      const ent = records.entOf(row);
      if (ent === undefined) continue;
      const { cells, line } = row;
      if (seen.has(ent)) {
        throw new ParseError(
          { file: mainFile, line, field: 'ent_num' },
          `duplicate ent_num ${ent}`,
        );
      }
      seen.add(ent);
      const schema = ofacSchema(value(cells, 2));
      if (schema === undefined) {
        throw new ParseError(
          { file: mainFile, line, field: 'SDN_Type' },
          `unknown type ${JSON.stringify(value(cells, 2))}`,
        );
      }
      const name = value(cells, 1);
      if (name === '')
        throw new ParseError({ file: mainFile, line, field: 'SDN_Name' }, 'is empty');

      const builder = new OfacEntityBuilder(`ofac:${ent}`, schema, { file: mainFile, line });
      builder.addName(nameDetail(name, 'primary', schema));
      const programs = value(cells, 3);
      if (programs.includes('] [')) {
        for (const program of programs.split('] [')) builder.add('program', program.trim());
      } else {
        builder.add('program', programs);
      }
      builder.add('position', value(cells, 4));
      builder.add('callSign', value(cells, 5));
      builder.add('type', value(cells, 6));
      builder.add('tonnage', value(cells, 7));
      builder.add('grossRegisteredTonnage', value(cells, 8));
      const flag = value(cells, 9);
      if (flag !== '') builder.addCountry('flag', flag, 'Vess_flag');
      builder.add('owner', value(cells, 10));

      const remarks = value(cells, 11) + (comments.get(ent) ?? '');
      if (remarks !== '') {
        builder.add('notes', remarks);
        applyRemarks(builder, remarks);
      }
      const alts = aliases.get(ent);
      if (alts !== undefined) addAltNames(builder, alts, mainFile, info);
      for (const [street, city, country, addRemarks] of addresses.get(ent) ?? []) {
        builder.add('address', [street, city, country].filter((part) => part !== '').join(', '));
        if (country !== undefined && country !== '') builder.addCountry('country', country);
        if (addRemarks !== undefined && addRemarks !== '') {
          builder.add('notes', `Address remark: ${addRemarks}`);
        }
      }
      yield builder.build(dataset);
    }

  for (const [kind, map] of [
    ['add', addresses],
    ['alt', aliases],
    ['comments', comments],
  ] as const) {
    const orphans = [...map.keys()].filter((ent) => !seen.has(ent));
    if (orphans.length > 0) {
      info.warnings.push(
        `${names[kind]}: ${orphans.length} ent_num not in ${mainFile} (e.g. ${orphans[0]}); ignored`,
      );
    }
  }
}

/** OFAC SDN list, legacy CSV: `sdn.csv` first, then `add.csv`, `alt.csv`, `sdn_comments.csv`. */
export const parseOfacSdnCsv: ListParser = (request) => parseOfacCsv(request, SDN_NAMES);

/** OFAC consolidated non-SDN list: `cons_prim.csv` first, then `cons_add/alt/comments.csv`. */
export const parseOfacConsCsv: ListParser = (request) => parseOfacCsv(request, CONS_NAMES);
