-- Patrol zones and routes (巡逻区域与路线): street beats, back alleys, garages and warehouses as
-- polygons or lines, and drone night routes as lines, with the team and its shifts.
-- docs/patrol-zones.md describes the fields, the region rule and the heatmap.
CREATE TABLE patrol_zone (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('street', 'back_alley', 'garage_warehouse', 'drone_night_route')),
  team text NOT NULL DEFAULT '' CHECK (length(team) <= 200),
  -- [{ "days"?: [1..7], "start": "HH:MM", "end": "HH:MM" }]: the duty windows of
  -- server/src/analysis/duty-windows.ts (Asia/Shanghai, end exclusive, end <= start runs past
  -- midnight), checked and refused when they overlap by the route. Empty: no shift scheduled.
  shifts jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(shifts) = 'array' AND jsonb_array_length(shifts) <= 50),
  geom geometry(Geometry, 4326) NOT NULL
    CHECK (GeometryType(geom) IN ('POLYGON', 'LINESTRING') AND ST_IsValid(geom)),
  CHECK (type <> 'drone_night_route' OR GeometryType(geom) = 'LINESTRING'),
  -- The township the geometry lies in, or the lowest region holding every township it crosses
  -- (its district, or its city): the scope policy uses it.
  region text NOT NULL REFERENCES region (code),
  synthetic boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Optimistic concurrency: every edit and delete names the version it read.
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX patrol_zone_region_idx ON patrol_zone (region);
CREATE INDEX patrol_zone_geom_idx ON patrol_zone USING gist (geom);

GRANT SELECT, INSERT, UPDATE, DELETE ON patrol_zone TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE patrol_zone_id_seq TO riskmap_app;

ALTER TABLE patrol_zone ENABLE ROW LEVEL SECURITY;
CREATE POLICY patrol_zone_scope ON patrol_zone USING (region IN (SELECT riskmap_scope_regions()));
