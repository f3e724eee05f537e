/**
 * The schemata and properties of Sargas entities, after FollowTheMoney. Property names are FtM's
 * own (`birthDate`, `passportNumber`, ...), so yente clients and FtM JSON lines map one-to-one.
 */

/** How a property's values are compared and cleaned. */
export type PropertyType =
  | 'name'
  | 'text'
  | 'date'
  | 'country'
  | 'identifier'
  | 'gender'
  | 'address'
  | 'url'
  | 'email'
  | 'phone';

export interface PropertySpec {
  readonly type: PropertyType;
  readonly label: string;
  /** Whether a screening matcher may use the values as names to match on. */
  readonly matchable: boolean;
}

const name = (label: string, matchable = true): PropertySpec => ({
  type: 'name',
  label,
  matchable,
});
const text = (label: string): PropertySpec => ({ type: 'text', label, matchable: false });
const date = (label: string): PropertySpec => ({ type: 'date', label, matchable: false });
const country = (label: string): PropertySpec => ({ type: 'country', label, matchable: false });
const identifier = (label: string): PropertySpec => ({
  type: 'identifier',
  label,
  matchable: true,
});

export const PROPERTIES = {
  // Names. `name` and `alias` are matchable names; name parts and weak aliases are not, as in FtM:
  // a first name alone, or "Abu Ali", must never make a match on its own.
  name: name('Name'),
  alias: name('Other name'),
  previousName: name('Previous name'),
  weakAlias: name('Weak alias', false),
  firstName: name('First name', false),
  middleName: name('Middle name', false),
  secondName: name('Second name', false),
  lastName: name('Last name', false),
  fatherName: name('Patronymic', false),
  title: text('Title'),
  // Person facts.
  gender: { type: 'gender', label: 'Gender', matchable: false },
  birthDate: date('Birth date'),
  /** An ISO 8601 interval `start/end`, for lists that give "born between 1950 and 1955". */
  birthDateRange: text('Birth date range'),
  birthPlace: text('Place of birth'),
  birthCountry: country('Country of birth'),
  deathDate: date('Death date'),
  nationality: country('Nationality'),
  citizenship: country('Citizenship'),
  position: text('Position'),
  // Identifiers. `documents` on the entity keeps type and issuing country for each one.
  passportNumber: identifier('Passport number'),
  idNumber: identifier('ID number'),
  taxNumber: identifier('Tax number'),
  registrationNumber: identifier('Registration number'),
  swiftBic: identifier('SWIFT/BIC'),
  imoNumber: identifier('IMO number'),
  mmsi: identifier('MMSI'),
  callSign: identifier('Call sign'),
  serialNumber: identifier('Serial number'),
  // Organisations, vessels, aircraft.
  legalForm: text('Legal form'),
  incorporationDate: date('Incorporation date'),
  jurisdiction: country('Jurisdiction'),
  country: country('Country'),
  flag: country('Flag'),
  type: text('Type'),
  model: text('Model'),
  buildDate: date('Build date'),
  tonnage: text('Tonnage'),
  grossRegisteredTonnage: text('Gross registered tonnage'),
  owner: text('Owner'),
  // Contact.
  address: { type: 'address', label: 'Address', matchable: false },
  email: { type: 'email', label: 'E-mail', matchable: false },
  phone: { type: 'phone', label: 'Phone', matchable: false },
  website: { type: 'url', label: 'Website', matchable: false },
  // Listing.
  program: text('Sanctions programme or regime'),
  listingDate: date('Listing date'),
  modifiedAt: date('Last modified'),
  sourceUrl: { type: 'url', label: 'Source link', matchable: false },
  reference: text('Reference number'),
  notes: text('Remarks'),
} as const satisfies Record<string, PropertySpec>;

export type PropertyName = keyof typeof PROPERTIES;

export const PROPERTY_NAMES = Object.freeze(Object.keys(PROPERTIES) as PropertyName[]);

export function isPropertyName(value: string): value is PropertyName {
  return Object.hasOwn(PROPERTIES, value);
}

export const SCHEMA_NAMES = [
  'Person',
  'Organization',
  'LegalEntity',
  'Vessel',
  'Aircraft',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export function isSchemaName(value: string): value is SchemaName {
  return (SCHEMA_NAMES as readonly string[]).includes(value);
}

/**
 * Which schemata a query of one schema may be matched against. `LegalEntity` is the common parent
 * of people and organisations (lists that do not say which one it is).
 */
export const MATCHABLE_SCHEMATA: Readonly<Record<SchemaName, readonly SchemaName[]>> = {
  Person: ['Person', 'LegalEntity'],
  Organization: ['Organization', 'LegalEntity'],
  LegalEntity: ['Person', 'Organization', 'LegalEntity', 'Vessel', 'Aircraft'],
  Vessel: ['Vessel', 'LegalEntity'],
  Aircraft: ['Aircraft', 'LegalEntity'],
};

/** Property names whose values are matchable names. */
export const NAME_PROPERTIES: readonly PropertyName[] = PROPERTY_NAMES.filter(
  (property) => PROPERTIES[property].type === 'name' && PROPERTIES[property].matchable,
);
