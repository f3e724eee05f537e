import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValidationError } from './shared/errors.js';

/**
 * Everything Sargas reads from its environment, read once. This is the only module that touches
 * `process.env`: the rest of the program receives a frozen `Config`, so tests can build one from a
 * plain object and nothing changes behind a running command's back.
 */

/** One file of an official list as its publisher serves it. */
export interface DownloadFile {
  /** The local file name (OFAC's `sdn.csv`, ...): parsers find a list's files by these names. */
  readonly name: string;
  readonly url: string;
  /** Optional files (OFAC `sdn_comments.csv`) may be missing (HTTP 404) without failing. */
  readonly required: boolean;
  /** An expected SHA-256 (hex) of the downloaded bytes, when the operator pins one. */
  readonly sha256: string | null;
}

export interface ListDownload {
  readonly source: OfficialList;
  readonly files: readonly DownloadFile[];
}

export const OFFICIAL_LISTS = ['eu', 'un', 'ofac', 'uk'] as const;
export type OfficialList = (typeof OFFICIAL_LISTS)[number];

export function isOfficialList(value: string): value is OfficialList {
  return (OFFICIAL_LISTS as readonly string[]).includes(value);
}

export interface Config {
  /** Where the embedded database and downloaded lists live (`SARGAS_DATA_DIR`, default `./data`). */
  readonly dataDir: string;
  /** `DATABASE_URL`: a PostgreSQL server; null selects embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | null;
  /** The folder holding the bundled lists and their `manifest.json` (`SARGAS_BUNDLE_DIR`). */
  readonly bundleDir: string;
  /** `SARGAS_DEBUG=1`: print stack traces of unexpected errors. */
  readonly debug: boolean;
  /** Where `sargas lists update` downloads each official list from. */
  readonly downloads: Readonly<Record<OfficialList, ListDownload>>;
  /** The vetting workflow's settings. */
  readonly vetting: VettingSettings;
}

/** Null in any field: the vetting service's built-in default. */
export interface VettingSettings {
  /** `SARGAS_SLA_POLICY`: a JSON file of SLA days per permit type. */
  readonly slaPolicyFile: string | null;
  /** `SARGAS_RISK_RULES`: a JSON file of the employment risk rules. */
  readonly riskRulesFile: string | null;
  /** `SARGAS_QA_SAMPLE_RATE`: the share (0..1) of clean cases an analyst reviews anyway. */
  readonly qaSampleRate: number | null;
  /** `SARGAS_WEBHOOK_SECRET`: the HMAC key that signs webhook deliveries. */
  readonly webhookSecret: string | null;
  /** `SARGAS_SESSION_HOURS`: how long a login session lasts. */
  readonly sessionHours: number | null;
  /** `SARGAS_LOGIN_MAX_FAILURES`: failed sign-ins per username in the window before a lock. */
  readonly loginMaxFailuresPerUser: number | null;
  /** `SARGAS_LOGIN_MAX_FAILURES_PER_ADDRESS`: the same per client address. */
  readonly loginMaxFailuresPerAddress: number | null;
  /** `SARGAS_LOGIN_WINDOW_MINUTES`: the sign-in throttle's sliding window. */
  readonly loginWindowMinutes: number | null;
}

/**
 * The EU FSF "token" is a public, fixed query parameter the EU asks crawlers to send (it has been
 * `dG9rZW4tMjAxNw`, base64 of "token-2017", for years). It is configurable in case the EU rotates it.
 */
export const DEFAULT_EU_TOKEN = 'dG9rZW4tMjAxNw';

export const DEFAULT_URLS: Readonly<Record<OfficialList, string>> = Object.freeze({
  eu: 'https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content',
  un: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
  // OFAC redirects these legacy paths to its Sanctions List Service; `fetch` follows redirects.
  ofac: 'https://www.treasury.gov/ofac/downloads/sdn.csv',
  uk: 'https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv',
});

/** OFAC's legacy CSV is several files published side by side; the rest live beside `sdn.csv`. */
const OFAC_FILES: readonly { name: string; required: boolean }[] = [
  { name: 'sdn.csv', required: true },
  { name: 'add.csv', required: true },
  { name: 'alt.csv', required: true },
  { name: 'sdn_comments.csv', required: false },
];

const LOCAL_NAMES: Readonly<Record<Exclude<OfficialList, 'ofac'>, string>> = {
  eu: 'eu-fsf.xml',
  un: 'un-consolidated.xml',
  uk: 'ConList.csv',
};

export type Env = Readonly<Record<string, string | undefined>>;

function nonEmpty(env: Env, key: string): string | null {
  const value = env[key]?.trim();
  return value === undefined || value === '' ? null : value;
}

function parseUrl(key: string, value: string): URL {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url;
  } catch {
    throw new ValidationError(`${key} is not an http(s) URL: ${value}`, key);
  }
}

/**
 * `SARGAS_SHA256_<LIST>`: either one hex digest (the list's main file) or `name=hex` pairs
 * separated by commas (`sdn.csv=ab12...,add.csv=cd34...`) for lists of several files.
 */
function parseChecksums(key: string, value: string | null, names: readonly string[]) {
  const out = new Map<string, string>();
  if (value === null) return out;
  for (const part of value.split(',').map((item) => item.trim())) {
    if (part === '') continue;
    const [name, hex] = part.includes('=') ? part.split('=', 2) : [names[0], part];
    if (name === undefined || hex === undefined || !names.includes(name)) {
      throw new ValidationError(
        `${key}: unknown file '${name}' (expected ${names.join(', ')})`,
        key,
      );
    }
    if (!/^[0-9a-f]{64}$/iu.test(hex)) {
      throw new ValidationError(`${key}: '${hex}' is not a SHA-256 hex digest`, key);
    }
    out.set(name, hex.toLowerCase());
  }
  return out;
}

function listDownload(env: Env, source: OfficialList): ListDownload {
  const key = `SARGAS_URL_${source.toUpperCase()}`;
  let url = parseUrl(key, nonEmpty(env, key) ?? DEFAULT_URLS[source]);
  if (source === 'eu' && nonEmpty(env, key) === null) {
    url = new URL(url);
    url.searchParams.set('token', nonEmpty(env, 'SARGAS_EU_TOKEN') ?? DEFAULT_EU_TOKEN);
  }
  const files =
    source === 'ofac'
      ? OFAC_FILES.map((file) => ({ ...file, url: new URL(file.name, url).href }))
      : [{ name: LOCAL_NAMES[source], required: true, url: url.href }];
  const sumKey = `SARGAS_SHA256_${source.toUpperCase()}`;
  const sums = parseChecksums(
    sumKey,
    nonEmpty(env, sumKey),
    files.map((file) => file.name),
  );
  return Object.freeze({
    source,
    files: Object.freeze(
      files.map((file) => Object.freeze({ ...file, sha256: sums.get(file.name) ?? null })),
    ),
  });
}

/** The package root: the nearest folder above this module that holds `lists/manifest.json`. */
function defaultBundleDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'lists');
    if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return resolve('lists');
    dir = parent;
  }
}

/** A number in `[min, max]` from `key`, or null when unset. */
function numberIn(env: Env, key: string, min: number, max: number): number | null {
  const raw = nonEmpty(env, key);
  if (raw === null) return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ValidationError(`${key} must be a number from ${min} to ${max}, not '${raw}'`, key);
  }
  return value;
}

function integerIn(env: Env, key: string, min: number, max: number): number | null {
  const value = numberIn(env, key, min, max);
  if (value !== null && !Number.isInteger(value)) {
    throw new ValidationError(`${key} must be a whole number, not '${value}'`, key);
  }
  return value;
}

function vettingSettings(env: Env): VettingSettings {
  const file = (key: string) => {
    const path = nonEmpty(env, key);
    return path === null ? null : resolve(path);
  };
  return Object.freeze({
    slaPolicyFile: file('SARGAS_SLA_POLICY'),
    riskRulesFile: file('SARGAS_RISK_RULES'),
    qaSampleRate: numberIn(env, 'SARGAS_QA_SAMPLE_RATE', 0, 1),
    webhookSecret: nonEmpty(env, 'SARGAS_WEBHOOK_SECRET'),
    sessionHours: numberIn(env, 'SARGAS_SESSION_HOURS', 0.25, 24 * 30),
    loginMaxFailuresPerUser: integerIn(env, 'SARGAS_LOGIN_MAX_FAILURES', 1, 1000),
    loginMaxFailuresPerAddress: integerIn(env, 'SARGAS_LOGIN_MAX_FAILURES_PER_ADDRESS', 1, 100_000),
    loginWindowMinutes: numberIn(env, 'SARGAS_LOGIN_WINDOW_MINUTES', 1, 24 * 60),
  });
}

/** Reads the configuration from an environment (the process's own by default). */
export function loadConfig(env: Env = process.env): Config {
  const downloads = Object.fromEntries(
    OFFICIAL_LISTS.map((source) => [source, listDownload(env, source)]),
  ) as Record<OfficialList, ListDownload>;
  return Object.freeze({
    dataDir: resolve(nonEmpty(env, 'SARGAS_DATA_DIR') ?? './data'),
    databaseUrl: nonEmpty(env, 'DATABASE_URL'),
    bundleDir: resolve(nonEmpty(env, 'SARGAS_BUNDLE_DIR') ?? defaultBundleDir()),
    debug: ['1', 'true', 'yes'].includes((env.SARGAS_DEBUG ?? '').toLowerCase()),
    downloads: Object.freeze(downloads),
    vetting: vettingSettings(env),
  });
}
