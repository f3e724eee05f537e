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

/** A run of white space other than one plain space: what `foldWhitespace` replaces. */
const UNFOLDED_SPACE = /\s{2,}|[^\S ]/gu;

/**
 * `value.replace(/\s+/gu, ' ').trim()`, faster: parsers call `Entity.create` for every record and
 * most values are already clean. The regex engine finds the runs to fold (measured faster than a
 * character loop in JavaScript, and than `replace`); a clean value is returned as it is, otherwise
 * the clean stretches between the runs are copied (long remarks hold many line breaks).
 */
export function foldWhitespace(value: string): string {
  const trimmed = value.trim();
  UNFOLDED_SPACE.lastIndex = 0;
  let run = UNFOLDED_SPACE.exec(trimmed);
  if (run === null) return trimmed;
  let out = '';
  // `from` is where the stretch not yet copied to `out` begins.
  let from = 0;
  do {
    out += `${trimmed.slice(from, run.index)} `;
    from = UNFOLDED_SPACE.lastIndex;
    run = UNFOLDED_SPACE.exec(trimmed);
  } while (run !== null);
  return out + trimmed.slice(from);
}

/** Below this many values a linear scan finds duplicates faster than building a Set. */
const LINEAR_DEDUPE_LIMIT = 16;

/** Trim, fold inner white space, drop empties and exact duplicates; keep the list's order. */
export function cleanValues(values: readonly (string | null | undefined)[]): string[] {
  // Runs for every property of every entity a parser builds. The result is a copy of the input,
  // overwritten in place and cut to length: an array grown by `push` reserves 17 slots, which
  // was most of what `Entity.create` allocated. Most lists hold a handful of values, which a
  // linear scan deduplicates without allocating a Set; a Set takes over for long lists.
  const out = values.slice();
  let kept = 0;
  let seen: Set<string> | undefined;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    if (raw === null || raw === undefined) continue;
    const value = foldWhitespace(raw);
    if (value === '') continue;
    if (seen !== undefined) {
      if (seen.has(value)) continue;
      seen.add(value);
    } else if (kept < LINEAR_DEDUPE_LIMIT) {
      if (keptIncludes(out, kept, value)) continue;
    } else {
      seen = new Set(out.slice(0, kept) as string[]);
      if (seen.has(value)) continue;
      seen.add(value);
    }
    out[kept++] = value;
  }
  // Usually nothing was dropped; setting `length` is a call even when it changes nothing.
  if (kept < out.length) out.length = kept;
  // Every slot below `kept` holds a cleaned value.
  return out as string[];
}

/** Whether `value` is among the first `kept` entries of `out`. */
function keptIncludes(
  out: readonly (string | null | undefined)[],
  kept: number,
  value: string,
): boolean {
  for (let i = 0; i < kept; i++) if (out[i] === value) return true;
  return false;
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
