-- Administrative regions: city → district (county level) → township.
CREATE TABLE region (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$' OR code ~ '^[0-9]{12}$'),
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'district', 'township')),
  parent text REFERENCES region (code),
  population integer CHECK (population >= 0),
  population_synthetic boolean NOT NULL DEFAULT false,
  area_km2 double precision,
  approximate boolean NOT NULL DEFAULT false,
  source text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  -- Simplified once at import with shared borders kept shared; never simplified per request.
  geom_display geometry(MultiPolygon, 4326) NOT NULL,
  CHECK ((level = 'city') = (parent IS NULL))
);
CREATE INDEX region_geom_idx ON region USING gist (geom);
CREATE INDEX region_parent_idx ON region (parent, level);

-- Every region with itself and each ancestor, so a rollup reaches every level in one join.
CREATE TABLE region_ancestor (
  descendant text NOT NULL REFERENCES region (code) ON DELETE CASCADE,
  ancestor text NOT NULL REFERENCES region (code) ON DELETE CASCADE,
  depth integer NOT NULL,
  PRIMARY KEY (descendant, ancestor)
);
CREATE INDEX region_ancestor_ancestor_idx ON region_ancestor (ancestor);

-- Townships cut into small pieces: point-in-polygon against ~1k-vertex polygons is slow,
-- against subdivided parts with a GiST index it is fast (METHODS.md: 7.6 s → 1–2 s for 1M points).
CREATE TABLE township_part (
  township text NOT NULL REFERENCES region (code) ON DELETE CASCADE,
  geom geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX township_part_geom_idx ON township_part USING gist (geom);
