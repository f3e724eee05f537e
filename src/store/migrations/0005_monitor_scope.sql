-- API keys may carry the scope `monitor`: the monitoring routes (subjects under watch,
-- re-screening jobs, alerts and analysts' decisions), which the screening scopes do not open.
ALTER TABLE api_keys DROP CONSTRAINT api_keys_scopes_check;
ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_check
  CHECK (
    cardinality(scopes) > 0
    AND scopes <@ ARRAY['match', 'search', 'monitor', 'admin']::text[]
  );
