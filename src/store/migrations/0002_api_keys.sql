-- API keys for the HTTP API. Only a SHA-256 of each key is stored: keys are 256-bit random
-- strings, not passwords, so a fast hash is enough (nothing to brute-force) and lets a request be
-- checked with one indexed lookup instead of a slow password hash per call.
CREATE TABLE api_keys (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (name <> ''),
  -- The key's first characters, shown in listings so an operator can tell keys apart.
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  scopes text[] NOT NULL
    CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['match', 'search', 'admin']::text[]),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
