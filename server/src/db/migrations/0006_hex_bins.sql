-- Hexagon bins for hot spot analysis and the map's hex layer, maintained at import.
--
-- Each city has one planar frame: the UTM zone (north) of its polygon's centroid. Its districts
-- and townships use the same zone, so any study region has a single frame in metres.
-- A definer function because township scopes cannot see their city row; it reveals only a zone.
CREATE FUNCTION region_srid(code text) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT 32600 + floor((ST_X(ST_Centroid(r.geom)) + 180) / 6)::int + 1
  FROM region_ancestor a JOIN region r ON r.code = a.ancestor
  WHERE a.descendant = $1 AND r.level = 'city'
$$;
GRANT EXECUTE ON FUNCTION region_srid(text) TO riskmap_app;

-- Events per hexagon, township, sub-class and month. Cells follow ST_HexagonGrid(size, …) with its
-- origin at (0, 0) of the zone: `size` is the edge length in metres (250, 500, 1000), the centre of
-- cell (i, j) is (1.5·size·i, √3·size·(j + ½·(|i| mod 2))). No cell geometry is stored: storing
-- every cell of a city took minutes (docs/hotspots.md); the requests lay cells out in JS.
CREATE TABLE hex_count (
  size integer NOT NULL CHECK (size IN (250, 500, 1000)),
  srid integer NOT NULL,
  i integer NOT NULL,
  j integer NOT NULL,
  township text NOT NULL,
  indicator text NOT NULL,
  month date NOT NULL,
  n integer NOT NULL CHECK (n > 0),
  -- Month first: an import deletes and re-inserts whole months, so its rows go in at one end of
  -- the index in key order (a second index and a cell-first key made a 1M import 4x slower), and
  -- a request reads a month range of one size for a few townships.
  PRIMARY KEY (month, size, township, indicator, srid, i, j)
);

GRANT SELECT ON hex_count TO riskmap_app;
ALTER TABLE hex_count ENABLE ROW LEVEL SECURITY;
CREATE POLICY hex_count_scope ON hex_count USING (township IN (SELECT riskmap_scope_regions()));

-- Rebuilds the given months at all three sizes. One ST_Transform per event (into its city's zone)
-- and the cell index by arithmetic: the hexagon containing a point is the one whose centre is
-- nearest, and that centre lies in column floor(x / 1.5·size) or the next one, at the rounded row.
-- server/src/analysis/hex-grid.ts does the same arithmetic in JS; a test checks both against
-- ST_HexagonGrid. A definer function for the same reason as refresh_rollup. JIT off: the row
-- estimates make PostgreSQL compile the arithmetic, which cost 3x the query itself (121k events:
-- 12 s with JIT, 4 s without, on 2 loaded cores).
CREATE FUNCTION refresh_hex_counts(months date[]) RETURNS void LANGUAGE sql SECURITY DEFINER
SET search_path = public, pg_temp SET jit = off AS $$
  DELETE FROM hex_count WHERE month = ANY (months);
  -- MATERIALIZED, because inlined CTEs would repeat the zone lookup and the transform in every
  -- expression that uses x and y (seen in EXPLAIN: tens of calls per event).
  WITH zone AS MATERIALIZED (
    SELECT t.code AS township, region_srid(t.code) AS srid FROM region t WHERE t.level = 'township'
  ),
  pt AS MATERIALIZED (
    SELECT e.township, e.indicator, e.month, z.srid, ST_X(g) AS x, ST_Y(g) AS y
    FROM event e JOIN zone z ON z.township = e.township
    CROSS JOIN LATERAL ST_Transform(e.geom, z.srid) g
    WHERE e.month = ANY (months)
  ),
  xy AS (
    SELECT pt.*, s.size, 2 * 0.8660254037844387::float8 * s.size AS h, floor(x / (1.5::float8 * s.size))::int AS i0
    FROM pt CROSS JOIN (VALUES (250), (500), (1000)) s (size)
  ),
  -- Column i0 and i0 + 1 have opposite parities; odd columns are shifted up by half a row.
  cand AS (
    SELECT *, abs(i0) % 2 AS odd0,
           floor((y - 0.5::float8 * h * (abs(i0) % 2)) / h + 0.5)::int AS j0,
           floor((y - 0.5::float8 * h * (1 - abs(i0) % 2)) / h + 0.5)::int AS j1
    FROM xy
  ),
  dist AS (
    SELECT *,
      (x - 1.5::float8 * size * i0) ^ 2 + (y - h * (j0 + 0.5::float8 * odd0)) ^ 2 AS d0,
      (x - 1.5::float8 * size * (i0 + 1)) ^ 2 + (y - h * (j1 + 0.5::float8 * (1 - odd0))) ^ 2 AS d1
    FROM cand
  )
  INSERT INTO hex_count (month, size, township, indicator, srid, i, j, n)
  SELECT month, size, township, indicator, srid,
         CASE WHEN d0 <= d1 THEN i0 ELSE i0 + 1 END,
         CASE WHEN d0 <= d1 THEN j0 ELSE j1 END,
         count(*)::int
  FROM dist
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7;
$$;
REVOKE ALL ON FUNCTION refresh_hex_counts(date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_hex_counts(date[]) TO riskmap_app;

-- A database that already holds events gets its bins now; later imports keep them current.
SELECT refresh_hex_counts(array(SELECT DISTINCT month FROM event));
