-- Vetting: agencies, users and sessions, cases with their timeline, notes and evidence, the
-- service's own watchlist, the audit hash chain and the webhook outbox.
--
-- The domain enforces every rule first (vetting/case-status.ts, four-eyes.ts, access.ts); the
-- schema enforces the ones whose breach would be silent a second time, so that a bug or a
-- hand-written UPDATE cannot move a case along a forbidden edge, conclude without four eyes, or
-- rewrite the audit log.

-- The submitting authorities. A migration officer belongs to one and reads only its cases.
CREATE TABLE agencies (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9_-]*$'),
  name text NOT NULL CHECK (name <> ''),
  -- Where approved conclusions are POSTed; null: the agency pulls them.
  webhook_url text CHECK (webhook_url IS NULL OR webhook_url ~ '^https?://')
);

CREATE TABLE users (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL CONSTRAINT users_username_key UNIQUE
    CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  -- argon2id, PHC string format.
  password_hash text NOT NULL CHECK (password_hash LIKE '$argon2%'),
  roles text[] NOT NULL CHECK (
    cardinality(roles) > 0
    AND roles <@ ARRAY['migration_officer', 'analyst', 'supervisor', 'auditor', 'admin']::text[]
  ),
  agency text REFERENCES agencies (code),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  -- An officer without an agency could read nothing, or (through a bug) everything.
  CONSTRAINT users_officer_has_agency CHECK (NOT ('migration_officer' = ANY (roles)) OR agency IS NOT NULL)
);

-- Login sessions. Only the SHA-256 of the bearer token is stored: a copy of this table does not
-- let anyone act as the users in it.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id integer NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > created_at)
);

CREATE INDEX sessions_user ON sessions (user_id);

-- A key bound to a user acts as that user on /api/v1 (the migration authority's system).
ALTER TABLE api_keys ADD COLUMN user_id integer REFERENCES users (id);

-- The allowed status changes of a case: the same pairs as TRANSITIONS in vetting/case-status.ts
-- (a test compares them). The trigger below reads this table, so the pairs are written once here.
CREATE TABLE case_transitions (
  from_status text NOT NULL,
  to_status text NOT NULL,
  PRIMARY KEY (from_status, to_status)
);

INSERT INTO case_transitions (from_status, to_status) VALUES
  ('new', 'triaged'),
  ('triaged', 'in_review'),
  ('triaged', 'proposed'),
  ('in_review', 'proposed'),
  ('proposed', 'approved'),
  ('proposed', 'returned'),
  ('returned', 'in_review'),
  ('returned', 'proposed'),
  ('approved', 'delivered');

-- One assessment request is one case (same id): the conclusion the authority reads is, by
-- construction, the one that was approved.
CREATE TABLE cases (
  id uuid PRIMARY KEY,
  agency text NOT NULL REFERENCES agencies (code),
  external_id text NOT NULL CHECK (external_id <> ''),
  permit_type text NOT NULL,
  applicant jsonb NOT NULL,
  status text NOT NULL CHECK (
    status IN ('new', 'triaged', 'in_review', 'proposed', 'approved', 'returned', 'delivered')
  ),
  submitted_by text NOT NULL,
  submitted_at timestamptz NOT NULL,
  deadline timestamptz NOT NULL,
  triage jsonb,
  routing text CHECK (routing IN ('flagged', 'qa_sample', 'clean')),
  assignee_user_id integer REFERENCES users (id),
  proposal jsonb,
  approval jsonb,
  conclusion text CHECK (conclusion IN ('threat', 'no_objection')),
  concluded_at timestamptz,
  delivered_at timestamptz,
  revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
  -- Idempotent submission: an agency's external id names one case, however often it is sent.
  CONSTRAINT cases_agency_external_id_key UNIQUE (agency, external_id),
  CONSTRAINT cases_conclusion_when_concluded
    CHECK ((conclusion IS NOT NULL) = (status IN ('approved', 'delivered'))),
  CONSTRAINT cases_concluded_at CHECK ((concluded_at IS NOT NULL) = (conclusion IS NOT NULL)),
  CONSTRAINT cases_delivered_at CHECK ((delivered_at IS NOT NULL) = (status = 'delivered')),
  CONSTRAINT cases_triaged_with_routing CHECK ((triage IS NULL) = (routing IS NULL)),
  -- Four eyes, a second time: a concluded case carries an approving decision by someone other
  -- than the proposer, and the conclusion is the one proposed.
  CONSTRAINT cases_four_eyes CHECK (
    conclusion IS NULL OR (
      proposal ->> 'conclusion' = conclusion
      AND approval ->> 'decision' = 'approve'
      AND approval ->> 'decidedByUserId' IS NOT NULL
      AND approval ->> 'decidedByUserId' IS DISTINCT FROM proposal ->> 'proposedByUserId'
    )
  )
);

CREATE INDEX cases_status ON cases (status, submitted_at, id);
CREATE INDEX cases_submitted ON cases (submitted_at, id);
CREATE INDEX cases_open_deadline ON cases (deadline)
  WHERE status NOT IN ('approved', 'delivered');
CREATE INDEX cases_assignee ON cases (assignee_user_id, submitted_at, id)
  WHERE assignee_user_id IS NOT NULL;

CREATE FUNCTION cases_check_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM case_transitions WHERE from_status = OLD.status AND to_status = NEW.status
  ) THEN
    RAISE EXCEPTION 'case %: status cannot change from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER cases_check_transition
  BEFORE UPDATE OF status ON cases
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION cases_check_transition();

-- The case timeline: every state change, assignment, note and evidence.
CREATE TABLE case_events (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  at timestamptz NOT NULL,
  actor text NOT NULL CHECK (actor <> ''),
  kind text NOT NULL CHECK (kind <> ''),
  from_status text,
  to_status text,
  details jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE case_notes (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  author text NOT NULL,
  at timestamptz NOT NULL,
  text text NOT NULL CHECK (text <> '')
);

CREATE INDEX case_notes_case ON case_notes (case_id, id);

-- Intelligence attached to a case; never part of anything the migration authority receives.
CREATE TABLE case_evidence (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  added_by text NOT NULL,
  at timestamptz NOT NULL,
  title text NOT NULL CHECK (title <> ''),
  content text NOT NULL,
  classification text NOT NULL
    CHECK (classification IN ('unclassified', 'restricted', 'confidential', 'secret'))
);

CREATE INDEX case_evidence_case ON case_evidence (case_id, id);

-- The service's own designations. Deleted entries stay (deleted_at) so that an audit entry or a
-- triage hit naming `watchlist:<id>` can always be traced.
CREATE TABLE watchlist (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  schema text NOT NULL CHECK (schema IN ('Person', 'Organization')),
  names text[] NOT NULL CHECK (cardinality(names) > 0),
  birth_date text,
  countries text[] NOT NULL DEFAULT '{}',
  reason text NOT NULL CHECK (reason <> ''),
  classification text NOT NULL
    CHECK (classification IN ('unclassified', 'restricted', 'confidential', 'secret')),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz
);

-- One row: bumped by every write to the watchlist (statement trigger), in the writer's own
-- transaction, so a revision always names exactly the entries visible beside it. Triage records
-- it (`watchlist@<revision>`) and rebuilds its index only when it changed.
CREATE TABLE watchlist_revision (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  revision bigint NOT NULL CHECK (revision >= 0)
);

INSERT INTO watchlist_revision (singleton, revision) VALUES (true, 0);

CREATE FUNCTION watchlist_bump_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE watchlist_revision SET revision = revision + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER watchlist_bump_revision
  AFTER INSERT OR UPDATE OR DELETE ON watchlist
  FOR EACH STATEMENT EXECUTE FUNCTION watchlist_bump_revision();

-- The audit log: a hash chain over every state change and every read of a case.
-- `seq` is deliberately not an identity: the writer takes it as last + 1 under a lock (see
-- store/vetting-repository.ts appendAudit), so the numbers have no gaps and a gap always means a
-- deleted row; an identity would skip numbers on every rolled-back transaction.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  at timestamptz NOT NULL,
  actor text NOT NULL CHECK (actor <> ''),
  action text NOT NULL CHECK (action <> ''),
  object_type text NOT NULL,
  object_id text NOT NULL,
  details jsonb NOT NULL,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

CREATE INDEX audit_log_object ON audit_log (object_type, object_id, seq);

-- The last entry's seq and hash, updated in the same transaction as each append. Without it,
-- deleting the newest entries would leave a shorter chain that still verifies.
CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  seq bigint NOT NULL CHECK (seq >= 0),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
);

INSERT INTO audit_head (singleton, seq, hash)
VALUES (true, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only for everyone, the table's owner included (works on PGlite too). Only a superuser
-- who disables the trigger can rewrite history, and the hash chain then shows where.
CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% rejected)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- The head only moves forward, one entry per append, and never disappears: rewinding it would
-- hide deleted entries at the end of the log.
CREATE FUNCTION audit_head_forward_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.seq <> OLD.seq + 1 THEN
    RAISE EXCEPTION 'audit_head only advances by one entry (% rejected)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_head_forward_only
  BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();

CREATE TRIGGER audit_head_no_truncate
  BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_head_forward_only();

-- The webhook outbox: one row per approved conclusion of an agency with a webhook URL.
CREATE TABLE deliveries (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  agency text NOT NULL REFERENCES agencies (code),
  url text NOT NULL,
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  delivered_at timestamptz,
  -- Set when the attempts ran out; the agency can still pull the conclusion.
  gave_up_at timestamptz,
  CHECK (delivered_at IS NULL OR gave_up_at IS NULL)
);

CREATE INDEX deliveries_due ON deliveries (next_attempt_at)
  WHERE delivered_at IS NULL AND gave_up_at IS NULL;

-- The application's role. Production runs migrations as the schema owner and the server as a
-- LOGIN role that is a member of sargas_app, e.g.
--   CREATE ROLE sargas_web LOGIN PASSWORD '...' IN ROLE sargas_app;
-- That role can read and write the workflow's tables but only SELECT and INSERT the audit log:
-- even with the trigger disabled it cannot change or remove an entry. Roles are cluster-wide,
-- hence the guard (and the handler, for two databases migrating at the same moment). PGlite
-- accepts and enforces the same statements, so both drivers run this file unchanged.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sargas_app') THEN
    CREATE ROLE sargas_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END;
$$;

GRANT USAGE ON SCHEMA public TO sargas_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sargas_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sargas_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM sargas_app;
REVOKE DELETE, TRUNCATE ON audit_head FROM sargas_app;
-- The allowed transitions are part of the schema, not data the application may change.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON case_transitions FROM sargas_app;
-- Tables later migrations create get the same rights; one that must be append-only revokes them
-- as audit_log does above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sargas_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sargas_app;
