-- Composite risk index (issue 7 §2): the admin-set weights, one row per scope root ('*' for the
-- whole system, or a district or township code). A request uses the row of its own scope, else the
-- nearest ancestor's, else '*', else the defaults of riskIndexConfigSchema (no row at all). The
-- jsonb is re-validated by that schema on every read, so an out-of-date row cannot slip through.
CREATE TABLE risk_index_config (
  id bigserial PRIMARY KEY,
  scope text NOT NULL UNIQUE CHECK (scope = '*' OR scope ~ '^[0-9]{6}([0-9]{6})?$'),
  config jsonb NOT NULL CHECK (jsonb_typeof(config) = 'object'),
  -- Optimistic concurrency: a write names the version it read.
  version integer NOT NULL CHECK (version >= 1),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT, UPDATE ON risk_index_config TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE risk_index_config_id_seq TO riskmap_app;

ALTER TABLE risk_index_config ENABLE ROW LEVEL SECURITY;
-- Readable: the global row, rows in the scope, and rows of the scope's ancestors (the configuration
-- a township inherits from its district). Writable: only the row of the writer's own scope.
CREATE POLICY risk_index_config_read ON risk_index_config FOR SELECT USING (
  scope = '*'
  OR scope IN (SELECT riskmap_scope_regions())
  OR scope IN (SELECT ancestor FROM region_ancestor WHERE descendant = current_setting('riskmap.scope', true))
);
CREATE POLICY risk_index_config_insert ON risk_index_config FOR INSERT
  WITH CHECK (scope = current_setting('riskmap.scope', true));
CREATE POLICY risk_index_config_update ON risk_index_config FOR UPDATE
  USING (scope = current_setting('riskmap.scope', true))
  WITH CHECK (scope = current_setting('riskmap.scope', true));

-- The index normalises every region against one fixed reference: every region of the level in the
-- database, month by month. A region's index must not depend on who asks, so the reference is read
-- past row-level security here; the route returns only aggregates of it (min–max bounds), never
-- another region's values. Sub-class codes are mapped to the index's leaves by the caller's arrays
-- (the catalog with its lineage lives in the server).
CREATE FUNCTION risk_index_reference(p_level text, p_from date, p_to date, p_codes text[], p_leaves text[])
RETURNS TABLE (region text, population integer, leaf text, month date, value double precision)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  WITH leaf_of AS (SELECT * FROM unnest(p_codes, p_leaves) AS m (code, leaf)),
  counts AS (
    SELECT u.region, l.leaf, u.month, sum(u.value) AS value
    FROM rollup u JOIN leaf_of l ON l.code = u.indicator
    WHERE u.month BETWEEN p_from AND p_to
    GROUP BY 1, 2, 3
  )
  -- Every region of the level, with a row of nulls when it has no counts in the window.
  SELECT r.code, r.population, c.leaf, c.month, c.value
  FROM region r LEFT JOIN counts c ON c.region = r.code
  WHERE r.level = p_level
$$;
REVOKE ALL ON FUNCTION risk_index_reference(text, date, date, text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION risk_index_reference(text, date, date, text[], text[]) TO riskmap_app;

-- The months the rollup holds anywhere: inside them a month without a row is a zero, outside them
-- there is no data. Scope-independent for the same reason as the reference.
CREATE FUNCTION risk_index_data_months() RETURNS TABLE (first date, last date)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT min(month), max(month) FROM rollup
$$;
REVOKE ALL ON FUNCTION risk_index_data_months() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION risk_index_data_months() TO riskmap_app;
