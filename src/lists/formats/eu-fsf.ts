/**
 * EU Financial Sanctions Files, XML export 1.1 (`export/sanctionEntity/...`, namespace
 * `http://eu.europa.ec/fpi/fsd/export`). Streams with saxes; one `Entity` per `sanctionEntity`.
 *
 * Decisions (the file format leaves them open):
 * - Names: the first `nameAlias` with `strong` not "false" and a non-empty `wholeName` is the
 *   primary name (`name`); the other strong ones are `alias`, `strong="false"` ones `weakAlias`.
 *   The EU reorders aliases between exports, so "first" is a display choice, not a fact.
 * - An entity with no name at all (the sample's synthetic 999999) is still an entity: it is kept,
 *   its caption is its id (so no screen shows a blank), and `info.warnings` names it.
 * - `listingDate` is the entity's `designationDate` where the file gives one, otherwise the earliest
 *   `publicationDate` of its `regulation` elements (the act that first listed it).
 * - Identification type codes map to FtM identifier properties (passport → `passportNumber`,
 *   fiscalcode/taxid/euvat → `taxNumber`, regnumber → `registrationNumber`, swiftbic → `swiftBic`,
 *   imo → `imoNumber`, anything else → `idNumber`); every one is also a typed `documents` entry.
 * - Country codes `00` ("UNKNOWN") are dropped; a country description is kept in place/address text.
 */
import type { SaxesTagPlain } from 'saxes';
import type { IdentityDocument, NameDetail, NameKind } from '../../model/entity.js';
import { Entity } from '../../model/entity.js';
import type { PropertyName, SchemaName } from '../../model/schemata.js';
import { ParseError, ValidationError } from '../../shared/errors.js';
import { detectScript } from '../../shared/script.js';
import { displayName } from '../io.js';
import type { ListParser, ParseRequest } from '../types.js';
import { addValue, type PropertyBag } from './property-bag.js';
import {
  attr,
  type PlainSaxesParser,
  streamXmlRecords,
  TextCapture,
  type XmlRecordHandler,
} from './xml-stream.js';

export const EU_FSF_NAMESPACE = 'http://eu.europa.ec/fpi/fsd/export';

const SCHEMA_BY_SUBJECT: Readonly<Record<string, SchemaName>> = {
  person: 'Person',
  enterprise: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
};

const IDENTIFIER_PROPERTY: Readonly<Record<string, PropertyName>> = {
  passport: 'passportNumber',
  fiscalcode: 'taxNumber',
  taxid: 'taxNumber',
  euvat: 'taxNumber',
  regnumber: 'registrationNumber',
  swiftbic: 'swiftBic',
  imo: 'imoNumber',
};

const GENDER: Readonly<Record<string, string>> = { M: 'male', F: 'female' };

/** Parses one EU FSF XML file (`request.files[0]`, plain or gzip). */
export const parseEuFsfXml: ListParser = (request) => parseEuFsf(request);

async function* parseEuFsf(request: ParseRequest): AsyncGenerator<Entity> {
  const path = request.files[0];
  if (path === undefined) throw new ValidationError('the EU FSF parser needs one file', 'files');
  yield* streamXmlRecords(path, request.info, (parser) => euHandler(parser, path, request));
}

function country(tag: SaxesTagPlain): string | undefined {
  const code = attr(tag, 'countryIso2Code');
  return code === undefined || code === '00' ? undefined : code.toUpperCase();
}

function countryText(tag: SaxesTagPlain): string | undefined {
  const description = attr(tag, 'countryDescription');
  return description === undefined || description === 'UNKNOWN' ? undefined : description;
}

/** Joins the non-empty parts with ", "; the EU writes "-" for "not known" in some city fields. */
function joinParts(parts: readonly (string | undefined)[]): string | undefined {
  let out = '';
  for (const part of parts) {
    if (part === undefined || part === '-') continue;
    out = out === '' ? part : `${out}, ${part}`;
  }
  return out === '' ? undefined : out;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const YEAR = /^\d{4}$/u;

function pad2(value: string): string {
  return value.length === 1 ? `0${value}` : value;
}

/**
 * A birth date as precise as the file gives it: `YYYY-MM-DD` (the `birthdate` attribute), else
 * `YYYY-MM` or `YYYY` from `year` / `monthOfYear` / `dayOfMonth`.
 */
function birthDateOf(tag: SaxesTagPlain): string | undefined {
  const full = attr(tag, 'birthdate');
  if (full !== undefined && FULL_DATE.test(full)) return full;
  const year = attr(tag, 'year');
  if (year === undefined || !YEAR.test(year)) return full;
  const month = attr(tag, 'monthOfYear');
  if (month === undefined || !/^\d{1,2}$/u.test(month)) return year;
  const day = attr(tag, 'dayOfMonth');
  if (day === undefined || !/^\d{1,2}$/u.test(day)) return `${year}-${pad2(month)}`;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Mutable state of the `sanctionEntity` being read. */
interface Pending {
  readonly logicalId: string;
  readonly line: number;
  readonly element: string;
  subject: string | undefined;
  readonly bag: PropertyBag;
  readonly names: NameDetail[];
  readonly documents: IdentityDocument[];
  hasPrimary: boolean;
  earliestRegulation: string | undefined;
  designationDate: string | undefined;
}

function euHandler(
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
  let child: string | undefined;
  let lastElement: string | undefined;
  // Text is only collected inside the few elements whose content we keep (remark, publicationUrl).
  const texts = new TextCapture(parser);

  const startEntity = (tag: SaxesTagPlain): void => {
    const logicalId = attr(tag, 'logicalId');
    const line = parser.line;
    if (logicalId === undefined) {
      throw new ParseError(
        { file, line, element: 'sanctionEntity', field: 'logicalId' },
        'sanctionEntity without a logicalId',
      );
    }
    const bag: PropertyBag = new Map();
    addValue(bag, 'reference', attr(tag, 'euReferenceNumber'));
    addValue(bag, 'reference', attr(tag, 'unitedNationId'));
    addValue(bag, 'notes', attr(tag, 'designationDetails'));
    lastElement = `sanctionEntity[logicalId=${logicalId}]`;
    current = {
      logicalId,
      line,
      element: lastElement,
      subject: undefined,
      bag,
      names: [],
      documents: [],
      hasPrimary: false,
      earliestRegulation: undefined,
      designationDate: attr(tag, 'designationDate'),
    };
  };

  const nameAlias = (entity: Pending, tag: SaxesTagPlain): void => {
    const bag = entity.bag;
    const full = attr(tag, 'wholeName');
    const firstName = attr(tag, 'firstName');
    const middleName = attr(tag, 'middleName');
    const lastName = attr(tag, 'lastName');
    const title = attr(tag, 'title');
    addValue(bag, 'firstName', firstName);
    addValue(bag, 'middleName', middleName);
    addValue(bag, 'lastName', lastName);
    addValue(bag, 'title', title);
    addValue(bag, 'position', attr(tag, 'function'));
    const gender = attr(tag, 'gender');
    if (gender !== undefined) addValue(bag, 'gender', GENDER[gender.toUpperCase()] ?? gender);
    if (full === undefined) return;
    let kind: NameKind;
    if (tag.attributes.strong === 'false') {
      kind = 'weak';
      addValue(bag, 'weakAlias', full);
    } else if (!entity.hasPrimary) {
      kind = 'primary';
      entity.hasPrimary = true;
      addValue(bag, 'name', full);
    } else {
      kind = 'alias';
      addValue(bag, 'alias', full);
    }
    const detail: {
      -readonly [K in keyof NameDetail]: NameDetail[K];
    } = { full, kind };
    if (firstName !== undefined) detail.firstName = firstName;
    if (middleName !== undefined) detail.middleName = middleName;
    if (lastName !== undefined) detail.lastName = lastName;
    if (title !== undefined) detail.title = title;
    const lang = attr(tag, 'nameLanguage');
    if (lang !== undefined) detail.lang = lang.toLowerCase();
    const script = detectScript(full);
    if (script !== undefined) detail.script = script;
    entity.names.push(detail);
  };

  const birthdate = (entity: Pending, tag: SaxesTagPlain): void => {
    const bag = entity.bag;
    const from = attr(tag, 'yearRangeFrom');
    const to = attr(tag, 'yearRangeTo');
    if (from !== undefined || to !== undefined)
      addValue(bag, 'birthDateRange', `${from ?? ''}/${to ?? ''}`);
    else addValue(bag, 'birthDate', birthDateOf(tag));
    addValue(
      bag,
      'birthPlace',
      joinParts([
        attr(tag, 'place'),
        attr(tag, 'city'),
        attr(tag, 'zipCode'),
        attr(tag, 'region'),
        countryText(tag),
      ]),
    );
    addValue(bag, 'birthCountry', country(tag));
  };

  const identification = (entity: Pending, tag: SaxesTagPlain): void => {
    const number = attr(tag, 'number') ?? attr(tag, 'latinNumber');
    if (number === undefined) return;
    const type = attr(tag, 'identificationTypeCode') ?? 'other';
    const property = IDENTIFIER_PROPERTY[type] ?? 'idNumber';
    addValue(entity.bag, property, number);
    const latin = attr(tag, 'latinNumber');
    if (latin !== undefined && latin !== number) addValue(entity.bag, property, latin);
    const notes: string[] = [];
    const description = attr(tag, 'identificationTypeDescription');
    if (description !== undefined) notes.push(description);
    const issuedBy = attr(tag, 'issuedBy');
    if (issuedBy !== undefined) notes.push(`issued by ${issuedBy}`);
    const onDocument = attr(tag, 'nameOnDocument');
    if (onDocument !== undefined) notes.push(`name on document: ${onDocument}`);
    for (const flag of [
      'diplomatic',
      'knownExpired',
      'knownFalse',
      'reportedLost',
      'revokedByIssuer',
    ]) {
      if (tag.attributes[flag] === 'true') notes.push(flag);
    }
    const doc: { -readonly [K in keyof IdentityDocument]: IdentityDocument[K] } = { type, number };
    const code = country(tag);
    if (code !== undefined) doc.country = code;
    if (notes.length > 0) doc.note = notes.join('; ');
    entity.documents.push(doc);
  };

  const address = (entity: Pending, tag: SaxesTagPlain): void => {
    addValue(
      entity.bag,
      'address',
      joinParts([
        attr(tag, 'street'),
        attr(tag, 'poBox'),
        attr(tag, 'zipCode'),
        attr(tag, 'city'),
        attr(tag, 'region'),
        attr(tag, 'place'),
        countryText(tag),
      ]),
    );
    addValue(entity.bag, 'country', country(tag));
  };

  const contactInfo = (entity: Pending, tag: SaxesTagPlain): void => {
    const value = attr(tag, 'value');
    switch (attr(tag, 'key')?.toUpperCase()) {
      case 'PHONE':
      case 'FAX':
        addValue(entity.bag, 'phone', value);
        break;
      case 'EMAIL':
        addValue(entity.bag, 'email', value);
        break;
      case 'WEB':
      case 'WEBSITE':
        addValue(entity.bag, 'website', value);
        break;
      default:
        addValue(entity.bag, 'notes', value);
    }
  };

  const regulation = (entity: Pending, tag: SaxesTagPlain): void => {
    addValue(entity.bag, 'program', attr(tag, 'programme'));
    const published = attr(tag, 'publicationDate') ?? attr(tag, 'entryIntoForceDate');
    if (
      published !== undefined &&
      FULL_DATE.test(published) &&
      (entity.earliestRegulation === undefined || published < entity.earliestRegulation)
    ) {
      entity.earliestRegulation = published;
    }
  };

  const finishEntity = (entity: Pending): void => {
    const id = `eu:${entity.logicalId}`;
    const previous = seen.get(entity.logicalId);
    if (previous !== undefined) {
      // Two records cannot share an id in a list version; keep the first, say so.
      info.warnings.push(
        `${file}: line ${entity.line}, element <${entity.element}>: duplicate logicalId (first on line ${previous}); skipped`,
      );
      return;
    }
    seen.set(entity.logicalId, entity.line);
    let schema: SchemaName = 'LegalEntity';
    if (entity.subject === undefined) {
      info.warnings.push(
        `${file}: line ${entity.line}, element <${entity.element}>: no subjectType; read as LegalEntity`,
      );
    } else {
      schema = SCHEMA_BY_SUBJECT[entity.subject] ?? 'LegalEntity';
    }
    const listingDate = entity.designationDate ?? entity.earliestRegulation;
    addValue(entity.bag, 'listingDate', listingDate);
    let caption: string | undefined;
    if (entity.names.length === 0) {
      caption = id;
      info.warnings.push(
        `${file}: line ${entity.line}, element <${entity.element}>: no nameAlias; kept without names, caption '${id}'`,
      );
    }
    ready.push(
      Entity.create({
        id,
        schema,
        ...(caption === undefined ? {} : { caption }),
        properties: entity.bag,
        names: entity.names,
        documents: entity.documents,
        datasets: [dataset],
        source: { file, element: entity.element, line: entity.line },
      }),
    );
  };

  const opentag = (tag: SaxesTagPlain): void => {
    depth += 1;
    const name = tag.name;
    if (depth === 1) {
      if (name !== 'export' || tag.attributes.xmlns !== EU_FSF_NAMESPACE) {
        throw new ParseError(
          { file, line: parser.line, element: name },
          `not an EU FSF export: expected <export xmlns="${EU_FSF_NAMESPACE}">`,
        );
      }
      sawRoot = true;
      const generated = attr(tag, 'generationDate');
      if (generated !== undefined) info.publishedAt = generated;
      return;
    }
    if (depth === 2) {
      if (name === 'sanctionEntity') startEntity(tag);
      return;
    }
    const entity = current;
    if (entity === undefined) return;
    if (depth === 3) child = name;
    switch (name) {
      case 'nameAlias':
        if (depth === 3) nameAlias(entity, tag);
        break;
      case 'subjectType':
        entity.subject = attr(tag, 'code');
        break;
      case 'birthdate':
        if (depth === 3) birthdate(entity, tag);
        break;
      case 'citizenship':
        if (depth === 3) addValue(entity.bag, 'citizenship', country(tag));
        break;
      case 'identification':
        if (depth === 3) identification(entity, tag);
        break;
      case 'address':
        if (depth === 3) address(entity, tag);
        break;
      case 'contactInfo':
        contactInfo(entity, tag);
        break;
      case 'regulation':
        if (depth === 3) regulation(entity, tag);
        break;
      case 'remark':
      case 'publicationUrl':
        texts.start();
        break;
      default:
    }
  };

  const closetag = (tag: SaxesTagPlain): void => {
    depth -= 1;
    const entity = current;
    if (entity === undefined) return;
    if (depth === 1) {
      current = undefined;
      child = undefined;
      finishEntity(entity);
      return;
    }
    if (texts.capturing) {
      const content = texts.stop() || undefined;
      if (tag.name === 'remark') addValue(entity.bag, 'notes', content);
      else if (tag.name === 'publicationUrl' && child === 'regulation') {
        addValue(entity.bag, 'sourceUrl', content);
      }
    }
    if (depth === 2) child = undefined;
  };

  return {
    opentag,
    closetag,
    ready,
    // Outside an entity (saxes closes the open tags before it reports a mismatched close tag),
    // the last entity read is the best landmark.
    where: () =>
      current === undefined
        ? lastElement
        : child === undefined
          ? current.element
          : `${current.element}/${child}`,
    end: () => {
      if (!sawRoot) {
        throw new ParseError(
          { file, line: parser.line },
          'no <export> root element: the file is empty',
        );
      }
    },
  };
}
