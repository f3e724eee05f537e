-- Sanctions lists: every import is a version; entities are stored once per distinct record.

-- One import of one list. A version is written with current = false and flipped to current in the
-- same transaction as its last entity, so a crash leaves the previous version current.
CREATE TABLE list_versions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL CHECK (source ~ '^[a-z0-9][a-z0-9_-]*$'),
  format text NOT NULL,
  -- SHA-256 over the files' own SHA-256s: identical files never make a second version.
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  files jsonb NOT NULL,
  -- As the file declares it (a date or a date-time), hence text.
  published_at text,
  imported_at timestamptz NOT NULL,
  entity_count integer NOT NULL DEFAULT 0 CHECK (entity_count >= 0),
  counts_by_schema jsonb NOT NULL DEFAULT '{}',
  name_count integer NOT NULL DEFAULT 0 CHECK (name_count >= 0),
  warnings jsonb NOT NULL DEFAULT '[]',
  current boolean NOT NULL DEFAULT false,
  CONSTRAINT list_versions_source_sha256_key UNIQUE (source, sha256)
);

-- At most one current version per list.
CREATE UNIQUE INDEX list_versions_one_current ON list_versions (source) WHERE current;

-- An entity's stored form (the whole entity except where in the file it was found), keyed by the
-- SHA-256 of that form. An entity unchanged between two versions is stored once.
CREATE TABLE entity_records (
  record_hash text PRIMARY KEY,
  schema text NOT NULL,
  caption text NOT NULL,
  data jsonb NOT NULL
);

-- Which entities a version holds. `content_hash` is `Entity.contentHash` (order-insensitive), so a
-- diff between two versions is a join on entity_id comparing content_hash.
CREATE TABLE version_entities (
  version_id integer NOT NULL REFERENCES list_versions (id) ON DELETE CASCADE,
  -- "C" collation: the same id order on every server, and keyset paging that matches ORDER BY.
  entity_id text COLLATE "C" NOT NULL,
  content_hash text NOT NULL,
  record_hash text NOT NULL REFERENCES entity_records (record_hash),
  -- File and element/line of this entity in this version's files.
  source jsonb NOT NULL,
  PRIMARY KEY (version_id, entity_id)
);
