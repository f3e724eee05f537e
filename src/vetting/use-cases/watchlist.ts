/**
 * The service's own watchlist: persons and organisations it designates, with the reason and a
 * classification level. Supervisors write, analysts and supervisors read. The audit log records
 * which entry changed and its classification, never its names or reason: the log is read by
 * auditors, who need not be cleared for the designations themselves.
 */
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { requirePermission } from '../access.js';
import {
  type Actor,
  actorRef,
  isClassification,
  type WatchlistEntry,
  type WatchlistInput,
} from '../types.js';
import { nowIso, trimmed, type UseCaseDeps } from './context.js';

const MAX_NAMES = 50;
const MAX_TEXT = 500;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/u;
const COUNTRY = /^[A-Z]{2}$/u;

export async function listWatchlist(deps: UseCaseDeps, actor: Actor): Promise<WatchlistEntry[]> {
  requirePermission(actor, 'watchlist.read');
  return deps.store.listWatchlist();
}

export async function createWatchlistEntry(
  deps: UseCaseDeps,
  actor: Actor,
  input: WatchlistInput,
): Promise<WatchlistEntry> {
  requirePermission(actor, 'watchlist.write');
  const clean = checkWatchlistInput(input);
  const at = nowIso(deps);
  const by = actorRef(actor);
  return deps.store.transaction(async (tx) => {
    const entry = await tx.insertWatchlist(clean, by, at);
    await tx.appendAudit(
      {
        actor: by,
        action: 'watchlist.created',
        objectType: 'watchlist',
        objectId: String(entry.id),
        details: { classification: entry.classification },
      },
      at,
    );
    return entry;
  });
}

export async function updateWatchlistEntry(
  deps: UseCaseDeps,
  actor: Actor,
  id: number,
  input: WatchlistInput,
): Promise<WatchlistEntry> {
  requirePermission(actor, 'watchlist.write');
  const clean = checkWatchlistInput(input);
  const at = nowIso(deps);
  const by = actorRef(actor);
  return deps.store.transaction(async (tx) => {
    const before = await tx.watchlistEntry(id);
    const entry = await tx.updateWatchlist(id, clean, at);
    if (before === null || entry === null) {
      throw new NotFoundError(`watchlist entry ${id} not found`, { id });
    }
    await tx.appendAudit(
      {
        actor: by,
        action: 'watchlist.updated',
        objectType: 'watchlist',
        objectId: String(id),
        details: {
          classification: entry.classification,
          previousClassification: before.classification,
        },
      },
      at,
    );
    return entry;
  });
}

export async function deleteWatchlistEntry(
  deps: UseCaseDeps,
  actor: Actor,
  id: number,
): Promise<void> {
  requirePermission(actor, 'watchlist.write');
  const at = nowIso(deps);
  const by = actorRef(actor);
  await deps.store.transaction(async (tx) => {
    const before = await tx.watchlistEntry(id);
    if (before === null || !(await tx.deleteWatchlist(id, at))) {
      throw new NotFoundError(`watchlist entry ${id} not found`, { id });
    }
    await tx.appendAudit(
      {
        actor: by,
        action: 'watchlist.deleted',
        objectType: 'watchlist',
        objectId: String(id),
        details: { classification: before.classification },
      },
      at,
    );
  });
}

/** Validates an entry field by field (`names.1`, `countries.0`); returns it trimmed. */
export function checkWatchlistInput(input: WatchlistInput): WatchlistInput {
  if (typeof input !== 'object' || input === null) {
    throw new ValidationError('a watchlist entry must be an object');
  }
  if (input.schema !== 'Person' && input.schema !== 'Organization') {
    throw new ValidationError(`schema must be 'Person' or 'Organization'`, 'schema');
  }
  if (!Array.isArray(input.names) || input.names.length === 0 || input.names.length > MAX_NAMES) {
    throw new ValidationError(`an entry needs 1 to ${MAX_NAMES} names`, 'names');
  }
  const names = input.names.map((name, index) => {
    const text = trimmed(name);
    if (text === null || text.length > MAX_TEXT) {
      throw new ValidationError(`a name is 1 to ${MAX_TEXT} characters`, `names.${index}`);
    }
    return text;
  });
  const birthDate = input.birthDate ?? null;
  if (birthDate !== null && (typeof birthDate !== 'string' || !PARTIAL_DATE.test(birthDate))) {
    throw new ValidationError('birth date is YYYY, YYYY-MM or YYYY-MM-DD', 'birth_date');
  }
  if (birthDate !== null && input.schema !== 'Person') {
    throw new ValidationError('only a person has a birth date', 'birth_date');
  }
  const countries = input.countries ?? [];
  if (!Array.isArray(countries)) throw new ValidationError('countries is a list', 'countries');
  countries.forEach((country, index) => {
    if (typeof country !== 'string' || !COUNTRY.test(country)) {
      throw new ValidationError(
        'a country is an ISO 3166-1 alpha-2 code in capitals',
        `countries.${index}`,
      );
    }
  });
  const reason = trimmed(input.reason);
  if (reason === null || reason.length > MAX_TEXT * 4) {
    throw new ValidationError('an entry needs the reason for its designation', 'reason');
  }
  if (typeof input.classification !== 'string' || !isClassification(input.classification)) {
    throw new ValidationError(
      `unknown classification '${String(input.classification)}'`,
      'classification',
    );
  }
  return {
    schema: input.schema,
    names: [...new Set(names)],
    birthDate,
    countries: [...new Set(countries)],
    reason,
    classification: input.classification,
  };
}
