-- Wall display (大屏) playlists: scenes and KPI tiles edited by admins, opened by a display token.
-- docs/wall-display.md describes the fields; the route checks layer, indicator and region codes
-- against the catalog and the scope (the catalog can re-code indicators, so no foreign keys there).
CREATE TABLE wall_playlist (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  interval_s integer NOT NULL DEFAULT 30 CHECK (interval_s BETWEEN 5 AND 3600),
  -- The playlist's root region: the scope policy uses it, scenes default to it.
  region text NOT NULL REFERENCES region (code),
  kpis jsonb NOT NULL CHECK (jsonb_typeof(kpis) = 'array' AND jsonb_array_length(kpis) BETWEEN 1 AND 8),
  scenes jsonb NOT NULL CHECK (jsonb_typeof(scenes) = 'array' AND jsonb_array_length(scenes) BETWEEN 1 AND 20),
  synthetic boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Optimistic concurrency: every edit and delete names the version it read.
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX wall_playlist_region_idx ON wall_playlist (region);

GRANT SELECT, INSERT, UPDATE, DELETE ON wall_playlist TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE wall_playlist_id_seq TO riskmap_app;

ALTER TABLE wall_playlist ENABLE ROW LEVEL SECURITY;
CREATE POLICY wall_playlist_scope ON wall_playlist USING (region IN (SELECT riskmap_scope_regions()));

-- The data version every wall compares: the latest import id. import_batch is under RLS by the
-- importer's scope, so a township wall would not see a city-wide import's id; this number alone
-- reveals nothing else, hence a definer function.
CREATE FUNCTION wall_data_version() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT coalesce(max(id), 0) FROM import_batch
$$;
REVOKE ALL ON FUNCTION wall_data_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION wall_data_version() TO riskmap_app;
