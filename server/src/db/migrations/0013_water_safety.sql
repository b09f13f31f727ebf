-- Drowning prevention (防溺水): dangerous water (rivers, reservoirs, ponds), the assets along it
-- (warning signs, fences, rescue equipment, guard posts) and drone inspection routes.
-- docs/drowning-prevention.md describes the fields, the calendar and the shoreline coverage.

-- A river crosses several townships and leaves the loaded land (the far bank of the Yangtze is in
-- 巴南区, which is not loaded), so "the township holding its point on surface" does not place it.
-- Each feature keeps every township it touches (`townships`, for reading: a township's staff see
-- the river along their bank) and the lowest region covering all of them (`region`, for writing:
-- only a scope holding every touched township may change it). This runs with the owner's rights
-- because a scoped caller cannot see the neighbouring townships it must detect; it returns codes only.
CREATE FUNCTION water_placement(g geometry) RETURNS TABLE (region text, townships text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH t AS (SELECT DISTINCT tp.township FROM township_part tp WHERE ST_Intersects(tp.geom, g))
  SELECT
    (SELECT a.ancestor FROM region_ancestor a WHERE a.descendant IN (SELECT township FROM t)
     GROUP BY a.ancestor HAVING count(*) = (SELECT count(*) FROM t) ORDER BY min(a.depth) LIMIT 1),
    (SELECT coalesce(array_agg(township ORDER BY township), '{}') FROM t)
$$;
REVOKE ALL ON FUNCTION water_placement(geometry) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION water_placement(geometry) TO riskmap_app;

CREATE TABLE water_zone (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('river', 'reservoir', 'pond')),
  -- 1 low, 2 medium, 3 high.
  danger smallint NOT NULL CHECK (danger BETWEEN 1 AND 3),
  -- Drawn by hand or traced roughly (the demo's Yangtze channel): shown dashed and labelled.
  approximate boolean NOT NULL DEFAULT false,
  source_note text NOT NULL DEFAULT '' CHECK (length(source_note) <= 1000),
  synthetic boolean NOT NULL DEFAULT false,
  geom geometry(Geometry, 4326) NOT NULL
    CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON') AND ST_IsValid(geom)),
  region text NOT NULL REFERENCES region (code),
  townships text[] NOT NULL,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX water_zone_geom_idx ON water_zone USING gist (geom);
CREATE INDEX water_zone_townships_idx ON water_zone USING gin (townships);

CREATE TABLE water_asset (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('warning_sign', 'fence', 'rescue_equipment', 'guard_post')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  synthetic boolean NOT NULL DEFAULT false,
  geom geometry(Point, 4326) NOT NULL,
  region text NOT NULL REFERENCES region (code),
  townships text[] NOT NULL,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX water_asset_geom_idx ON water_asset USING gist (geom);
CREATE INDEX water_asset_townships_idx ON water_asset USING gin (townships);

CREATE TABLE drone_route (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  drone text NOT NULL DEFAULT '' CHECK (length(drone) <= 200),
  -- The drone's flight length on one battery, metres. The route's geodesic length may not exceed it.
  max_flight_m integer NOT NULL CHECK (max_flight_m BETWEEN 100 AND 200000),
  synthetic boolean NOT NULL DEFAULT false,
  geom geometry(LineString, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  region text NOT NULL REFERENCES region (code),
  townships text[] NOT NULL,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (ST_Length(geom::geography) <= max_flight_m)
);
CREATE INDEX drone_route_geom_idx ON drone_route USING gist (geom);
CREATE INDEX drone_route_townships_idx ON drone_route USING gin (townships);

GRANT SELECT, INSERT, UPDATE, DELETE ON water_zone, water_asset, drone_route TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE water_zone_id_seq, water_asset_id_seq, drone_route_id_seq TO riskmap_app;

-- Read: any touched township in scope. Write (and lock): the covering region in scope.
ALTER TABLE water_zone ENABLE ROW LEVEL SECURITY;
CREATE POLICY water_zone_read ON water_zone FOR SELECT USING (townships && ARRAY(SELECT riskmap_scope_regions()));
CREATE POLICY water_zone_write ON water_zone USING (region IN (SELECT riskmap_scope_regions()));
ALTER TABLE water_asset ENABLE ROW LEVEL SECURITY;
CREATE POLICY water_asset_read ON water_asset FOR SELECT USING (townships && ARRAY(SELECT riskmap_scope_regions()));
CREATE POLICY water_asset_write ON water_asset USING (region IN (SELECT riskmap_scope_regions()));
ALTER TABLE drone_route ENABLE ROW LEVEL SECURITY;
CREATE POLICY drone_route_read ON drone_route FOR SELECT USING (townships && ARRAY(SELECT riskmap_scope_regions()));
CREATE POLICY drone_route_write ON drone_route USING (region IN (SELECT riskmap_scope_regions()));
