/**
 * The body of `POST /api/v1/assessments`, checked field by field into an `AssessmentRequest`.
 * Everything the migration authority sends is validated here once, so triage and storage can
 * trust it: errors are `ValidationError`s with the dotted path of the field to fix
 * (`applicant.employment.1.employer`). The permit type is only checked for shape: whether the
 * service knows it is the SLA policy's question (`sla.ts`), asked by the use case.
 */
import { ValidationError } from '../shared/errors.js';
import type { Applicant, AssessmentRequest, Employment } from './types.js';

export const REQUEST_LIMITS = Object.freeze({
  externalId: 200,
  permitType: 100,
  names: 20,
  /** Per name and per employer or position text, in characters (code points). */
  text: 300,
  citizenship: 10,
  passportNumber: 50,
  employment: 50,
});

const TOP_FIELDS = ['external_id', 'permit_type', 'applicant'] as const;
const APPLICANT_FIELDS = [
  'names',
  'birth_date',
  'citizenship',
  'passport_number',
  'employment',
] as const;
const EMPLOYMENT_FIELDS = ['employer', 'position', 'country', 'from', 'to'] as const;

/** Years a birth or employment date can plausibly have; anything else is a typo. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export function parseAssessmentRequest(body: unknown): AssessmentRequest {
  const top = objectAt(body, '');
  rejectUnknownFields(top, TOP_FIELDS, '');
  return {
    externalId: requiredText(top.external_id, 'external_id', REQUEST_LIMITS.externalId),
    permitType: requiredText(top.permit_type, 'permit_type', REQUEST_LIMITS.permitType),
    applicant: parseApplicant(top.applicant),
  };
}

function parseApplicant(value: unknown): Applicant {
  const applicant = objectAt(value, 'applicant');
  rejectUnknownFields(applicant, APPLICANT_FIELDS, 'applicant.');
  return {
    names: parseNames(applicant.names),
    birthDate: optionalDate(applicant.birth_date, 'applicant.birth_date'),
    citizenship: parseCitizenship(applicant.citizenship),
    passportNumber: optionalText(
      applicant.passport_number,
      'applicant.passport_number',
      REQUEST_LIMITS.passportNumber,
    ),
    employment: parseEmploymentList(applicant.employment),
  };
}

/** Names in any script; exact repeats are dropped (they would only be screened twice). */
function parseNames(value: unknown): string[] {
  const path = 'applicant.names';
  const items = arrayAt(value, path, 1, REQUEST_LIMITS.names);
  const names = items.map((item, index) =>
    requiredText(item, `${path}.${index}`, REQUEST_LIMITS.text),
  );
  return [...new Set(names)];
}

function parseCitizenship(value: unknown): string[] {
  const path = 'applicant.citizenship';
  if (value === undefined || value === null) return [];
  const items = arrayAt(value, path, 0, REQUEST_LIMITS.citizenship);
  const codes = items.map((item, index) => countryAt(item, `${path}.${index}`));
  return [...new Set(codes)];
}

function parseEmploymentList(value: unknown): Employment[] {
  const path = 'applicant.employment';
  if (value === undefined || value === null) return [];
  const items = arrayAt(value, path, 0, REQUEST_LIMITS.employment);
  return items.map((item, index) => parseEmployment(item, `${path}.${index}`));
}

function parseEmployment(value: unknown, path: string): Employment {
  const entry = objectAt(value, path);
  rejectUnknownFields(entry, EMPLOYMENT_FIELDS, `${path}.`);
  const employer = requiredText(entry.employer, `${path}.employer`, REQUEST_LIMITS.text);
  const position = optionalText(entry.position, `${path}.position`, REQUEST_LIMITS.text);
  const country = optionalCountry(entry.country, `${path}.country`);
  const from = optionalDate(entry.from, `${path}.from`);
  const to = optionalDate(entry.to, `${path}.to`);
  if (from !== null && to !== null && !partialDateNotAfter(from, to)) {
    throw new ValidationError(`${path}.to (${to}) is before ${path}.from (${from})`, `${path}.to`);
  }
  return { employer, position, country, from, to };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  if (path === '') throw new ValidationError('the request body must be a JSON object');
  const problem = value === undefined || value === null ? 'is required' : 'must be a JSON object';
  throw new ValidationError(`${path} ${problem}`, path);
}

function arrayAt(value: unknown, path: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) {
    throw new ValidationError(
      value === undefined ? `${path} is required` : `${path} must be an array`,
      path,
    );
  }
  if (value.length < min) throw new ValidationError(`${path} needs at least ${min} entry`, path);
  if (value.length > max) {
    throw new ValidationError(
      `${path} has ${value.length} entries; at most ${max} are allowed`,
      path,
    );
  }
  return value;
}

/**
 * Unknown fields are refused rather than ignored: a misspelt optional field (`pasport_number`)
 * would otherwise vanish silently and the person would be screened without it.
 */
function rejectUnknownFields(
  record: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      throw new ValidationError(
        `unknown field '${prefix}${key}' (allowed: ${allowed.join(', ')})`,
        `${prefix}${key}`,
      );
    }
  }
}

// C0 and C1 control characters: never part of a name or an identifier, often a sign of a
// broken export (NUL bytes, stray escapes) that would also break logs and reports.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** A trimmed, NFC-normalised string of 1..max characters. */
function requiredText(value: unknown, path: string, max: number): string {
  const text = optionalText(value, path, max);
  if (text === null) throw new ValidationError(`${path} is required`, path);
  return text;
}

/** Like `requiredText`, but absent, null or blank gives null. */
function optionalText(value: unknown, path: string, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ValidationError(`${path} must be a string`, path);
  const text = value.normalize('NFC').trim();
  if (text === '') return null;
  if (CONTROL.test(text)) {
    throw new ValidationError(`${path} contains a control character`, path);
  }
  const length = [...text].length;
  if (length > max) {
    throw new ValidationError(`${path} has ${length} characters; at most ${max} are allowed`, path);
  }
  return text;
}

function optionalDate(value: unknown, path: string): string | null {
  const text = optionalText(value, path, 10);
  if (text === null) return null;
  if (!isPartialDate(text)) {
    throw new ValidationError(
      `${path} '${text}' is not a date as YYYY, YYYY-MM or YYYY-MM-DD (years ${MIN_YEAR}–${MAX_YEAR})`,
      path,
    );
  }
  return text;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date (no 2023-02-29). */
export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  if (match[2] === undefined) return true;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/**
 * Whether partial date `from` can lie on or before `to`: compared at the precision both have
 * (`2010-05` to `2010` is fine, `2011` to `2010-05` is not).
 */
function partialDateNotAfter(from: string, to: string): boolean {
  const length = Math.min(from.length, to.length);
  return from.slice(0, length) <= to.slice(0, length);
}

function optionalCountry(value: unknown, path: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  return countryAt(value, path);
}

function countryAt(value: unknown, path: string): string {
  if (typeof value !== 'string') {
    throw new ValidationError(`${path} must be an ISO 3166-1 alpha-2 country code`, path);
  }
  const code = value.trim().toUpperCase();
  if (!isCountryCode(code)) {
    throw new ValidationError(
      `${path} '${value.trim()}' is not an ISO 3166-1 alpha-2 country code`,
      path,
    );
  }
  return code;
}

/**
 * CLDR regions that are not countries or are only "exceptionally reserved" in ISO 3166-1
 * (European Union, United Nations, Ascension Island, Canary Islands, ...), and CLDR's private-use
 * and pseudo regions.
 */
const NOT_COUNTRIES: ReadonlySet<string> = new Set([
  'AC',
  'CP',
  'CQ',
  'DG',
  'EA',
  'EU',
  'EZ',
  'IC',
  'QO',
  'TA',
  'UN',
  'XA',
  'XB',
  'ZZ',
]);

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * An ISO 3166-1 alpha-2 code in current use, upper case, plus `XK` (Kosovo, which the lists and
 * FollowTheMoney use). Checked against the CLDR region data Node ships with ICU: the country
 * table in `lists/formats/countries.ts` maps the *spellings the sanctions lists use* and so lacks
 * countries no list has named (Botswana, Bhutan, Tonga, ...), which applicants can still be
 * citizens of. Withdrawn codes (`SU`, `YU`, `BU`, `UK`) are refused: CLDR canonicalises them to
 * their successor, so a code is current only if it is its own canonical form.
 */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/u.test(code) || NOT_COUNTRIES.has(code)) return false;
  if (Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) return false;
  return REGION_NAMES.of(code) !== code;
}
