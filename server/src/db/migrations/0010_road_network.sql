-- Road network for network-based 1-3-5 reach (pgRouting pgr_drivingDistance), and demo units.
-- docs/road-network.md describes how to load roads; docs/response-units.md how reach uses them.
--
-- Plain SQL that also runs on the embedded database (PGlite has no pgRouting): the table exists
-- everywhere; the extension is created only where the server offers it and we may create it.
-- Without pgRouting or without edges near a unit, reach falls back to the speed buffers.
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pgrouting')
     AND NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'pgrouting') THEN
    BEGIN
      CREATE EXTENSION pgrouting;
    EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file THEN
      RAISE NOTICE 'pgrouting is available but could not be created (%): reach falls back to speeds', SQLERRM;
    END;
  END IF;
END
$$;

-- One directed road segment between two network nodes. Costs are seconds to traverse the edge
-- from source to target (cost_*) and back (reverse_*); NULL or negative means not passable that
-- way in that mode (a footpath has no drive cost, a one-way street no reverse drive cost).
CREATE TABLE road_edge (
  id bigint PRIMARY KEY,
  source bigint NOT NULL,
  target bigint NOT NULL,
  length_m float8 NOT NULL CHECK (length_m >= 0),
  cost_walk_s float8,
  reverse_walk_s float8,
  cost_drive_s float8,
  reverse_drive_s float8,
  -- OSM highway class (or any label) and street name, for people reading the table.
  highway text NOT NULL DEFAULT '',
  name text NOT NULL DEFAULT '',
  geom geometry(LineString, 4326) NOT NULL
);
CREATE INDEX road_edge_geom_idx ON road_edge USING gist (geom);
CREATE INDEX road_edge_source_idx ON road_edge (source);
CREATE INDEX road_edge_target_idx ON road_edge (target);

-- Roads are public infrastructure, not data of a region: every scope reads the whole network
-- (a unit near a township border drives across it). Only the owner (the CLI, an operator's load)
-- writes it, so no row-level security and no write grants.
GRANT SELECT ON road_edge TO riskmap_app;

-- Demo units are synthetic and say so (API output, UI label).
ALTER TABLE response_unit ADD COLUMN synthetic boolean NOT NULL DEFAULT false;
