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
import { detectScript } from '../../shared/script.js';
import { displayName } from '../io.js';
import type { ListParser, ParseRequest } from '../types.js';
import { countryCode } from './countries.js';
import { addValue, type PropertyBag } from './property-bag.js';
import {
  type PlainSaxesParser,
  streamXmlRecords,
  TagMap,
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
  const code = isNotAvailable(name) ? undefined : (UN_COUNTRIES[name] ?? countryCode(name));
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
  if (name === undefined || isNotAvailable(name)) return;
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

const PASSPORT = /passport|pasaporte|passeport/iu;

/** Whether `value` is `lower` in any case; the length test spares most values a lower-cased copy. */
function equalsIgnoringCase(value: string, lower: string): boolean {
  return value.length === lower.length && value.toLowerCase() === lower;
}

/** The UN's "not available" country (`na`, `NA`). */
function isNotAvailable(country: string): boolean {
  return equalsIgnoringCase(country, 'na');
}

/**
 * The leaf fields read from a record or from one of its groups, named as the UN names them. A
 * record's or group's values are held in a `Fields` array, each at its field's slot.
 */
const FIELD_NAMES = [
  'DATAID',
  'FIRST_NAME',
  'SECOND_NAME',
  'THIRD_NAME',
  'FOURTH_NAME',
  'NAME_ORIGINAL_SCRIPT',
  'UN_LIST_TYPE',
  'REFERENCE_NUMBER',
  'LISTED_ON',
  'COMMENTS1',
  'GENDER',
  'QUALITY',
  'ALIAS_NAME',
  'DATE_OF_BIRTH',
  'CITY_OF_BIRTH',
  'COUNTRY_OF_BIRTH',
  'NOTE',
  'STREET',
  'CITY',
  'STATE_PROVINCE',
  'ZIP_CODE',
  'COUNTRY',
  'TYPE_OF_DATE',
  'DATE',
  'YEAR',
  'FROM_YEAR',
  'TO_YEAR',
  'TYPE_OF_DOCUMENT',
  'TYPE_OF_DOCUMENT2',
  'NUMBER',
  'ISSUING_COUNTRY',
  'COUNTRY_OF_ISSUE',
  'CITY_OF_ISSUE',
  'DATE_OF_ISSUE',
] as const;
type FieldName = (typeof FIELD_NAMES)[number];
type Fields = (string | undefined)[];

/** Each field's slot in a `Fields` array. */
const SLOT = Object.fromEntries(FIELD_NAMES.map((name, slot) => [name, slot])) as Readonly<
  Record<FieldName, number>
>;
/** Slot by element name; elements we do not read (VERSIONNUM, SORT_KEY, ...) have none. */
const FIELD_SLOTS = new TagMap(FIELD_NAMES.map((name, slot) => [name, slot] as const));

function newFields(): Fields {
  const fields: Fields = [];
  for (let slot = 0; slot < FIELD_NAMES.length; slot++) fields.push(undefined);
  return fields;
}

/** Empties a `Fields` array for reuse (a loop: `fill` is a runtime call, slower at this size). */
function clearFields(fields: Fields): void {
  for (let slot = 0; slot < fields.length; slot++) fields[slot] = undefined;
}

/**
 * The children of INDIVIDUAL / ENTITY that are not leaf fields: lists of `<VALUE>` elements and
 * groups of leaf fields. LIST_TYPE is always "UN List": its values are not read.
 */
const Child = {
  LEAF: 0,
  NATIONALITY: 1,
  DESIGNATION: 2,
  TITLE: 3,
  LAST_DAY_UPDATED: 4,
  LIST_TYPE: 5,
  ALIAS: 6,
  ADDRESS: 7,
  DATE_OF_BIRTH: 8,
  PLACE_OF_BIRTH: 9,
  DOCUMENT: 10,
} as const;
type Child = (typeof Child)[keyof typeof Child];

const CHILDREN = new TagMap<Child>([
  ['NATIONALITY', Child.NATIONALITY],
  ['DESIGNATION', Child.DESIGNATION],
  ['TITLE', Child.TITLE],
  ['LAST_DAY_UPDATED', Child.LAST_DAY_UPDATED],
  ['LIST_TYPE', Child.LIST_TYPE],
  ['INDIVIDUAL_ALIAS', Child.ALIAS],
  ['ENTITY_ALIAS', Child.ALIAS],
  ['INDIVIDUAL_ADDRESS', Child.ADDRESS],
  ['ENTITY_ADDRESS', Child.ADDRESS],
  ['INDIVIDUAL_DATE_OF_BIRTH', Child.DATE_OF_BIRTH],
  ['INDIVIDUAL_PLACE_OF_BIRTH', Child.PLACE_OF_BIRTH],
  ['INDIVIDUAL_DOCUMENT', Child.DOCUMENT],
]);

/** A list whose `<VALUE>`s are read (every list but LIST_TYPE). */
function isReadList(child: Child): boolean {
  return child >= Child.NATIONALITY && child <= Child.LAST_DAY_UPDATED;
}

function isGroup(child: Child): boolean {
  return child >= Child.ALIAS;
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
  const id = record.fields[SLOT.DATAID];
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
  /** The name of the record's child element being read, for error locations. */
  let group: string | undefined;
  /** What `group` is (meaningful while `group` is set). */
  let child: Child = Child.LEAF;
  /** The fields of the group being read; one array, cleared for each group. */
  const sub = newFields();
  /** The slot of the leaf whose text is being captured. */
  let slot = 0;
  const texts = new TextCapture(parser, true);

  const alias = (record: Pending, fields: Fields): void => {
    const full = fields[SLOT.ALIAS_NAME];
    const countryOfBirth = fields[SLOT.COUNTRY_OF_BIRTH];
    const bag = record.bag;
    addValue(bag, 'birthDate', isoDate(fields[SLOT.DATE_OF_BIRTH]));
    addValue(bag, 'birthPlace', joinParts([fields[SLOT.CITY_OF_BIRTH], countryOfBirth]));
    addCountry(bag, 'birthCountry', countryOfBirth, 'Country of birth');
    if (full === undefined || full === '') return;
    const quality = fields[SLOT.QUALITY] ?? '';
    let kind: NameKind = 'alias';
    if (equalsIgnoringCase(quality, 'low')) {
      kind = 'weak';
      addValue(bag, 'weakAlias', full);
    } else if (equalsIgnoringCase(quality, 'f.k.a.')) {
      kind = 'previous';
      addValue(bag, 'previousName', full);
    } else {
      addValue(bag, 'alias', full);
    }
    const detail: { -readonly [K in keyof NameDetail]: NameDetail[K] } = { full, kind };
    const script = detectScript(full);
    if (script !== undefined) detail.script = script;
    const note = joinParts([quality, fields[SLOT.NOTE]], '; ');
    if (note !== '') detail.note = note;
    record.aliases.push(detail);
  };

  const birthDate = (record: Pending, fields: Fields): void => {
    const type = (fields[SLOT.TYPE_OF_DATE] ?? '').toUpperCase();
    const from = fields[SLOT.FROM_YEAR];
    const to = fields[SLOT.TO_YEAR];
    if (type === 'BETWEEN' && (from !== undefined || to !== undefined)) {
      addValue(record.bag, 'birthDateRange', `${from ?? ''}/${to ?? ''}`);
    } else {
      addValue(record.bag, 'birthDate', isoDate(fields[SLOT.DATE]) ?? fields[SLOT.YEAR]);
    }
    const note = fields[SLOT.NOTE];
    if (note !== undefined) addValue(record.bag, 'notes', `Date of birth: ${note}`);
  };

  const place = (fields: Fields): string => {
    const country = fields[SLOT.COUNTRY];
    const text = joinParts([
      fields[SLOT.STREET],
      fields[SLOT.CITY],
      fields[SLOT.STATE_PROVINCE],
      fields[SLOT.ZIP_CODE],
      country !== undefined && isNotAvailable(country) ? undefined : country,
    ]);
    const note = fields[SLOT.NOTE];
    if (note === undefined) return text;
    return text === '' ? note : `${text} (${note})`;
  };

  const document = (record: Pending, fields: Fields): void => {
    const number = fields[SLOT.NUMBER];
    if (number === undefined) return;
    const type2 = fields[SLOT.TYPE_OF_DOCUMENT2];
    const type = fields[SLOT.TYPE_OF_DOCUMENT] ?? type2 ?? 'other';
    const issuing = fields[SLOT.ISSUING_COUNTRY];
    const countryOfIssue = fields[SLOT.COUNTRY_OF_ISSUE];
    const issued = fields[SLOT.DATE_OF_ISSUE];
    addValue(record.bag, PASSPORT.test(type) ? 'passportNumber' : 'idNumber', number);
    // The issuing country's name stays in the note when it has no code.
    const issuedIn = joinParts([
      fields[SLOT.CITY_OF_ISSUE],
      unCountry(countryOfIssue) === undefined ? countryOfIssue : undefined,
    ]);
    const note = joinParts(
      [
        type2 === type ? undefined : type2,
        issuing !== undefined && unCountry(issuing) === undefined
          ? `issuing country: ${issuing}`
          : undefined,
        issuedIn === '' ? undefined : `issued in ${issuedIn}`,
        issued === undefined ? undefined : `issued ${issued}`,
        fields[SLOT.NOTE],
      ],
      '; ',
    );
    const doc: { -readonly [K in keyof IdentityDocument]: IdentityDocument[K] } = { type, number };
    const country = unCountry(issuing ?? countryOfIssue);
    if (country !== undefined) doc.country = country;
    if (note !== '') doc.note = note;
    record.documents.push(doc);
  };

  const finishGroup = (record: Pending, kind: Child, fields: Fields): void => {
    switch (kind) {
      case Child.ALIAS:
        alias(record, fields);
        break;
      case Child.ADDRESS:
        addValue(record.bag, 'address', place(fields));
        addCountry(record.bag, 'country', fields[SLOT.COUNTRY], 'Country');
        break;
      case Child.DATE_OF_BIRTH:
        birthDate(record, fields);
        break;
      case Child.PLACE_OF_BIRTH:
        addValue(record.bag, 'birthPlace', place(fields));
        addCountry(record.bag, 'birthCountry', fields[SLOT.COUNTRY], 'Country of birth');
        break;
      case Child.DOCUMENT:
        document(record, fields);
        break;
      default:
    }
  };

  const value = (record: Pending, list: Child, item: string): void => {
    if (item === '') return;
    switch (list) {
      case Child.NATIONALITY:
        addCountry(record.bag, 'nationality', item, 'Nationality');
        break;
      case Child.DESIGNATION:
        addValue(record.bag, 'position', item);
        break;
      case Child.TITLE:
        addValue(record.bag, 'title', item);
        break;
      case Child.LAST_DAY_UPDATED: {
        const date = isoDate(item);
        if (date !== undefined && (record.updated === undefined || date > record.updated)) {
          record.updated = date;
        }
        break;
      }
      default:
    }
  };

  const finishRecord = (record: Pending): void => {
    const f = record.fields;
    const dataId = f[SLOT.DATAID];
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
    const person = record.tag === 'INDIVIDUAL';
    const first = f[SLOT.FIRST_NAME];
    const second = f[SLOT.SECOND_NAME];
    const third = f[SLOT.THIRD_NAME];
    const fourth = f[SLOT.FOURTH_NAME];
    const names: NameDetail[] = [];
    const full = joinParts([first, second, third, fourth], ' ');
    if (full !== '') {
      addValue(bag, 'name', full);
      const detail: { -readonly [K in keyof NameDetail]: NameDetail[K] } = {
        full,
        kind: 'primary',
      };
      if (person && first !== undefined && full !== first) detail.firstName = first;
      const script = detectScript(full);
      if (script !== undefined) detail.script = script;
      names.push(detail);
    } else {
      info.warnings.push(`${file}: line ${record.line}, element <${element}>: no name; kept`);
    }
    if (person) {
      addValue(bag, 'firstName', first);
      addValue(bag, 'secondName', second);
      addValue(bag, 'middleName', third);
      addValue(bag, 'middleName', fourth);
    }
    const original = f[SLOT.NAME_ORIGINAL_SCRIPT];
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
    for (const detail of record.aliases) names.push(detail);
    addValue(bag, 'program', f[SLOT.UN_LIST_TYPE]);
    addValue(bag, 'reference', f[SLOT.REFERENCE_NUMBER]);
    addValue(bag, 'listingDate', isoDate(f[SLOT.LISTED_ON]));
    addValue(bag, 'modifiedAt', record.updated);
    addValue(bag, 'notes', f[SLOT.COMMENTS1]);
    addValue(bag, 'gender', f[SLOT.GENDER]?.toLowerCase());
    const id = `un:${dataId}`;
    ready.push(
      Entity.create({
        id,
        schema: person ? 'Person' : 'Organization',
        // Without a name the id is the caption; otherwise `Entity.create` picks the primary name.
        caption: names.length === 0 ? id : undefined,
        properties: bag,
        names,
        documents: record.documents,
        datasets: [dataset],
        source: { file, element, line: record.line },
      }),
    );
  };

  /** Starts collecting the text of a leaf field. */
  const capture = (fieldSlot: number): void => {
    slot = fieldSlot;
    texts.start();
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
          fields: newFields(),
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
      const kind = CHILDREN.get(name);
      if (kind !== undefined) {
        child = kind;
        if (isGroup(kind)) clearFields(sub);
        return;
      }
      child = Child.LEAF;
      // A leaf field; the text of elements we do not read (VERSIONNUM, SORT_KEY, ...) is not
      // collected.
      const fieldSlot = FIELD_SLOTS.get(name);
      if (fieldSlot !== undefined) capture(fieldSlot);
    } else if (depth === 5) {
      // A field of a group, or a VALUE of a list. Anything deeper, or inside a leaf, is not read.
      if (isGroup(child)) {
        const fieldSlot = FIELD_SLOTS.get(name);
        if (fieldSlot !== undefined) capture(fieldSlot);
      } else if (isReadList(child)) {
        texts.start();
      }
    }
  };

  const closetag = (): void => {
    depth -= 1;
    const record = current;
    if (record === undefined) return;
    // Only an element with no child element still has the capture running: a leaf (any close
    // tag stops it).
    const leaf = texts.capturing;
    const content = leaf ? texts.stop() : '';
    if (depth === 4) {
      // A field inside a group or a VALUE inside a list.
      if (group === undefined || !leaf) return;
      if (isReadList(child)) value(record, child, content);
      else if (isGroup(child) && content !== '') sub[slot] = content;
    } else if (depth === 3) {
      if (leaf) {
        if (content !== '') record.fields[slot] = content;
      } else if (isGroup(child)) {
        // `child` describes this element: the last child opened at this depth.
        finishGroup(record, child, sub);
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
