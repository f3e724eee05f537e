/**
 * Turns an entity (a list entry or a query) into a `PreparedRecord`: every matchable name analysed
 * once into romanised variants with spelling keys, phonetic skeletons and token weights, plus the
 * parsed dates, countries and identifiers. Scoring then compares prepared records only.
 */
import { Entity, type NameDetail } from '../model/entity.js';
import { NAME_PROPERTIES, type PropertyName, type SchemaName } from '../model/schemata.js';
import { parsePartialDate } from './features/dates.js';
import { normalizeIdentifier } from './features/identifiers.js';
import { listLayout } from './layout.js';
import { phoneticKey } from './names/phonetic.js';
import { joinServantNames } from './names/theophoric.js';
import { FATHER_NAME, lineageRoles, tokenWeights } from './names/token-class.js';
import { analyzeName, spellingKey } from './normalize/index.js';
import { normalizeOrganizationWords } from './normalize/org-words.js';
import type { NameVariant, PartialDate, PreparedName, PreparedRecord } from './types.js';

const IDENTIFIER_PROPERTIES: readonly PropertyName[] = [
  'passportNumber',
  'idNumber',
  'taxNumber',
  'registrationNumber',
  'swiftBic',
  'imoNumber',
  'mmsi',
  'serialNumber',
];

const COUNTRY_PROPERTIES: readonly PropertyName[] = ['nationality', 'citizenship'];

function makeVariant(tokens: readonly string[], person: boolean): NameVariant | null {
  // A romanised token may hold several words (a Korean given name's syllables: `jong un`); the
  // names of things spell numbers and common words in more than one way (`org-words.ts`), and
  // people's Arabic `Abd` names in one, two or three words (`theophoric.ts`).
  const words = tokens.some((token) => token.includes(' '))
    ? tokens.flatMap((token) => token.split(' '))
    : tokens;
  const clean = (person ? joinServantNames(words) : normalizeOrganizationWords(words)).filter(
    (token) => token !== '',
  );
  if (clean.length === 0) return null;
  const keys = clean.map((token) => spellingKey(token));
  const weights = tokenWeights(clean, person);
  const roles = lineageRoles(clean);
  let totalWeight = 0;
  for (const weight of weights) totalWeight += weight;
  return {
    tokens: clean,
    keys,
    // From the romanised token, not the spelling key: the key has already merged `ou`/`u`,
    // which hides the Belarusian `-ou`/`-au` (= Russian `-ov`) the skeleton should see.
    phonetic: clean.map((token) => phoneticKey(token)),
    weights,
    roles,
    totalWeight,
    hasInitial: keys.some((key) => key.length === 1),
    joined: keys.join(''),
    // Any order is the same name, except that a father's name stays one (`lineageRoles`).
    literal: keys
      .map((key, i) => (roles[i] === FATHER_NAME ? `^${key}` : key))
      .sort()
      .join(' '),
  };
}

/**
 * Analyses one name. Variants that collapse to the same spelling keys are kept once: a Russian
 * name has several romanisations but most of them meet at the same keys.
 */
export function prepareName(
  raw: string,
  options: { schema?: SchemaName; lang?: string; kind?: PreparedName['kind'] } = {},
  seenLiterals?: Set<string>,
): PreparedName | null {
  const analyzed = analyzeName(raw, {
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.lang === undefined ? {} : { lang: options.lang }),
  });
  const variants: NameVariant[] = [];
  const seen = seenLiterals ?? new Set<string>();
  for (const tokens of analyzed.latinVariants) {
    const variant = makeVariant(
      tokens,
      options.schema === undefined || options.schema === 'Person',
    );
    if (variant === null || seen.has(variant.literal)) continue;
    seen.add(variant.literal);
    variants.push(variant);
  }
  if (variants.length === 0) return null;
  return {
    raw,
    kind: options.kind ?? 'query',
    script: analyzed.script,
    variants,
    legalForms: analyzed.legalForms,
  };
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Prepares an entity for matching. `asQuery` marks the names as query names in explanations. */
export function prepareEntity(entity: Entity, asQuery = false): PreparedRecord {
  const details = new Map<string, NameDetail>();
  for (const detail of entity.names)
    if (!details.has(detail.full)) details.set(detail.full, detail);

  const names: PreparedName[] = [];
  // One literal set across all names: an alias that only repeats another name's spelling adds
  // nothing but cost.
  const seen = new Set<string>();
  for (const property of NAME_PROPERTIES) {
    for (const raw of Entity.values(entity, property)) {
      const detail = details.get(raw);
      const kind: PreparedName['kind'] = asQuery
        ? 'query'
        : (detail?.kind ?? (property === 'name' ? 'primary' : 'alias'));
      const prepared = prepareName(
        raw,
        {
          schema: entity.schema,
          kind,
          ...(detail?.lang === undefined ? {} : { lang: detail.lang }),
        },
        seen,
      );
      if (prepared !== null) names.push(prepared);
    }
  }

  const birthDates: PartialDate[] = [];
  for (const text of Entity.values(entity, 'birthDate')) {
    const date = parsePartialDate(text);
    if (date !== null) birthDates.push(date);
  }

  const countries: string[] = [];
  for (const property of COUNTRY_PROPERTIES) {
    for (const value of Entity.values(entity, property)) countries.push(value.toLowerCase());
  }

  const identifiers: string[] = [];
  for (const property of IDENTIFIER_PROPERTIES) {
    for (const value of Entity.values(entity, property))
      identifiers.push(normalizeIdentifier(value));
  }
  for (const document of entity.documents) identifiers.push(normalizeIdentifier(document.number));

  const layout = asQuery ? null : listLayout(names, birthDates);
  const genderValue = Entity.values(entity, 'gender')[0]?.toLowerCase();
  const gender = genderValue === 'male' || genderValue === 'female' ? genderValue : null;

  return {
    id: entity.id,
    schema: entity.schema,
    entity,
    names,
    // Laid out once here, at index build, rather than per query that meets the record.
    layoutInts: layout?.ints ?? null,
    layoutAt: layout?.at ?? 0,
    birthDates,
    countries: uniqueSorted(countries),
    identifiers: uniqueSorted(identifiers.filter((value) => value !== '')),
    gender,
  };
}
