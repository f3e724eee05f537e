import { ConflictError } from '../shared/errors.js';
import { type Db, sqlState, UNIQUE_VIOLATION } from './db.js';

/** One stored API key. The key itself is never stored, only its SHA-256 (`keyHash`). */
export interface ApiKeyRecord {
  readonly id: number;
  readonly name: string;
  /** The first characters of the key, for listings. */
  readonly prefix: string;
  readonly keyHash: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
  /** The vetting user the key acts as on `/api/v1`, or null. */
  readonly userId: number | null;
}

export interface NewApiKey {
  readonly name: string;
  readonly prefix: string;
  readonly keyHash: string;
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly userId?: number | null;
}

interface ApiKeyRow {
  id: number;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_at: Date | string;
  revoked_at: Date | string | null;
  user_id: number | null;
}

const COLUMNS = 'id, name, prefix, key_hash, scopes, created_at, revoked_at, user_id';

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function rowToKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    keyHash: row.key_hash,
    scopes: [...row.scopes],
    createdAt: iso(row.created_at),
    revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
    userId: row.user_id,
  };
}

/** API keys on the `Db` port (same SQL on PGlite and PostgreSQL). */
export class ApiKeyRepository {
  constructor(private readonly db: Db) {}

  async insert(key: NewApiKey): Promise<ApiKeyRecord> {
    try {
      const rows = await this.db.query<ApiKeyRow>(
        `INSERT INTO api_keys (name, prefix, key_hash, scopes, created_at, user_id)
         VALUES ($1, $2, $3, $4::text[], $5, $6) RETURNING ${COLUMNS}`,
        [key.name, key.prefix, key.keyHash, [...key.scopes], key.createdAt, key.userId ?? null],
      );
      return rowToKey(rows[0]!);
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) {
        throw new ConflictError('an API key with this hash exists already');
      }
      throw error;
    }
  }

  /** The key with this hash, unless it was revoked. */
  async findActiveByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    const rows = await this.db.query<ApiKeyRow>(
      `SELECT ${COLUMNS} FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [keyHash],
    );
    return rows[0] ? rowToKey(rows[0]) : null;
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = await this.db.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_keys ORDER BY id`);
    return rows.map(rowToKey);
  }

  /** Revokes a key; returns false when no active key has this id. */
  async revoke(id: number, at: string): Promise<boolean> {
    const rows = await this.db.query<{ id: number }>(
      'UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id, at],
    );
    return rows.length > 0;
  }
}
