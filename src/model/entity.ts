import { canonicalJson, type JsonValue } from '../shared/canonical-json.js';
import { sha256Hex } from '../shared/sha256.js';
import { PROPERTIES, type PropertyName, type PropertyType, type SchemaName } from './schemata.js';

export type Properties = Readonly<Partial<Record<PropertyName, readonly string[]>>>;

/** Where an entity came from: the file and the element or line(s) that described it. */
export interface EntitySource {
  readonly file: string;
  /** XML: the element and its key, e.g. `sanctionEntity[logicalId=13]`. */
  readonly element?: string;
  /** First line of the record in the file (XML or CSV). */
  readonly line?: number;
}

/** What kind of name a list gives. `weak` is a low-quality alias (UN "Low", EU strong="false"). */
export type NameKind = 'primary' | 'alias' | 'weak' | 'previous';

/**
 * One name as the list gives it, with what the list says about it. The flat `properties.name`,
 * `alias`, `weakAlias` and `previousName` hold the same values for FtM compatibility; this keeps
 * the parts, script and language that a matcher and an analyst need.
 */
export interface NameDetail {
  readonly full: string;
  readonly kind: NameKind;
  readonly firstName?: string;
  readonly middleName?: string;
  readonly lastName?: string;
  readonly fatherName?: string;
  readonly title?: string;
  /** ISO 639-1 language the list declares for this spelling (EU `nameLanguage`). */
  readonly lang?: string;
  /** ISO 15924 script the list declares, or that the spelling is written in (e.g. `Cyrl`). */
  readonly script?: string;
  /** The list's own remark on the name (UN alias quality, OFAC alt remarks). */
  readonly note?: string;
}

/** An identity document or registration number with its type and issuing country. */
export interface IdentityDocument {
  /** e.g. `passport`, `id`, `tax`, `registration`, or the list's own type text. */
  readonly type: string;
  readonly number: string;
  /** ISO 3166-1 alpha-2 where known. */
  readonly country?: string;
  readonly note?: string;
}

export interface Entity {
  /** `eu:<logicalId>`, `un:<DATAID>`, `ofac:<ent_num>`, `uk:<Group ID>`, `os:<id>`. */
  readonly id: string;
  readonly schema: SchemaName;
  readonly caption: string;
  readonly properties: Properties;
  readonly names: readonly NameDetail[];
  readonly documents: readonly IdentityDocument[];
  /** The lists (sources) this entity is published in. */
  readonly datasets: readonly string[];
  readonly source: EntitySource;
}

/** Property values as a caller collects them: uncleaned, possibly blank or repeated. */
export type PropertyValuesInit = Partial<
  Record<PropertyName, readonly (string | null | undefined)[]>
>;

export interface EntityInit {
  readonly id: string;
  readonly schema: SchemaName;
  readonly caption?: string;
  /**
   * A plain object or a Map (parsers collect values in a Map: a dozen dynamic keys per record would
   * push a plain object into V8's slow dictionary mode). Keys keep their insertion order.
   */
  readonly properties?:
    | PropertyValuesInit
    | ReadonlyMap<PropertyName, readonly (string | null | undefined)[]>;
  readonly names?: readonly NameDetail[];
  readonly documents?: readonly IdentityDocument[];
  readonly datasets: readonly string[];
  readonly source: EntitySource;
}

/**
 * Whether a value has white space other than single inner spaces. Parsers call `Entity.create` for
 * every record, and most values are already clean: a char scan is much cheaper than the regex.
 */
function needsWhitespaceFolding(value: string): boolean {
  const last = value.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = value.charCodeAt(i);
    // Most characters are printable ASCII: one range test lets them pass. Anything that `\s` may
    // match (U+0085, U+00A0, U+1680, U+2000-U+3000, U+FEFF) sends the value to the regex.
    if (code > 32 && code < 0x85) continue;
    if (code === 32) {
      if (i === 0 || i === last || value.charCodeAt(i + 1) === 32) return true;
    } else if (
      code < 32 ||
      code === 0xa0 ||
      code === 0x85 ||
      code === 0x1680 ||
      code === 0xfeff ||
      (code >= 0x2000 && code <= 0x3000)
    ) {
      return true;
    }
  }
  return false;
}

/** Below this many values a linear scan finds duplicates faster than building a Set. */
const LINEAR_DEDUPE_LIMIT = 16;

/** Trim, fold inner white space, drop empties and exact duplicates; keep the list's order. */
export function cleanValues(values: readonly (string | null | undefined)[]): string[] {
  // Runs for every property of every entity a parser builds: most lists hold a handful of values,
  // which `includes` deduplicates without allocating a Set; a Set takes over for long lists.
  const out: string[] = [];
  let seen: Set<string> | undefined;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    if (raw === null || raw === undefined) continue;
    const value = needsWhitespaceFolding(raw) ? raw.replace(/\s+/gu, ' ').trim() : raw;
    if (value === '') continue;
    if (seen !== undefined) {
      if (seen.has(value)) continue;
      seen.add(value);
    } else if (out.length < LINEAR_DEDUPE_LIMIT) {
      if (out.includes(value)) continue;
    } else {
      seen = new Set(out);
      if (seen.has(value)) continue;
      seen.add(value);
    }
    out.push(value);
  }
  return out;
}

function pickCaption(properties: Properties, names: readonly NameDetail[]): string {
  const primary = names.find((name) => name.kind === 'primary');
  return (
    primary?.full ??
    properties.name?.[0] ??
    properties.alias?.[0] ??
    properties.previousName?.[0] ??
    properties.weakAlias?.[0] ??
    ''
  );
}

/** Companion of the `Entity` interface: construction, reading values, identity of content. */
export const Entity = Object.freeze({
  /**
   * Builds an entity, cleaning every property value (`cleanValues`) and dropping empty
   * properties. Every parser calls this once per record, so it stays lean: the result is typed
   * read-only rather than frozen (freezing each nested array and object measurably slowed parsing
   * and guards nothing the types do not), and the caller's arrays are copied so later changes to
   * them cannot reach the entity.
   */
  create(init: EntityInit): Entity {
    const properties: Partial<Record<PropertyName, readonly string[]>> = {};
    const given = init.properties;
    if (given instanceof Map) {
      for (const [key, values] of given as ReadonlyMap<
        PropertyName,
        readonly (string | null | undefined)[]
      >) {
        const cleaned = cleanValues(values);
        if (cleaned.length > 0) properties[key] = cleaned;
      }
    } else if (given !== undefined) {
      const record = given as PropertyValuesInit;
      for (const key of Object.keys(record) as PropertyName[]) {
        const cleaned = cleanValues(record[key] as readonly (string | null | undefined)[]);
        if (cleaned.length > 0) properties[key] = cleaned;
      }
    }
    const names = init.names === undefined ? [] : init.names.slice();
    return {
      id: init.id,
      schema: init.schema,
      caption: init.caption ?? pickCaption(properties, names),
      properties,
      names,
      documents: init.documents === undefined ? [] : init.documents.slice(),
      datasets: init.datasets.slice(),
      source: { ...init.source },
    };
  },

  values(entity: Entity, property: PropertyName): readonly string[] {
    return entity.properties[property] ?? [];
  },

  /** All values of every property of one type, e.g. every country-typed value. */
  valuesOfType(entity: Entity, type: PropertyType): string[] {
    const out: string[] = [];
    for (const [key, values] of Object.entries(entity.properties) as [
      PropertyName,
      readonly string[],
    ][]) {
      if (PROPERTIES[key].type === type) out.push(...values);
    }
    return [...new Set(out)];
  },

  /**
   * The entity's content in a canonical form: property values sorted, names and documents sorted,
   * the source location left out. Two publications of the same record compare equal even when the
   * publisher reorders aliases (the EU and OFAC do) or the record moved to another line.
   */
  canonicalContent(entity: Entity): JsonValue {
    const properties: Record<string, string[]> = {};
    for (const key of Object.keys(entity.properties).sort() as PropertyName[]) {
      properties[key] = [...(entity.properties[key] ?? [])].sort();
    }
    const names = entity.names.map((name) => canonicalJson(name as unknown as JsonValue)).sort();
    const documents = entity.documents
      .map((doc) => canonicalJson(doc as unknown as JsonValue))
      .sort();
    return { schema: entity.schema, caption: entity.caption, properties, names, documents };
  },

  /** SHA-256 of the canonical content: equal hashes mean "unchanged" for list diffs. */
  contentHash(entity: Entity): string {
    return sha256Hex(canonicalJson(Entity.canonicalContent(entity)));
  },
});
