/**
 * UN Security Council consolidated list XML (`CONSOLIDATED_LIST` → `INDIVIDUALS/INDIVIDUAL`,
 * `ENTITIES/ENTITY`). Streams with saxes; one `Entity` per record, id `un:<DATAID>`.
 *
 * Decisions:
 * - The primary name is FIRST_NAME … FOURTH_NAME joined by spaces. The UN's name slots do not mean
 *   given/family name (SECOND_NAME is often the surname), so the parts go to `firstName`,
 *   `secondName` and `middleName` (THIRD and FOURTH) rather than to `lastName`.
 * - NAME_ORIGINAL_SCRIPT is an `alias` whose `script` is detected from its letters.
 * - Alias QUALITY: "Low" → `weakAlias` (kind weak), "f.k.a." → `previousName`, anything else
 *   ("Good", "a.k.a.", empty) → `alias`. The quality and the alias NOTE become the name's `note`.
 *   Aliases with an empty ALIAS_NAME (the UN writes `<ALIAS_NAME/>` for "none") are skipped.
 * - DESIGNATION values are the person's functions → `position`; TITLE values → `title`.
 * - Birth dates: EXACT / APPROXIMATELY (or no type) → `birthDate` from DATE or YEAR; BETWEEN →
 *   `birthDateRange` `FROM_YEAR/TO_YEAR`. A date NOTE ("Nov. 1973") goes to `notes`.
 * - Country values are the UN's English names; they become ISO 3166-1 alpha-2 codes through the
 *   shared table (`countries.ts`). A name with no code ("former Soviet Union") is kept in `notes`
 *   with its label; `na` ("not available") is dropped.
 */
import type { SaxesTagPlain } from 'saxes';
import type { IdentityDocument, NameDetail, NameKind } from '../../model/entity.js';
import { Entity } from '../../model/entity.js';
import type { PropertyName } from '../../model/schemata.js';
import { ParseError, ValidationError } from '../../shared/errors.js';
import { displayName } from '../io.js';
import type { ListParser, ParseRequest } from '../types.js';
import { countryCode } from './countries.js';
import { detectScript } from './name-script.js';
import { addValue, type PropertyBag } from './property-bag.js';
import {
  type PlainSaxesParser,
  streamXmlRecords,
  TextCapture,
  type XmlRecordHandler,
} from './xml-stream.js';

/** Parses one UN SC consolidated list XML file (`request.files[0]`, plain or gzip). */
export const parseUnScXml: ListParser = (request) => parseUnSc(request);

async function* parseUnSc(request: ParseRequest): AsyncGenerator<Entity> {
  const path = request.files[0];
  if (path === undefined) throw new ValidationError('the UN SC parser needs one file', 'files');
  yield* streamXmlRecords(path, request.info, (parser) => unHandler(parser, path, request));
}

// Names the shared country table does not know, as the UN writes them.
const UN_COUNTRIES: Readonly<Record<string, string>> = {
  'China, Hong Kong Special Administrative Region': 'HK',
  'China, Macao Special Administrative Region': 'MO',
};

/** ISO 3166-1 alpha-2 for a UN country name, or undefined ("na", "former Soviet Union"). */
function unCountry(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  // The same few hundred names recur on every record: one Map lookup instead of a lowercasing, a
  // dictionary lookup and the shared table's normalisation each time.
  const known = COUNTRY_CACHE.get(name);
  if (known !== undefined) return known === '' ? undefined : known;
  const code = name.toLowerCase() === 'na' ? undefined : (UN_COUNTRIES[name] ?? countryCode(name));
  if (COUNTRY_CACHE.size < COUNTRY_CACHE_LIMIT) COUNTRY_CACHE.set(name, code ?? '');
  return code;
}

/** `unCountry` results by name ('' for "no code"); bounded, a list has a few hundred names. */
const COUNTRY_CACHE = new Map<string, string>();
const COUNTRY_CACHE_LIMIT = 4096;

/**
 * Adds a country as its ISO code. A name without a code is not guessed: it is kept, labelled, in
 * `notes` (the address and birth-place text keep the name as written in any case).
 */
function addCountry(
  bag: PropertyBag,
  key: PropertyName,
  name: string | undefined,
  label: string,
): void {
  if (name === undefined || name.toLowerCase() === 'na') return;
  const code = unCountry(name);
  if (code !== undefined) addValue(bag, key, code);
  else addValue(bag, 'notes', `${label}: ${name}`);
}

function joinParts(parts: readonly (string | undefined)[], separator = ', '): string {
  let out = '';
  for (const part of parts) {
    if (part === undefined || part === '') continue;
    out = out === '' ? part : `${out}${separator}${part}`;
  }
  return out;
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4})(?:$|[T\s+-])/u;

/** `2015-04-07-04:00` (the UN's xs:date with a zone) → `2015-04-07`; non-dates are returned as-is. */
function isoDate(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const match = DATE_PREFIX.exec(value);
  return match === null ? value : match[1];
}

// What a child element of INDIVIDUAL / ENTITY is: a leaf field (DATAID, FIRST_NAME, ..., or an
// element we do not know), a list of `<VALUE>` elements (NATIONALITY, ...) or a group of leaf
// fields (INDIVIDUAL_ALIAS, ...).
const LEAF = 0;
const VALUE_LIST = 1;
const GROUP = 2;
type Child = typeof LEAF | typeof VALUE_LIST | typeof GROUP;

/**
 * Classifies a child of INDIVIDUAL / ENTITY. A switch rather than Set lookups: tag names are fresh
 * strings from the tokeniser, and a Set would hash every one of them.
 */
function childKind(name: string): Child {
  switch (name) {
    case 'NATIONALITY':
    case 'DESIGNATION':
    case 'TITLE':
    case 'LIST_TYPE':
    case 'LAST_DAY_UPDATED':
      return VALUE_LIST;
    case 'INDIVIDUAL_ALIAS':
    case 'ENTITY_ALIAS':
    case 'INDIVIDUAL_ADDRESS':
    case 'ENTITY_ADDRESS':
    case 'INDIVIDUAL_DATE_OF_BIRTH':
    case 'INDIVIDUAL_PLACE_OF_BIRTH':
    case 'INDIVIDUAL_DOCUMENT':
      return GROUP;
    default:
      return LEAF;
  }
}

const PASSPORT = /passport|pasaporte|passeport/iu;

/**
 * The leaf fields of one record or one group, named as the UN names them: a fixed-shape object, so
 * reading a field is a plain property load rather than a dictionary lookup.
 */
class Fields {
  DATAID: string | undefined = undefined;
  FIRST_NAME: string | undefined = undefined;
  SECOND_NAME: string | undefined = undefined;
  THIRD_NAME: string | undefined = undefined;
  FOURTH_NAME: string | undefined = undefined;
  NAME_ORIGINAL_SCRIPT: string | undefined = undefined;
  UN_LIST_TYPE: string | undefined = undefined;
  REFERENCE_NUMBER: string | undefined = undefined;
  LISTED_ON: string | undefined = undefined;
  COMMENTS1: string | undefined = undefined;
  GENDER: string | undefined = undefined;
  QUALITY: string | undefined = undefined;
  ALIAS_NAME: string | undefined = undefined;
  DATE_OF_BIRTH: string | undefined = undefined;
  CITY_OF_BIRTH: string | undefined = undefined;
  COUNTRY_OF_BIRTH: string | undefined = undefined;
  NOTE: string | undefined = undefined;
  STREET: string | undefined = undefined;
  CITY: string | undefined = undefined;
  STATE_PROVINCE: string | undefined = undefined;
  ZIP_CODE: string | undefined = undefined;
  COUNTRY: string | undefined = undefined;
  TYPE_OF_DATE: string | undefined = undefined;
  DATE: string | undefined = undefined;
  YEAR: string | undefined = undefined;
  FROM_YEAR: string | undefined = undefined;
  TO_YEAR: string | undefined = undefined;
  TYPE_OF_DOCUMENT: string | undefined = undefined;
  TYPE_OF_DOCUMENT2: string | undefined = undefined;
  NUMBER: string | undefined = undefined;
  ISSUING_COUNTRY: string | undefined = undefined;
  COUNTRY_OF_ISSUE: string | undefined = undefined;
  CITY_OF_ISSUE: string | undefined = undefined;
  DATE_OF_ISSUE: string | undefined = undefined;

  /**
   * Stores a leaf's text. A switch rather than `this[name] = value`: the names are fresh strings
   * from the tokeniser, and a keyed store would hash each one. Elements we do not read
   * (VERSIONNUM, SORT_KEY, ...) fall through.
   */
  set(name: string, value: string): void {
    switch (name) {
      case 'DATAID':
        this.DATAID = value;
        break;
      case 'FIRST_NAME':
        this.FIRST_NAME = value;
        break;
      case 'SECOND_NAME':
        this.SECOND_NAME = value;
        break;
      case 'THIRD_NAME':
        this.THIRD_NAME = value;
        break;
      case 'FOURTH_NAME':
        this.FOURTH_NAME = value;
        break;
      case 'NAME_ORIGINAL_SCRIPT':
        this.NAME_ORIGINAL_SCRIPT = value;
        break;
      case 'UN_LIST_TYPE':
        this.UN_LIST_TYPE = value;
        break;
      case 'REFERENCE_NUMBER':
        this.REFERENCE_NUMBER = value;
        break;
      case 'LISTED_ON':
        this.LISTED_ON = value;
        break;
      case 'COMMENTS1':
        this.COMMENTS1 = value;
        break;
      case 'GENDER':
        this.GENDER = value;
        break;
      case 'QUALITY':
        this.QUALITY = value;
        break;
      case 'ALIAS_NAME':
        this.ALIAS_NAME = value;
        break;
      case 'DATE_OF_BIRTH':
        this.DATE_OF_BIRTH = value;
        break;
      case 'CITY_OF_BIRTH':
        this.CITY_OF_BIRTH = value;
        break;
      case 'COUNTRY_OF_BIRTH':
        this.COUNTRY_OF_BIRTH = value;
        break;
      case 'NOTE':
        this.NOTE = value;
        break;
      case 'STREET':
        this.STREET = value;
        break;
      case 'CITY':
        this.CITY = value;
        break;
      case 'STATE_PROVINCE':
        this.STATE_PROVINCE = value;
        break;
      case 'ZIP_CODE':
        this.ZIP_CODE = value;
        break;
      case 'COUNTRY':
        this.COUNTRY = value;
        break;
      case 'TYPE_OF_DATE':
        this.TYPE_OF_DATE = value;
        break;
      case 'DATE':
        this.DATE = value;
        break;
      case 'YEAR':
        this.YEAR = value;
        break;
      case 'FROM_YEAR':
        this.FROM_YEAR = value;
        break;
      case 'TO_YEAR':
        this.TO_YEAR = value;
        break;
      case 'TYPE_OF_DOCUMENT':
        this.TYPE_OF_DOCUMENT = value;
        break;
      case 'TYPE_OF_DOCUMENT2':
        this.TYPE_OF_DOCUMENT2 = value;
        break;
      case 'NUMBER':
        this.NUMBER = value;
        break;
      case 'ISSUING_COUNTRY':
        this.ISSUING_COUNTRY = value;
        break;
      case 'COUNTRY_OF_ISSUE':
        this.COUNTRY_OF_ISSUE = value;
        break;
      case 'CITY_OF_ISSUE':
        this.CITY_OF_ISSUE = value;
        break;
      case 'DATE_OF_ISSUE':
        this.DATE_OF_ISSUE = value;
        break;
      default:
    }
  }
}

interface Pending {
  readonly tag: 'INDIVIDUAL' | 'ENTITY';
  readonly line: number;
  readonly fields: Fields;
  readonly bag: PropertyBag;
  readonly aliases: NameDetail[];
  readonly documents: IdentityDocument[];
  /** The most recent LAST_DAY_UPDATED value. */
  updated: string | undefined;
}

function elementOf(record: Pending): string {
  const id = record.fields.DATAID;
  return id === undefined ? record.tag : `${record.tag}[DATAID=${id}]`;
}

function unHandler(
  parser: PlainSaxesParser,
  path: string,
  request: ParseRequest,
): XmlRecordHandler<Entity> {
  const file = displayName(path);
  const { info, dataset } = request;
  const ready: Entity[] = [];
  const seen = new Map<string, number>();
  let depth = 0;
  let sawRoot = false;
  let current: Pending | undefined;
  let last: Pending | undefined;
  let group: string | undefined;
  /** What `group` is (meaningful while `group` is set). */
  let groupKind: Child = LEAF;
  let sub = new Fields();
  const texts = new TextCapture(parser, true);

  const alias = (record: Pending, fields: Fields): void => {
    const full = fields.ALIAS_NAME;
    const bag = record.bag;
    addValue(bag, 'birthDate', isoDate(fields.DATE_OF_BIRTH));
    addValue(bag, 'birthPlace', joinParts([fields.CITY_OF_BIRTH, fields.COUNTRY_OF_BIRTH]));
    addCountry(bag, 'birthCountry', fields.COUNTRY_OF_BIRTH, 'Country of birth');
    if (full === undefined || full === '') return;
    const quality = fields.QUALITY ?? '';
    let kind: NameKind = 'alias';
    if (quality.toLowerCase() === 'low') {
      kind = 'weak';
      addValue(bag, 'weakAlias', full);
    } else if (quality.toLowerCase() === 'f.k.a.') {
      kind = 'previous';
      addValue(bag, 'previousName', full);
    } else {
      addValue(bag, 'alias', full);
    }
    const detail: { -readonly [K in keyof NameDetail]: NameDetail[K] } = { full, kind };
    const script = detectScript(full);
    if (script !== undefined) detail.script = script;
    const note = joinParts([quality, fields.NOTE], '; ');
    if (note !== '') detail.note = note;
    record.aliases.push(detail);
  };

  const birthDate = (record: Pending, fields: Fields): void => {
    const type = (fields.TYPE_OF_DATE ?? '').toUpperCase();
    const from = fields.FROM_YEAR;
    const to = fields.TO_YEAR;
    if (type === 'BETWEEN' && (from !== undefined || to !== undefined)) {
      addValue(record.bag, 'birthDateRange', `${from ?? ''}/${to ?? ''}`);
    } else {
      addValue(record.bag, 'birthDate', isoDate(fields.DATE) ?? fields.YEAR);
    }
    if (fields.NOTE !== undefined) addValue(record.bag, 'notes', `Date of birth: ${fields.NOTE}`);
  };

  const place = (fields: Fields): string => {
    const text = joinParts([
      fields.STREET,
      fields.CITY,
      fields.STATE_PROVINCE,
      fields.ZIP_CODE,
      fields.COUNTRY?.toLowerCase() === 'na' ? undefined : fields.COUNTRY,
    ]);
    const note = fields.NOTE;
    if (note === undefined) return text;
    return text === '' ? note : `${text} (${note})`;
  };

  const document = (record: Pending, fields: Fields): void => {
    const number = fields.NUMBER;
    if (number === undefined) return;
    const type = fields.TYPE_OF_DOCUMENT ?? fields.TYPE_OF_DOCUMENT2 ?? 'other';
    addValue(record.bag, PASSPORT.test(type) ? 'passportNumber' : 'idNumber', number);
    // The issuing country's name stays in the note when it has no code.
    const issuedIn = joinParts([
      fields.CITY_OF_ISSUE,
      unCountry(fields.COUNTRY_OF_ISSUE) === undefined ? fields.COUNTRY_OF_ISSUE : undefined,
    ]);
    const note = joinParts(
      [
        fields.TYPE_OF_DOCUMENT2 === type ? undefined : fields.TYPE_OF_DOCUMENT2,
        fields.ISSUING_COUNTRY !== undefined && unCountry(fields.ISSUING_COUNTRY) === undefined
          ? `issuing country: ${fields.ISSUING_COUNTRY}`
          : undefined,
        issuedIn === '' ? undefined : `issued in ${issuedIn}`,
        fields.DATE_OF_ISSUE === undefined ? undefined : `issued ${fields.DATE_OF_ISSUE}`,
        fields.NOTE,
      ],
      '; ',
    );
    const doc: { -readonly [K in keyof IdentityDocument]: IdentityDocument[K] } = { type, number };
    const issuer = fields.ISSUING_COUNTRY ?? fields.COUNTRY_OF_ISSUE;
    const country = unCountry(issuer);
    if (country !== undefined) doc.country = country;
    if (note !== '') doc.note = note;
    record.documents.push(doc);
  };

  const finishGroup = (record: Pending, name: string, fields: Fields): void => {
    switch (name) {
      case 'INDIVIDUAL_ALIAS':
      case 'ENTITY_ALIAS':
        alias(record, fields);
        break;
      case 'INDIVIDUAL_ADDRESS':
      case 'ENTITY_ADDRESS':
        addValue(record.bag, 'address', place(fields));
        addCountry(record.bag, 'country', fields.COUNTRY, 'Country');
        break;
      case 'INDIVIDUAL_DATE_OF_BIRTH':
        birthDate(record, fields);
        break;
      case 'INDIVIDUAL_PLACE_OF_BIRTH':
        addValue(record.bag, 'birthPlace', place(fields));
        addCountry(record.bag, 'birthCountry', fields.COUNTRY, 'Country of birth');
        break;
      case 'INDIVIDUAL_DOCUMENT':
        document(record, fields);
        break;
      default:
    }
  };

  const value = (record: Pending, list: string, item: string): void => {
    if (item === '') return;
    switch (list) {
      case 'NATIONALITY':
        addCountry(record.bag, 'nationality', item, 'Nationality');
        break;
      case 'DESIGNATION':
        addValue(record.bag, 'position', item);
        break;
      case 'TITLE':
        addValue(record.bag, 'title', item);
        break;
      case 'LAST_DAY_UPDATED': {
        const date = isoDate(item);
        if (date !== undefined && (record.updated === undefined || date > record.updated)) {
          record.updated = date;
        }
        break;
      }
      default:
      // LIST_TYPE is always "UN List": nothing to keep.
    }
  };

  const finishRecord = (record: Pending): void => {
    const f = record.fields;
    const dataId = f.DATAID;
    if (dataId === undefined || dataId === '') {
      throw new ParseError(
        { file, line: record.line, element: record.tag, field: 'DATAID' },
        `${record.tag} without a DATAID`,
      );
    }
    const element = elementOf(record);
    const previous = seen.get(dataId);
    if (previous !== undefined) {
      info.warnings.push(
        `${file}: line ${record.line}, element <${element}>: duplicate DATAID (first on line ${previous}); skipped`,
      );
      return;
    }
    seen.set(dataId, record.line);
    const bag = record.bag;
    const names: NameDetail[] = [];
    const full = joinParts([f.FIRST_NAME, f.SECOND_NAME, f.THIRD_NAME, f.FOURTH_NAME], ' ');
    if (full !== '') {
      addValue(bag, 'name', full);
      const detail: { -readonly [K in keyof NameDetail]: NameDetail[K] } = {
        full,
        kind: 'primary',
      };
      if (record.tag === 'INDIVIDUAL' && f.FIRST_NAME !== undefined && full !== f.FIRST_NAME) {
        detail.firstName = f.FIRST_NAME;
      }
      const script = detectScript(full);
      if (script !== undefined) detail.script = script;
      names.push(detail);
    } else {
      info.warnings.push(`${file}: line ${record.line}, element <${element}>: no name; kept`);
    }
    if (record.tag === 'INDIVIDUAL') {
      addValue(bag, 'firstName', f.FIRST_NAME);
      addValue(bag, 'secondName', f.SECOND_NAME);
      addValue(bag, 'middleName', f.THIRD_NAME);
      addValue(bag, 'middleName', f.FOURTH_NAME);
    }
    const original = f.NAME_ORIGINAL_SCRIPT;
    if (original !== undefined && original !== '') {
      addValue(bag, 'alias', original);
      const detail: { -readonly [K in keyof NameDetail]: NameDetail[K] } = {
        full: original,
        kind: 'alias',
        note: 'original script',
      };
      const script = detectScript(original);
      if (script !== undefined) detail.script = script;
      names.push(detail);
    }
    names.push(...record.aliases);
    addValue(bag, 'program', f.UN_LIST_TYPE);
    addValue(bag, 'reference', f.REFERENCE_NUMBER);
    addValue(bag, 'listingDate', isoDate(f.LISTED_ON));
    addValue(bag, 'modifiedAt', record.updated);
    addValue(bag, 'notes', f.COMMENTS1);
    const gender = f.GENDER?.toLowerCase();
    addValue(bag, 'gender', gender);
    const id = `un:${dataId}`;
    ready.push(
      Entity.create({
        id,
        schema: record.tag === 'INDIVIDUAL' ? 'Person' : 'Organization',
        ...(names.length === 0 ? { caption: id } : {}),
        properties: bag,
        names,
        documents: record.documents,
        datasets: [dataset],
        source: { file, element, line: record.line },
      }),
    );
  };

  const opentag = (tag: SaxesTagPlain): void => {
    depth += 1;
    const name = tag.name;
    if (depth === 1) {
      if (name !== 'CONSOLIDATED_LIST') {
        throw new ParseError(
          { file, line: parser.line, element: name },
          'not a UN SC consolidated list: expected root <CONSOLIDATED_LIST>',
        );
      }
      sawRoot = true;
      const generated = tag.attributes.dateGenerated?.trim();
      if (generated) info.publishedAt = generated;
      return;
    }
    if (depth === 3) {
      if (name === 'INDIVIDUAL' || name === 'ENTITY') {
        current = {
          tag: name,
          line: parser.line,
          fields: new Fields(),
          bag: new Map(),
          aliases: [],
          documents: [],
          updated: undefined,
        };
      }
      return;
    }
    if (current === undefined || depth < 4) return;
    if (depth === 4) {
      group = name;
      groupKind = childKind(name);
      if (groupKind === GROUP) {
        sub = new Fields();
        return;
      }
      // LIST_TYPE is always "UN List", and VERSIONNUM and the SORT_KEYs are not read: their text
      // is not collected.
      if (groupKind === VALUE_LIST || name === 'VERSIONNUM' || name.startsWith('SORT_KEY')) return;
    } else if (depth === 5 && group === 'LIST_TYPE') {
      return;
    }
    // A leaf field (or a VALUE): keep its text.
    texts.start();
  };

  const closetag = (tag: SaxesTagPlain): void => {
    depth -= 1;
    const record = current;
    if (record === undefined) return;
    // Only an element with no child element still has the capture running: a leaf.
    const leaf = texts.capturing;
    const content = leaf ? texts.stop() : '';
    if (depth === 4) {
      // A leaf inside a group or a VALUE inside a value list.
      if (group === undefined || !leaf) return;
      if (groupKind === VALUE_LIST) value(record, group, content);
      else if (content !== '') sub.set(tag.name, content);
    } else if (depth === 3) {
      if (leaf) {
        if (content !== '') record.fields.set(tag.name, content);
      } else if (groupKind === GROUP) {
        // `groupKind` describes this element: the last child opened at this depth.
        finishGroup(record, tag.name, sub);
      }
      group = undefined;
    } else if (depth === 2) {
      current = undefined;
      last = record;
      finishRecord(record);
    }
  };

  return {
    opentag,
    closetag,
    ready,
    where: () => {
      // Outside a record (saxes closes the open tags before it reports a mismatched close tag),
      // the last record read is the best landmark.
      if (current === undefined) return last === undefined ? undefined : elementOf(last);
      const element = elementOf(current);
      return group === undefined ? element : `${element}/${group}`;
    },
    end: () => {
      if (!sawRoot) {
        throw new ParseError({ file, line: parser.line }, 'no <CONSOLIDATED_LIST> root element');
      }
    },
  };
}
