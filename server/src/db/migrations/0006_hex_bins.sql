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
  -- Codes, compared byte-wise: under a linguistic collation every key comparison of the import's
  -- sort and of the index insert calls strcoll (measured: the "C" collation made the 1M-event
  -- refresh about 12 % faster, even on C.UTF-8).
  township text COLLATE "C" NOT NULL,
  indicator text COLLATE "C" NOT NULL,
  month date NOT NULL,
  n integer NOT NULL CHECK (n > 0),
  -- Month first: an import's rows go in at one end of the index in key order (a second index and a
  -- cell-first key made a 1M import 4x slower), and a request reads a month range of one size for
  -- a few townships.
  PRIMARY KEY (month, size, township, indicator, srid, i, j)
);

GRANT SELECT ON hex_count TO riskmap_app;
ALTER TABLE hex_count ENABLE ROW LEVEL SECURITY;
CREATE POLICY hex_count_scope ON hex_count USING (township IN (SELECT riskmap_scope_regions()));

-- Adds the events of the given months to hex_count at all three sizes: only those of import
-- `batch`, or every event of the months when batch is NULL. Events are insert-only (nothing in
-- the server updates or deletes them), so an import only has to add its own events: a small import
-- into a month that already holds 40k events costs its own rows, not the month's.
--
-- One ST_Transform per event (into its city's zone) and the cell index by arithmetic: the hexagon
-- containing a point is the one whose centre is nearest, and that centre lies in column
-- floor(x / 1.5·size) or the next one, at the rounded row. server/src/analysis/hex-grid.ts does the
-- same arithmetic in JS; a test checks both against ST_HexagonGrid. The docs/hotspots.md "Cost"
-- section has the measurements behind each choice below:
-- * jit off: the row estimates make PostgreSQL compile the arithmetic, which cost 3x the query;
-- * each arithmetic step behind OFFSET 0: inlined, every later expression repeats the earlier ones
--   (the two CASEs recomputed i0, j0, j1, d0 and d1 several times per row);
-- * hash aggregation off: one sort in key order then a streaming count, instead of a hash table
--   that spilled to disk and a second sort of its 2.4M groups for the insert;
-- * existing cells are updated and new ones inserted (a hash anti-join on the updated keys; merge
--   joins off, or it re-sorts every new row), not INSERT … ON CONFLICT, whose speculative
--   insertion tripled the insert of 2.4M new rows (26 s against 9 s).
-- Not granted: a caller could count a batch twice. riskmap_app calls the two functions below.
CREATE FUNCTION hex_counts_add(months date[], batch bigint) RETURNS void LANGUAGE sql SECURITY DEFINER
SET search_path = public, pg_temp SET jit = off SET enable_hashagg = off SET enable_mergejoin = off AS $$
  -- MATERIALIZED, because inlined CTEs would repeat the zone lookup and the transform in every
  -- expression that uses x and y (seen in EXPLAIN: tens of calls per event). One zone per city.
  WITH zone AS MATERIALIZED (
    SELECT a.descendant AS township, region_srid(c.code) AS srid
    FROM region c JOIN region_ancestor a ON a.ancestor = c.code
    WHERE c.level = 'city'
  ),
  pt AS MATERIALIZED (
    SELECT e.month, e.township, e.indicator, z.srid, ST_X(g) AS x, ST_Y(g) AS y
    FROM event e JOIN zone z ON z.township = e.township
    CROSS JOIN LATERAL ST_Transform(e.geom, z.srid) g
    WHERE e.month = ANY (months) AND (batch IS NULL OR e.import_id = batch)
  ),
  col AS (
    SELECT pt.*, s.size, 2 * 0.8660254037844387::float8 * s.size AS h, floor(x / (1.5::float8 * s.size))::int AS i0
    FROM pt CROSS JOIN (VALUES (250), (500), (1000)) s (size)
    OFFSET 0
  ),
  -- Column i0 and i0 + 1 have opposite parities; odd columns are shifted up by half a row.
  cand AS (
    SELECT *, floor((y - 0.5::float8 * h * odd0) / h + 0.5)::int AS j0,
              floor((y - 0.5::float8 * h * (1 - odd0)) / h + 0.5)::int AS j1
    FROM (SELECT *, abs(i0) % 2 AS odd0 FROM col OFFSET 0) c
    OFFSET 0
  ),
  dist AS (
    SELECT *,
      (x - 1.5::float8 * size * i0) ^ 2 + (y - h * (j0 + 0.5::float8 * odd0)) ^ 2 AS d0,
      (x - 1.5::float8 * size * (i0 + 1)) ^ 2 + (y - h * (j1 + 0.5::float8 * (1 - odd0))) ^ 2 AS d1
    FROM cand
    OFFSET 0
  ),
  b AS MATERIALIZED (
    SELECT month, size, township COLLATE "C" AS township, indicator COLLATE "C" AS indicator, srid,
           CASE WHEN d0 <= d1 THEN i0 ELSE i0 + 1 END AS i,
           CASE WHEN d0 <= d1 THEN j0 ELSE j1 END AS j,
           count(*)::int AS n
    FROM dist
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ORDER BY 1, 2, 3, 4, 5, 6, 7
  ),
  up AS (
    UPDATE hex_count h SET n = h.n + b.n FROM b
    WHERE h.month = ANY (months)
      AND (h.month, h.size, h.township, h.indicator, h.srid, h.i, h.j) = (b.month, b.size, b.township, b.indicator, b.srid, b.i, b.j)
    RETURNING h.month, h.size, h.township, h.indicator, h.srid, h.i, h.j
  )
  -- b is read in key order and the anti-join keeps it, so the new rows reach the index in order.
  INSERT INTO hex_count (month, size, township, indicator, srid, i, j, n)
  SELECT * FROM b
  WHERE NOT EXISTS (
    SELECT FROM up
    WHERE (up.month, up.size, up.township, up.indicator, up.srid, up.i, up.j) = (b.month, b.size, b.township, b.indicator, b.srid, b.i, b.j)
  );
$$;
REVOKE ALL ON FUNCTION hex_counts_add(date[], bigint) FROM PUBLIC;

-- Called by every events import after it has inserted its events, in its transaction: adds that
-- import's events (import_batch id) of the given months. A definer function for the same reason as
-- refresh_rollup: a township-scoped import must not need write rights on hex_count.
CREATE FUNCTION add_import_hex_counts(import_id bigint, months date[]) RETURNS void LANGUAGE sql STRICT SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  SELECT hex_counts_add(months, import_id);
$$;
REVOKE ALL ON FUNCTION add_import_hex_counts(bigint, date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION add_import_hex_counts(bigint, date[]) TO riskmap_app;

-- Rebuilds the given months from every event: the backfill below, and a repair if ever needed.
CREATE FUNCTION refresh_hex_counts(months date[]) RETURNS void LANGUAGE sql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
  DELETE FROM hex_count WHERE month = ANY (months);
  SELECT hex_counts_add(months, NULL);
$$;
REVOKE ALL ON FUNCTION refresh_hex_counts(date[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_hex_counts(date[]) TO riskmap_app;

-- A database that already holds events gets its bins now; later imports keep them current.
SELECT refresh_hex_counts(array(SELECT DISTINCT month FROM event));
