/**
 * UK OFSI Consolidated List ("ConList") CSV. Row 1 `Last Updated,dd/mm/yyyy`, row 2 the header,
 * then one row per name variant; the rows sharing a `Group ID` are one designated person, entity
 * or ship. Two layouts are read by column name: the 36-column "2022 format" (2023, 2025 files)
 * and the 29-column 2018 format, which OFSI wrote in Windows-1252.
 *
 * Grouping: the rows of one group are NOT adjacent in OFSI's files (the real 2025 file has 3,818
 * places where a group reappears after other groups' rows; OFSI sorts by name, not by group), so
 * groups are accumulated in memory and emitted once the file has been read. That holds one small
 * record per group (4,688 for a 15 MB file), never the rows or the file itself; rows are still
 * streamed through csv-parse.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import {
  Entity,
  type IdentityDocument,
  type NameDetail,
  type NameKind,
} from '../../model/entity.js';
import type { PropertyName, SchemaName } from '../../model/schemata.js';
import { ParseError } from '../../shared/errors.js';
import { openListFile } from '../io.js';
import type { ListParser, ParseInfo, ParseRequest } from '../types.js';
import { countryCode, splitEnumerated } from './countries.js';
import { listFileName, readCsvRows } from './ofac-csv.js';

const GROUP_TYPES: Readonly<Record<string, SchemaName>> = {
  individual: 'Person',
  entity: 'Organization',
  ship: 'Vessel',
};

const NAME_PROPERTY: Readonly<Record<NameKind, PropertyName>> = {
  primary: 'name',
  alias: 'alias',
  weak: 'weakAlias',
  previous: 'previousName',
};

/** `Alias Type` → kind. 2018 wrote "Prime Alias" for the primary name. */
const ALIAS_TYPES: Readonly<Record<string, NameKind>> = {
  'primary name': 'primary',
  'prime alias': 'primary',
  'primary name variation': 'alias',
  aka: 'alias',
  fka: 'previous',
};

/** OFSI's `Non-Latin Script Language` → ISO 639-1. */
const LANGUAGES: Readonly<Record<string, string>> = {
  arabic: 'ar',
  armenian: 'hy',
  azerbaijani: 'az',
  belarusian: 'be',
  bosnian: 'bs',
  bulgarian: 'bg',
  burmese: 'my',
  chinese: 'zh',
  farsi: 'fa',
  georgian: 'ka',
  greek: 'el',
  hebrew: 'he',
  japanese: 'ja',
  kazakh: 'kk',
  korean: 'ko',
  kyrgyz: 'ky',
  mongolian: 'mn',
  pashto: 'ps',
  persian: 'fa',
  'persian/farsi': 'fa',
  russian: 'ru',
  serbian: 'sr',
  spanish: 'es',
  tajik: 'tg',
  thai: 'th',
  turkish: 'tr',
  ukrainian: 'uk',
  urdu: 'ur',
  uzbek: 'uz',
};

/**
 * The script a name is written in, from its letters (ISO 15924). OFSI's `Non-Latin Script Type`
 * is misspelt ("Cryillic", "Cyrilic"), sometimes a language ("Persian", "Russian"), and at times
 * the cell holds a Latin spelling, so the letters are trusted over the label.
 */
const SCRIPTS: readonly (readonly [RegExp, string])[] = [
  [/[\u0400-\u052f]/u, 'Cyrl'],
  [/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/u, 'Arab'],
  [/[\u3400-\u4dbf\u4e00-\u9fff]/u, 'Hani'],
  [/[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/u, 'Hang'],
  [/[\u10a0-\u10ff]/u, 'Geor'],
  [/[\u0590-\u05ff]/u, 'Hebr'],
  [/[\u0370-\u03ff]/u, 'Grek'],
  [/[\u0e00-\u0e7f]/u, 'Thai'],
  [/[\u1000-\u109f]/u, 'Mymr'],
  [/[\u0530-\u058f]/u, 'Armn'],
  [/[A-Za-z\u00c0-\u024f]/u, 'Latn'],
];

function scriptOf(text: string): string | undefined {
  for (const [pattern, script] of SCRIPTS) if (pattern.test(text)) return script;
  return undefined;
}

/** `dd/mm/yyyy`, `00/mm/yyyy`, `00/00/yyyy`, `mm/yyyy`, `yyyy` → `YYYY-MM-DD`, `YYYY-MM`, `YYYY`. */
export function parseUkDate(text: string): string | undefined {
  const match = /^(?:(?:(\d{1,2})\/)?(\d{1,2})\/)?(\d{4})$/u.exec(text.trim());
  if (match === null) return undefined;
  const [, day, month, year = ''] = match;
  if (month === undefined || Number(month) === 0) return year;
  const mm = month.padStart(2, '0');
  if (Number(mm) > 12) return undefined;
  if (day === undefined || Number(day) === 0) return `${year}-${mm}`;
  if (Number(day) > 31) return undefined;
  return `${year}-${mm}-${day.padStart(2, '0')}`;
}

// `Other Information` holds labelled facts: `(UK Sanctions List Ref):RUS0001. (Gender):Male`.
const OTHER_INFO_LABEL = /\(([A-Za-z][A-Za-z /'&-]{1,40})\):/gu;

// A document number at the start of a cell part, with an optional `(country)` after it.
const DOCUMENT_PART =
  /^(?:Passport (?:No|number)[:.]?\s*)?([A-Z]{1,2} \d[A-Z0-9./-]*|[A-Z0-9][A-Z0-9./-]*\d[A-Z0-9./-]*)(?:\s*,?\s*\(([^()]+)\))?/iu;

// "India number, issued ...", "Russian foreign travel passport number": a country first.
const DETAIL_COUNTRY = /^(.+?)\s+(?:number|passport|national|diplomatic|foreign)\b/iu;

/** One group (one designated person, entity or ship) while the file is read. */
interface Group {
  readonly id: string;
  readonly schema: SchemaName;
  readonly groupType: string;
  readonly line: number;
  readonly properties: Map<PropertyName, string[]>;
  readonly names: NameDetail[];
  readonly documents: IdentityDocument[];
  /**
   * Values already applied, by column: a group's rows repeat most cells (some are kilobytes of
   * prose), so each distinct value is handled once. Keyed per column to avoid concatenating
   * long cells into one key.
   */
  readonly seen: Map<string, Set<string>>;
}

function add(group: Group, property: PropertyName, value: string | undefined): void {
  if (value === undefined) return;
  const trimmed = value.trim();
  if (trimmed === '') return;
  const values = group.properties.get(property);
  if (values === undefined) group.properties.set(property, [trimmed]);
  else values.push(trimmed);
}

function addCountries(group: Group, property: PropertyName, cell: string, label: string): void {
  for (const part of splitEnumerated(cell)) {
    const code = countryCode(part);
    // Unknown names are kept as the list wrote them, never guessed.
    if (code !== undefined) add(group, property, code);
    else add(group, 'notes', `${label}: ${part}`);
  }
}

/** True the first time `value` is seen in `column` for this group. */
function firstTime(group: Group, column: string, value: string): boolean {
  const values = group.seen.get(column);
  if (values === undefined) {
    group.seen.set(column, new Set([value]));
    return true;
  }
  if (values.has(value)) return false;
  values.add(value);
  return true;
}

function addName(group: Group, detail: NameDetail): void {
  if (!firstTime(group, `name:${detail.kind}:${detail.script ?? ''}`, detail.full)) return;
  group.names.push(detail);
  add(group, NAME_PROPERTY[detail.kind], detail.full);
}

function addDocuments(
  group: Group,
  type: 'passport' | 'id',
  numbers: string,
  details: string,
): void {
  const property: PropertyName = type === 'passport' ? 'passportNumber' : 'idNumber';
  const label = type === 'passport' ? 'Passport' : 'National ID';
  const detailParts = details === '' ? [] : splitEnumerated(details);
  // 2022 format: numbers and details in two columns, enumerated alike. 2018: details only.
  const parts = numbers === '' ? detailParts : splitEnumerated(numbers);
  const paired = numbers !== '' && detailParts.length === parts.length;
  parts.forEach((part, index) => {
    const match = DOCUMENT_PART.exec(part);
    if (match === null) {
      add(group, 'notes', `${label}: ${part}`);
      return;
    }
    const [whole, number = '', paren] = match;
    const detail = paired ? (detailParts[index] ?? '') : numbers === '' ? part : '';
    let country = paren === undefined ? undefined : countryCode(paren);
    if (country === undefined && detail !== '') {
      const lead = DETAIL_COUNTRY.exec(detail)?.[1];
      country = countryCode(lead ?? detail);
    }
    const note = (numbers === '' ? part.slice(whole.length) : detail)
      .replace(/^[\s.,;]+/u, '')
      .trim();
    group.documents.push({
      type,
      number,
      ...(country === undefined ? {} : { country }),
      ...(note === '' ? {} : { note }),
    });
    add(group, property, number);
  });
  if (numbers !== '' && details !== '' && !paired)
    add(group, 'notes', `${label} details: ${details}`);
}

function applyOtherInformation(group: Group, text: string): void {
  add(group, 'notes', text);
  const labels = [...text.matchAll(OTHER_INFO_LABEL)];
  labels.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = labels[index + 1]?.index ?? text.length;
    const value = text.slice(start, end).trim().replace(/\.$/u, '').trim();
    if (value === '') return;
    switch (match[1]?.toLowerCase()) {
      case 'uk sanctions list ref': {
        // `RUS0001` or `SDi.005`, sometimes followed by free text up to the next label.
        add(group, 'reference', (value.split(/\s/u, 1)[0] ?? value).replace(/\.$/u, ''));
        break;
      }
      case 'gender': {
        const gender = value.toLowerCase();
        if (gender === 'male' || gender === 'female') add(group, 'gender', gender);
        break;
      }
      case 'imo number': {
        const digits = /\d{7}/u.exec(value)?.[0];
        if (digits !== undefined) add(group, 'imoNumber', `IMO${digits}`);
        break;
      }
      case 'flag of ship':
        addCountries(group, 'flag', value, 'Flag of ship');
        break;
      case 'type of ship':
        add(group, 'type', value);
        break;
      case 'tonnage of ship':
        add(group, 'tonnage', value);
        break;
      case 'year built':
        if (/^\d{4}$/u.test(value)) add(group, 'buildDate', value);
        break;
      case 'current owners':
        add(group, 'owner', value);
        break;
      case 'type of entity':
        add(group, 'legalForm', value);
        break;
      case 'business reg no':
        for (const part of splitEnumerated(value)) add(group, 'registrationNumber', part);
        break;
      case 'phone number':
        for (const part of splitEnumerated(value)) add(group, 'phone', part);
        break;
      case 'email address':
        for (const email of value.match(/[^\s,;()]+@[^\s,;()]+[^\s,;().]/gu) ?? []) {
          add(group, 'email', email);
        }
        break;
      case 'website':
        for (const part of splitEnumerated(value)) add(group, 'website', part);
        break;
      default:
        break;
    }
  });
  // 2018 wrote ships' IMO numbers in the prose: "(IMO number: 7408873)".
  if (!group.properties.has('imoNumber') && text.includes('IMO')) {
    const imo = /\bIMO(?: number)?:?\s*(\d{7})\b/iu.exec(text)?.[1];
    if (imo !== undefined) add(group, 'imoNumber', `IMO${imo}`);
  }
}

/**
 * Whether `bytes` ends inside a UTF-8 sequence whose bytes so far are valid (a lead byte and
 * fitting continuation bytes, but fewer than the lead announces). Returns how many bytes that
 * incomplete sequence has (0 when the buffer ends on a character boundary or the tail is invalid
 * anyway, which `isUtf8` then reports).
 */
function incompleteTail(bytes: Buffer): number {
  const length = bytes.length;
  // A sequence is at most 4 bytes: its lead is among the last 3 when it is incomplete.
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back] ?? 0;
    if (byte < 0x80) return 0;
    if (byte < 0xc0) continue; // a continuation byte: look further back for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    if (back >= need || byte < 0xc2 || byte > 0xf4) return 0;
    // The second byte's range depends on the lead (no overlongs, surrogates or > U+10FFFF).
    if (back >= 2) {
      const second = bytes[length - back + 1] ?? 0;
      const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
      const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
      if (second < low || second > high) return 0;
    }
    return back;
  }
  return 0;
}

/** Error path: the error a strict UTF-8 decoder reports for `bytes`. */
function utf8Error(bytes: Buffer): unknown {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * Decodes the file for csv-parse: UTF-8, or Windows-1252 when the bytes are not valid UTF-8
 * (OFSI's 2018 CSV). Streaming: as long as only ASCII has been seen both decodings agree, so the
 * switch can happen at the first invalid byte without re-reading. Invalid UTF-8 after valid
 * non-ASCII UTF-8 is a broken file, not a legacy encoding.
 *
 * Valid UTF-8 is passed on as the bytes themselves, split on character boundaries: csv-parse
 * works on bytes, and decoding here only for csv-parse to encode the text again cost a good part
 * of the parse. Only a Windows-1252 file is handed over as text.
 */
async function* decode(
  input: Readable,
  file: string,
  info: ParseInfo,
): AsyncGenerator<Buffer | string> {
  let legacy: TextDecoder | undefined;
  let sawNonAscii = false;
  // The start of a character split across two reads (valid so far), prepended to the next read.
  let carry: Buffer | undefined;
  let atStart = true;
  for await (const read of input as AsyncIterable<Buffer>) {
    if (legacy === undefined) {
      const chunk = carry === undefined ? read : Buffer.concat([carry, read]);
      const tail = incompleteTail(chunk);
      const body = tail === 0 ? chunk : chunk.subarray(0, chunk.length - tail);
      if (isUtf8(body)) {
        if (!sawNonAscii && !isAscii(read)) sawNonAscii = true;
        carry = tail === 0 ? undefined : Buffer.from(chunk.subarray(chunk.length - tail));
        if (body.length === 0) continue;
        if (atStart) {
          atStart = false;
          // A UTF-8 decoder drops a leading byte order mark; so does this (csv-parse's `bom`
          // option then drops a second one, as it did after the decoder).
          if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
            if (body.length > 3) yield body.subarray(3);
            continue;
          }
        }
        yield body;
        continue;
      }
      if (sawNonAscii) {
        throw new ParseError({ file }, 'invalid UTF-8 after valid UTF-8 text: encoding broken', {
          cause: utf8Error(body),
        });
      }
      // Only ASCII so far, so nothing is carried over: this read is the first one decoded.
      legacy = new TextDecoder('windows-1252');
      info.warnings.push(`${file}: not valid UTF-8; read as Windows-1252`);
    }
    yield legacy.decode(read, { stream: true });
  }
  if (carry !== undefined) {
    throw new ParseError({ file }, 'file ends inside a UTF-8 character (truncated?)', {
      cause: utf8Error(carry),
    });
  }
  const tail = legacy?.decode();
  if (tail !== undefined && tail !== '') yield tail;
}

interface Columns {
  readonly count: number;
  readonly names: readonly string[];
  readonly index: (name: string) => number;
}

function columnsOf(header: readonly string[]): Columns {
  const map = new Map<string, number>();
  header.forEach((name, i) => {
    if (!map.has(name.trim())) map.set(name.trim(), i);
  });
  return { count: header.length, names: header, index: (name) => map.get(name) ?? -1 };
}

async function* parse(request: ParseRequest): AsyncGenerator<Entity> {
  const { info, dataset } = request;
  const [path, ...rest] = request.files;
  if (path === undefined) throw new ParseError({ file: 'ConList.csv' }, 'no file given');
  for (const extra of rest) {
    info.warnings.push(`${listFileName(extra)}: an OFSI list is one file; ignored`);
  }
  const file = listFileName(path);
  const open = async () => Readable.from(decode(await openListFile(path, info), file, info));

  let columns: Columns | undefined;
  const fieldName = (column: number) => columns?.names[column];
  const groups = new Map<string, Group>();
  // Column indexes, resolved from the header (absent when this layout lacks the column).
  let col = new Map<string, number>();
  const cell = (cells: readonly string[], name: string): string => {
    const index = col.get(name) ?? -1;
    return index < 0 ? '' : (cells[index] ?? '').trim();
  };

  for await (const { line, cells } of readCsvRows(open, file, fieldName)) {
    if (columns === undefined) {
      const first = (cells[0] ?? '').trim();
      if (first.toLowerCase() === 'last updated') {
        const date = parseUkDate(cells[1] ?? '');
        if (date === undefined) {
          info.warnings.push(`${file}: line ${line}: unreadable list date '${cells[1] ?? ''}'`);
        }
        info.publishedAt = date ?? null;
        continue;
      }
      if (first === '' && cells.length === 1) continue;
      const header = columnsOf(cells);
      for (const required of ['Name 6', 'Group Type', 'Alias Type', 'Group ID']) {
        if (header.index(required) < 0) {
          throw new ParseError(
            { file, line, field: required },
            'header row lacks this column: not an OFSI ConList CSV',
          );
        }
      }
      if (info.publishedAt === null) {
        info.warnings.push(`${file}: no 'Last Updated' row before the header; no list date`);
      }
      columns = header;
      col = new Map(header.names.map((name) => [name.trim(), header.index(name.trim())]));
      continue;
    }
    if (cells.length === 1 && (cells[0] ?? '').trim() === '') continue;
    if (cells.length !== columns.count) {
      throw new ParseError(
        { file, line, field: columns.names[Math.min(cells.length, columns.count - 1)] },
        `expected ${columns.count} fields, found ${cells.length}`,
      );
    }
    applyRow(groups, cells, line, file, info, cell);
  }
  if (columns === undefined) throw new ParseError({ file }, 'no header row: empty file?');

  for (const group of groups.values()) {
    yield Entity.create({
      id: `uk:${group.id}`,
      schema: group.schema,
      properties: group.properties,
      names: group.names,
      documents: group.documents,
      datasets: [dataset],
      source: { file, line: group.line },
    });
  }
}

function applyRow(
  groups: Map<string, Group>,
  cells: readonly string[],
  line: number,
  file: string,
  info: ParseInfo,
  cell: (cells: readonly string[], name: string) => string,
): void {
  const id = cell(cells, 'Group ID');
  if (id === '') throw new ParseError({ file, line, field: 'Group ID' }, 'is empty');
  if (!/^\d{1,12}$/u.test(id)) {
    throw new ParseError(
      { file, line, field: 'Group ID' },
      `is not a number: ${JSON.stringify(id)}`,
    );
  }
  const groupType = cell(cells, 'Group Type');
  let group = groups.get(id);
  if (group === undefined) {
    const schema = GROUP_TYPES[groupType.toLowerCase()];
    if (schema === undefined) {
      throw new ParseError(
        { file, line, field: 'Group Type' },
        `unknown group type ${JSON.stringify(groupType)} (expected Individual, Entity or Ship)`,
      );
    }
    group = {
      id,
      schema,
      groupType,
      line,
      properties: new Map(),
      names: [],
      documents: [],
      seen: new Map(),
    };
    groups.set(id, group);
  } else if (groupType !== group.groupType) {
    throw new ParseError(
      { file, line, field: 'Group Type' },
      `group ${id} is '${group.groupType}' at line ${group.line} but '${groupType}' here`,
    );
  }

  applyNames(group, cells, line, file, info, cell);

  // The rest describes the group, not the name, and repeats on each of its rows: apply each
  // distinct cell once.
  const once = (name: string, apply: (value: string) => void): void => {
    const value = cell(cells, name);
    if (value !== '' && firstTime(group, name, value)) apply(value);
  };
  once('DOB', (value) => {
    const date = parseUkDate(value);
    if (date !== undefined) add(group, 'birthDate', date);
    else add(group, 'notes', `DOB: ${value}`);
  });
  const birthPlace = [cell(cells, 'Town of Birth'), cell(cells, 'Country of Birth')]
    .filter((part) => part !== '')
    .join(', ');
  if (birthPlace !== '') {
    if (firstTime(group, 'birthPlace', birthPlace)) add(group, 'birthPlace', birthPlace);
  }
  once('Country of Birth', (value) =>
    addCountries(group, 'birthCountry', value, 'Country of birth'),
  );
  once('Nationality', (value) => addCountries(group, 'nationality', value, 'Nationality'));
  once('Position', (value) => {
    for (const part of splitEnumerated(value)) add(group, 'position', part);
  });
  // 2022 format: number and details columns; 2018: one free-text column each.
  const passportNumber = cell(cells, 'Passport Number');
  const passportDetails = cell(cells, 'Passport Details');
  if (passportNumber !== '' || passportDetails !== '') {
    if (firstTime(group, 'passport', `${passportNumber}\u0001${passportDetails}`)) {
      addDocuments(group, 'passport', passportNumber, passportDetails);
    }
  }
  // 2018's `NI Number` is free text (number, country and remarks), like its passport details.
  const idNumber = cell(cells, 'National Identification Number');
  const idDetails = cell(cells, 'National Identification Details') || cell(cells, 'NI Number');
  if (idNumber !== '' || idDetails !== '') {
    if (firstTime(group, 'id', `${idNumber}\u0001${idDetails}`)) {
      addDocuments(group, 'id', idNumber, idDetails);
    }
  }
  const address = [
    'Address 1',
    'Address 2',
    'Address 3',
    'Address 4',
    'Address 5',
    'Address 6',
    'Post/Zip Code',
    'Country',
  ]
    .map((name) => cell(cells, name))
    .filter((part) => part !== '')
    .join(', ');
  if (address !== '' && firstTime(group, 'address', address)) add(group, 'address', address);
  once('Country', (value) => addCountries(group, 'country', value, 'Country'));
  once('Other Information', (value) => applyOtherInformation(group, value));
  once('Regime', (value) => add(group, 'program', value));
  once('Listed On', (value) => {
    const date = parseUkDate(value);
    add(group, date === undefined ? 'notes' : 'listingDate', date ?? `Listed on: ${value}`);
  });
  once('UK Sanctions List Date Designated', (value) =>
    add(group, 'notes', `UK Sanctions List Date Designated: ${value}`),
  );
  once('Last Updated', (value) => add(group, 'modifiedAt', parseUkDate(value) ?? undefined));
}

function applyNames(
  group: Group,
  cells: readonly string[],
  line: number,
  file: string,
  info: ParseInfo,
  cell: (cells: readonly string[], name: string) => string,
): void {
  const aliasType = cell(cells, 'Alias Type');
  let kind = ALIAS_TYPES[aliasType.toLowerCase()];
  if (kind === undefined) {
    info.warnings.push(`${file}: line ${line}: unknown Alias Type '${aliasType}'; read as alias`);
    kind = 'alias';
  }
  const quality = cell(cells, 'Alias Quality');
  // OFSI's "Low quality" aliases are weak aliases; a primary name stays the primary name.
  if (kind !== 'primary' && quality.toLowerCase().startsWith('low')) kind = 'weak';
  const note =
    [aliasType.toLowerCase() === 'primary name variation' ? aliasType : '', quality]
      .filter((part) => part !== '')
      .join('; ') || undefined;

  const last = cell(cells, 'Name 6');
  const given = [
    cell(cells, 'Name 1'),
    cell(cells, 'Name 2'),
    cell(cells, 'Name 3'),
    cell(cells, 'Name 4'),
    cell(cells, 'Name 5'),
  ];
  const title = cell(cells, 'Title');
  if (title !== '') add(group, 'title', title);
  const full = [...given, last].filter((part) => part !== '').join(' ');
  if (full === '') {
    throw new ParseError({ file, line, field: 'Name 6' }, 'the row has no name');
  }
  if (group.schema === 'Person') {
    const first = given[0] ?? '';
    const middle = given
      .slice(1)
      .filter((part) => part !== '')
      .join(' ');
    addName(group, {
      full,
      kind,
      ...(first === '' ? {} : { firstName: first }),
      ...(middle === '' ? {} : { middleName: middle }),
      ...(last === '' ? {} : { lastName: last }),
      ...(title === '' ? {} : { title }),
      ...(note === undefined ? {} : { note }),
    });
  } else {
    addName(group, { full, kind, ...(note === undefined ? {} : { note }) });
  }

  const nonLatin = cell(cells, 'Name Non-Latin Script');
  if (nonLatin !== '') {
    const script = scriptOf(nonLatin);
    const language = cell(cells, 'Non-Latin Script Language');
    const lang = LANGUAGES[language.toLowerCase()];
    const notes = [
      lang === undefined && language !== '' ? `language: ${language}` : '',
      cell(cells, 'Non-Latin Script Type'),
    ].filter((part) => part !== '');
    // The original-script form of the row's name: an alias (the primary name is the Latin one).
    addName(group, {
      full: nonLatin,
      kind: kind === 'primary' ? 'alias' : kind,
      ...(lang === undefined ? {} : { lang }),
      ...(script === undefined ? {} : { script }),
      ...(notes.length === 0 ? {} : { note: notes.join('; ') }),
    });
  }
}

/** UK OFSI Consolidated List CSV (2022 and 2018 layouts, UTF-8 or Windows-1252). */
export const parseUkOfsiCsv: ListParser = (request) => parse(request);
