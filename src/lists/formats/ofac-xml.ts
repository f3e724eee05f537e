/**
 * OFAC XML (`sdnList`): the SDN list's `SDN.XML` and the consolidated list's `CONSOLIDATED.XML`.
 * Streamed with saxes (no DOM); each `sdnEntry` becomes one entity as soon as it closes, and
 * entities are handed out after every chunk, so memory stays bounded by one chunk's records.
 * The mapping of OFAC's facts is the CSV parser's (`OfacEntityBuilder`), so the two formats of
 * one publication agree.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Entity, NameDetail, NameKind } from '../../model/entity.js';
import { ParseError } from '../../shared/errors.js';
import { openListFile } from '../io.js';
import type { ListParser, ParseInfo, ParseRequest } from '../types.js';
import { listFileName, nameDetail, OfacEntityBuilder, ofacSchema } from './ofac-csv.js';

export const OFAC_XML_NAMESPACE =
  'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML';

/** The repeated children of `sdnEntry`: list element → item element. */
const LISTS: Readonly<Record<string, string>> = {
  akaList: 'aka',
  addressList: 'address',
  idList: 'id',
  nationalityList: 'nationality',
  citizenshipList: 'citizenship',
  dateOfBirthList: 'dateOfBirthItem',
  placeOfBirthList: 'placeOfBirthItem',
};

type Item = Map<string, string>;

interface XmlEntry {
  readonly line: number;
  readonly fields: Map<string, string>;
  readonly programs: string[];
  readonly lists: Map<string, Item[]>;
  vessel: Item | undefined;
}

/** `MM/DD/YYYY` → `YYYY-MM-DD`. */
function usDate(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(text.trim());
  if (match === null) return undefined;
  const [, month = '', day = '', year = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function joinParts(item: Item, keys: readonly string[]): string {
  const parts: string[] = [];
  for (const key of keys) {
    const part = item.get(key);
    if (part !== undefined && part !== '') parts.push(part);
  }
  return parts.join(', ');
}

/**
 * An address spelled as the CSV's `add.csv` spells it (street lines, then `city, state postcode`,
 * then the country), so both formats give the same address strings.
 */
function addressText(item: Item): string {
  const street = joinParts(item, ['address1', 'address2', 'address3']);
  const place = joinParts(item, ['city', 'stateOrProvince']);
  const postcode = item.get('postalCode') ?? '';
  const cityLine = place === '' ? postcode : postcode === '' ? place : `${place} ${postcode}`;
  return [street, cityLine, item.get('country') ?? ''].filter((part) => part !== '').join(', ');
}

function akaName(item: Item, schema: ReturnType<typeof ofacSchema>): NameDetail | undefined {
  const last = item.get('lastName') ?? '';
  const first = item.get('firstName') ?? '';
  const full = first === '' ? last : last === '' ? first : `${last}, ${first}`;
  if (full === '' || schema === undefined) return undefined;
  const type = (item.get('type') ?? '').toLowerCase();
  const weak = (item.get('category') ?? '').toLowerCase() === 'weak';
  let kind: NameKind = 'alias';
  let note: string | undefined;
  if (weak) {
    kind = 'weak';
    if (type === 'f.k.a.') note = 'f.k.a.';
  } else if (type === 'f.k.a.') {
    kind = 'previous';
  } else if (type === 'n.k.a.') {
    // "now known as" names the entity's current other name: an alias, not a previous name.
    note = 'n.k.a.';
  }
  return nameDetail(full, kind, schema, note);
}

function buildEntity(entry: XmlEntry, file: string, dataset: string): Entity {
  const uid = entry.fields.get('uid') ?? '';
  const at = { file, line: entry.line, element: 'sdnEntry' };
  if (uid === '') throw new ParseError({ ...at, field: 'uid' }, 'is missing or empty');
  if (!/^\d{1,9}$/u.test(uid)) {
    throw new ParseError({ ...at, field: 'uid' }, `is not a number: ${JSON.stringify(uid)}`);
  }
  const element = `sdnEntry[uid=${uid}]`;
  const type = entry.fields.get('sdnType') ?? '';
  const schema = ofacSchema(type);
  if (schema === undefined) {
    throw new ParseError(
      { file, line: entry.line, element, field: 'sdnType' },
      `unknown type ${JSON.stringify(type)}`,
    );
  }
  const last = entry.fields.get('lastName') ?? '';
  const first = entry.fields.get('firstName') ?? '';
  if (last === '' && first === '') {
    throw new ParseError({ file, line: entry.line, element, field: 'lastName' }, 'is empty');
  }
  const builder = new OfacEntityBuilder(`ofac:${uid}`, schema, { file, element, line: entry.line });
  // OFAC's own spelling is `LAST, First` (as in the CSV): keep it and the parts the XML gives.
  const full = first === '' ? last : last === '' ? first : `${last}, ${first}`;
  builder.addName({
    full,
    kind: 'primary',
    ...(last === '' || first === '' ? {} : { lastName: last, firstName: first }),
  });
  for (const program of entry.programs) builder.add('program', program);
  builder.add('position', entry.fields.get('title'));
  builder.add('notes', entry.fields.get('remarks'));

  for (const item of entry.lists.get('aka') ?? []) {
    const name = akaName(item, schema);
    if (name !== undefined) builder.addName(name);
  }
  for (const item of entry.lists.get('address') ?? []) {
    builder.add('address', addressText(item));
    const country = item.get('country');
    // An unknown country stays readable in the address itself.
    if (country !== undefined) builder.addCountry('country', country);
  }
  for (const item of entry.lists.get('id') ?? []) {
    const label = (item.get('idType') ?? '').replace(/:$/u, '').trim();
    const number = item.get('idNumber') ?? '';
    const country = item.get('idCountry');
    if (label === '' && number === '') continue;
    if (!builder.applyFact(label, number, country, true)) {
      // Facts the table does not model (sanctions notes, CMIC dates, tickers) stay readable.
      const text = country === undefined ? `${label} ${number}` : `${label} ${number} (${country})`;
      builder.add('notes', text.trim());
    }
  }
  for (const item of entry.lists.get('nationality') ?? []) {
    const country = item.get('country');
    if (country !== undefined) builder.applyFact('nationality', country, undefined, true);
  }
  for (const item of entry.lists.get('citizenship') ?? []) {
    const country = item.get('country');
    if (country !== undefined) builder.applyFact('citizen', country, undefined, true);
  }
  for (const item of entry.lists.get('dateOfBirthItem') ?? []) {
    const date = item.get('dateOfBirth');
    if (date !== undefined) builder.applyFact('DOB', date, undefined, true);
  }
  for (const item of entry.lists.get('placeOfBirthItem') ?? []) {
    const place = item.get('placeOfBirth');
    if (place !== undefined) builder.applyFact('POB', place, undefined, true);
  }
  const vessel = entry.vessel;
  if (vessel !== undefined) {
    builder.add('callSign', vessel.get('callSign'));
    builder.add('type', vessel.get('vesselType'));
    builder.add('owner', vessel.get('vesselOwner'));
    builder.add('tonnage', vessel.get('tonnage'));
    builder.add('grossRegisteredTonnage', vessel.get('grossRegisteredTonnage'));
    const flag = vessel.get('vesselFlag');
    if (flag !== undefined) builder.addCountry('flag', flag, 'vesselFlag');
  }
  return builder.build(dataset);
}

interface Handler {
  readonly ready: Entity[];
  opentag(tag: SaxesTagPlain): void;
  closetag(tag: SaxesTagPlain): void;
  text(chunk: string): void;
  /** Where the parser is, for errors saxes raises (`sdnEntry[uid=9639]`). */
  where(): string | undefined;
  end(): void;
}

function ofacHandler(
  parser: { readonly line: number },
  file: string,
  dataset: string,
  info: ParseInfo,
): Handler {
  const ready: Entity[] = [];
  // Element names from the root down to the current element.
  const path: string[] = [];
  let text = '';
  let entry: XmlEntry | undefined;
  let item: Item | undefined;
  let count = 0;
  let sawRoot = false;

  const opentag = (tag: SaxesTagPlain): void => {
    const name = tag.name;
    const depth = path.length; // depth of the parent
    path.push(name);
    text = '';
    if (depth === 0) {
      if (name !== 'sdnList') {
        throw new ParseError(
          { file, line: parser.line, element: name },
          'not an OFAC XML list: the root element must be <sdnList>',
        );
      }
      sawRoot = true;
      const ns = tag.attributes.xmlns;
      if (ns !== undefined && ns !== OFAC_XML_NAMESPACE) {
        info.warnings.push(`${file}: unexpected namespace ${ns} on <sdnList>; read anyway`);
      }
      return;
    }
    if (depth === 1 && name === 'sdnEntry') {
      entry = {
        line: parser.line,
        fields: new Map(),
        programs: [],
        lists: new Map(),
        vessel: undefined,
      };
      return;
    }
    if (entry === undefined) return;
    if (depth === 2 && name === 'vesselInfo') {
      entry.vessel = new Map();
      item = entry.vessel;
    } else if (depth === 3 && LISTS[path[2] ?? ''] === name) {
      item = new Map();
      const list = entry.lists.get(name);
      if (list === undefined) entry.lists.set(name, [item]);
      else list.push(item);
    }
  };

  const closetag = (tag: SaxesTagPlain): void => {
    const depth = path.length - 1; // depth of the closing element's parent
    const name = tag.name;
    path.pop();
    const value = text.trim();
    text = '';
    if (depth === 2 && path[1] === 'publshInformation') {
      if (name === 'Publish_Date') {
        const date = usDate(value);
        if (date === undefined) {
          info.warnings.push(`${file}: line ${parser.line}: unreadable Publish_Date '${value}'`);
        }
        info.publishedAt = date ?? null;
      } else if (name === 'Record_Count' && /^\d+$/u.test(value)) {
        info.declaredCount = Number(value);
      }
      return;
    }
    if (entry === undefined) return;
    if (depth === 1 && name === 'sdnEntry') {
      ready.push(buildEntity(entry, file, dataset));
      count++;
      entry = undefined;
      return;
    }
    if (depth === 2) {
      if (name === 'vesselInfo' || LISTS[name] !== undefined) item = undefined;
      else if (name !== 'programList' && value !== '') entry.fields.set(name, value);
    } else if (depth === 3) {
      if (name === 'program' && path[2] === 'programList') {
        if (value !== '') entry.programs.push(value);
      } else if (path[2] === 'vesselInfo' && item !== undefined && value !== '') {
        item.set(name, value);
      } else {
        item = path[2] === 'vesselInfo' ? item : undefined;
      }
    } else if (depth === 4 && item !== undefined && value !== '') {
      item.set(name, value);
    }
  };

  return {
    ready,
    opentag,
    closetag,
    text: (chunk: string): void => {
      text += chunk;
    },
    where: () => {
      const uid = entry?.fields.get('uid');
      if (entry !== undefined) return uid === undefined ? 'sdnEntry' : `sdnEntry[uid=${uid}]`;
      return path.at(-1);
    },
    end: () => {
      if (!sawRoot) throw new ParseError({ file }, 'no <sdnList> root element');
      if (info.declaredCount !== null && info.declaredCount !== count) {
        info.warnings.push(
          `${file}: Record_Count declares ${info.declaredCount} entries, the file holds ${count}`,
        );
      }
    },
  };
}

async function* parse(request: ParseRequest): AsyncGenerator<Entity> {
  const { info, dataset } = request;
  const [path, ...rest] = request.files;
  if (path === undefined) throw new ParseError({ file: 'sdnList' }, 'no file given');
  for (const extra of rest) {
    info.warnings.push(`${listFileName(extra)}: OFAC XML is one file; ignored`);
  }
  const file = listFileName(path);
  // No namespace processing: OFAC uses one default namespace, and saxes' xmlns mode is slower.
  const parser = new SaxesParser({ xmlns: false, position: true });
  const handler = ofacHandler(parser, file, dataset, info);
  parser.on('opentag', handler.opentag);
  parser.on('closetag', handler.closetag);
  parser.on('text', handler.text);
  parser.on('cdata', handler.text);
  const fail = (error: unknown): ParseError => {
    if (error instanceof ParseError) return error;
    // saxes prefixes "line:column: "; the location is ParseError's to format.
    const problem = (error instanceof Error ? error.message : String(error)).replace(
      /^\d+:\d+: /u,
      '',
    );
    const element = handler.where();
    return new ParseError(
      { file, line: parser.line, ...(element === undefined ? {} : { element }) },
      `invalid XML: ${problem}`,
      { cause: error },
    );
  };
  const stream = await openListFile(path, info);
  stream.setEncoding('utf8');
  const ready = handler.ready;
  try {
    for await (const chunk of stream) {
      try {
        parser.write(chunk as string);
      } catch (error) {
        throw fail(error);
      }
      // Hand the finished entries out before reading on; the array is reused.
      if (ready.length > 0) yield* ready.splice(0, ready.length);
    }
    try {
      parser.close();
      handler.end();
    } catch (error) {
      throw fail(error);
    }
    if (ready.length > 0) yield* ready.splice(0, ready.length);
  } finally {
    stream.destroy();
  }
}

/** OFAC XML (`sdnList`): SDN.XML or CONSOLIDATED.XML. */
export const parseOfacXml: ListParser = (request) => parse(request);
