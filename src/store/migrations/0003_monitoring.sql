-- Monitoring: subjects under watch, alerts on (subject, list entity) pairs, their append-only
-- history, and re-screening jobs with their progress.

CREATE TABLE monitored_subjects (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The caller's own id (the `id` column of the subjects CSV): a re-import upserts by it.
  external_id text NOT NULL CONSTRAINT monitored_subjects_external_id_key UNIQUE,
  schema text NOT NULL,
  name text NOT NULL,
  birth_date text,
  nationality text,
  id_number text,
  -- SHA-256 of the fields above: a re-import that changes nothing writes nothing.
  content_hash text NOT NULL,
  -- Lookup keys of the subject's names (see screening/monitor/match-keys.ts). A delta re-screen
  -- reads only these to choose the subjects sharing a key with the changed list entities, instead
  -- of preparing every subject again. The intersection is done in the application: measured on
  -- PGlite, `&&` against the thousands of keys of a large delta is a slow sequential scan.
  match_keys text[] NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- One row per (subject, list entity) pair: its current state. What happened to it over time is in
-- alert_decisions.
CREATE TABLE monitoring_alerts (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_id integer NOT NULL REFERENCES monitored_subjects (id),
  entity_id text COLLATE "C" NOT NULL,
  entity_caption text NOT NULL,
  source text NOT NULL,
  version_id integer NOT NULL REFERENCES list_versions (id),
  score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  explanation jsonb NOT NULL,
  -- Entity.contentHash when raised or last refreshed: a decision holds until this changes.
  entity_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'confirmed', 'dismissed', 'list_removed')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT monitoring_alerts_pair_key UNIQUE (subject_id, entity_id)
);

CREATE INDEX monitoring_alerts_status ON monitoring_alerts (status, id);
CREATE INDEX monitoring_alerts_entity ON monitoring_alerts (source, entity_id) WHERE status = 'open';

-- Every change of an alert, by whom, when and why. Append-only: a trigger rejects UPDATE and
-- DELETE (it works on PGlite too), so the history cannot be rewritten through the app.
CREATE TABLE alert_decisions (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id integer NOT NULL REFERENCES monitoring_alerts (id),
  action text NOT NULL
    CHECK (action IN ('raised', 'refreshed', 'reopened', 'list_removed', 'confirmed', 'dismissed')),
  from_status text,
  to_status text NOT NULL,
  actor text NOT NULL CHECK (actor <> ''),
  reason text,
  entity_hash text NOT NULL,
  version_id integer NOT NULL,
  decided_at timestamptz NOT NULL,
  -- An analyst's decision always says why.
  CHECK (action NOT IN ('confirmed', 'dismissed') OR coalesce(reason, '') <> '')
);

CREATE INDEX alert_decisions_alert ON alert_decisions (alert_id, id);

CREATE FUNCTION alert_decisions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'alert_decisions is append-only (% rejected)', TG_OP;
END;
$$;

CREATE TRIGGER alert_decisions_append_only
  BEFORE UPDATE OR DELETE ON alert_decisions
  FOR EACH ROW EXECUTE FUNCTION alert_decisions_append_only();

-- Re-screening jobs. On PostgreSQL pg-boss queues and delivers them (its own schema `pgboss`);
-- this row is the progress any process can read, on both drivers.
CREATE TABLE rescreen_jobs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('delta', 'full')),
  source text,
  version_id integer REFERENCES list_versions (id),
  state text NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed')),
  processed integer NOT NULL DEFAULT 0 CHECK (processed >= 0),
  total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
  alerts_raised integer NOT NULL DEFAULT 0,
  alerts_closed integer NOT NULL DEFAULT 0,
  requested_by text NOT NULL,
  -- pg-boss's job id, for tracing a row to the queue.
  queue_job_id text,
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  error text,
  CHECK (kind = 'full' OR version_id IS NOT NULL)
);

CREATE INDEX rescreen_jobs_unfinished ON rescreen_jobs (id) WHERE state IN ('queued', 'running');
