-- Users, sessions and tokens. These tables are read by the authentication layer before a scope is
-- known, so they are not under row-level security; the routes that manage them check scope.
CREATE TABLE app_user (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.-]{1,64}$'),
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'analyst', 'display')),
  -- A region code, or '*' for everything.
  scope text NOT NULL CHECK (scope = '*' OR scope ~ '^[0-9]{6}([0-9]{6})?$'),
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_session (
  -- sha256 of the cookie value: a stolen database copy does not yield live sessions.
  id_hash text PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

CREATE TABLE api_token (
  id bigserial PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('personal', 'display')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  -- Display tokens carry their own scope; personal tokens take their user's.
  scope text CHECK (scope IS NULL OR scope = '*' OR scope ~ '^[0-9]{6}([0-9]{6})?$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

ALTER TABLE audit_log ADD COLUMN scope text NOT NULL DEFAULT '*';
ALTER TABLE import_batch ADD COLUMN scope text NOT NULL DEFAULT '*';

-- Region scope is enforced by the database: requests run as riskmap_app with the scope in a
-- transaction-local setting, and these policies hide and refuse everything outside the subtree.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'riskmap_app') THEN
    CREATE ROLE riskmap_app NOLOGIN;
  END IF;
  EXECUTE format('GRANT riskmap_app TO %I', current_user);
  EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO riskmap_app', current_database());
END $$;

GRANT USAGE ON SCHEMA public TO riskmap_app;
GRANT SELECT ON region, region_ancestor, township_part, indicator, indicator_lineage, catalog_version,
  rollup, event, indicator_value, import_batch, audit_log, app_meta TO riskmap_app;
GRANT INSERT, UPDATE ON event, indicator_value, import_batch TO riskmap_app;
GRANT INSERT ON audit_log TO riskmap_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO riskmap_app;

-- The regions in the current scope: the scope region and everything under it. It reads only
-- region_ancestor (every region has a depth-0 row there), never `region`, whose own policy calls it.
CREATE FUNCTION riskmap_scope_regions() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT descendant FROM region_ancestor
  WHERE ancestor = current_setting('riskmap.scope', true)
     OR (depth = 0 AND current_setting('riskmap.scope', true) = '*')
$$;

ALTER TABLE region ENABLE ROW LEVEL SECURITY;
CREATE POLICY region_scope ON region USING (code IN (SELECT riskmap_scope_regions()));
ALTER TABLE township_part ENABLE ROW LEVEL SECURITY;
CREATE POLICY township_part_scope ON township_part USING (township IN (SELECT riskmap_scope_regions()));
ALTER TABLE event ENABLE ROW LEVEL SECURITY;
CREATE POLICY event_scope ON event USING (township IN (SELECT riskmap_scope_regions()));
ALTER TABLE indicator_value ENABLE ROW LEVEL SECURITY;
CREATE POLICY indicator_value_scope ON indicator_value USING (region IN (SELECT riskmap_scope_regions()));
ALTER TABLE rollup ENABLE ROW LEVEL SECURITY;
CREATE POLICY rollup_scope ON rollup USING (region IN (SELECT riskmap_scope_regions()));
ALTER TABLE import_batch ENABLE ROW LEVEL SECURITY;
CREATE POLICY import_batch_scope ON import_batch
  USING (current_setting('riskmap.scope', true) = '*' OR scope IN (SELECT riskmap_scope_regions()));
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_log_read ON audit_log FOR SELECT
  USING (current_setting('riskmap.scope', true) = '*' OR scope IN (SELECT riskmap_scope_regions()));
CREATE POLICY audit_log_append ON audit_log FOR INSERT WITH CHECK (true);

-- The rollup is derived data: an import in a township scope must still update its district and
-- city rows, which that scope may not see. Rebuilding it is therefore a definer function.
CREATE FUNCTION refresh_rollup(months date[]) RETURNS void LANGUAGE sql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  DELETE FROM rollup WHERE month = ANY (months);
  INSERT INTO rollup (region, indicator, month, value)
  SELECT a.ancestor, b.indicator, b.month, sum(b.value)
  FROM (
    SELECT township AS region, indicator, month, count(*)::float8 AS value
    FROM event WHERE month = ANY (months)
    GROUP BY 1, 2, 3
    UNION ALL
    SELECT region, indicator, month, value
    FROM indicator_value WHERE month = ANY (months)
  ) b
  JOIN region_ancestor a ON a.descendant = b.region
  GROUP BY 1, 2, 3;
$$;
REVOKE ALL ON FUNCTION refresh_rollup(date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_rollup(date[]) TO riskmap_app;
