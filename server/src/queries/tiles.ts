import type { Queryable } from '../db/database.ts'
import type { MonthRange } from './choropleth.ts'

/** Tile-space constants shared by the SQL, the JS encoder and the docs (docs/tiles.md). */
export const TILE_EXTENT = 4096
/** Aggregation cell, in tile units: 128 = 16 px on a 512 px MapLibre tile, 32 × 32 cells a tile. */
export const CELL = 128
/** One whole cell around the tile, so that an edge cell holds the same count in both tiles. */
export const BUFFER = CELL
/** From this zoom on, a tile holds one feature per event (unless it holds more than RAW_CAP). */
export const RAW_MIN_ZOOM = 13
/** Raw features past which a tile is aggregated anyway: about 65 bytes each keeps it under 500 KB. */
export const RAW_CAP = 5000

export interface TileRequest {
  z: number
  x: number
  y: number
  leaves: string[]
  months: MonthRange
}

/** One feature in tile coordinates; a cluster has no id and carries the number of events it holds. */
export interface TileFeatureRow {
  fid: number | null
  id: number | null
  indicator: string | null
  occurred_at: string | null
  source: string | null
  count: number
  cluster: boolean
  x: number
  y: number
}

/**
 * The feature rows of one event tile, in tile space (origin top left, y down, extent 4096).
 * The one SQL text behind both encoders: ST_AsMVT on server PostGIS and the JS encoder on
 * PGlite, whose postgis is built without protobuf and so has neither ST_AsMVT nor ST_AsMVTGeom.
 *
 * - The events come from tile_events() (migration 0008), a definer function that applies the
 *   scope itself: under row-level security PostgreSQL will not use the GiST index on event.geom
 *   ahead of the policy, because `&&` is not LEAKPROOF, and reads the whole month range instead.
 *   It filters by the tile envelope transformed to 4326 (never the column), the indicator leaves
 *   and the month range; the envelope's margin is one unit wider than the buffer for the rounding.
 * - Tile coordinates are ST_AsMVTGeom's own arithmetic for points (x·fx − xmin·fx, with
 *   fy = −extent/height, then rint), written out because PGlite lacks the function; a server
 *   test checks the two agree. Points are clipped to [−buffer, extent + buffer).
 * - Raw points from RAW_MIN_ZOOM on, unless the tile holds more than RAW_CAP of them; otherwise
 *   counts per CELL × CELL cell, placed at the cell centre (cells align across tiles).
 */
export const tileFeaturesSql = `
  WITH tile AS (
    SELECT ST_XMin(env) AS xmin, ST_YMax(env) AS ymax,
      ${TILE_EXTENT} / (ST_XMax(env) - ST_XMin(env)) AS fx,
      -${TILE_EXTENT} / (ST_YMax(env) - ST_YMin(env)) AS fy,
      ST_Transform(ST_TileEnvelope($1, $2, $3, margin => ${(BUFFER + 1) / TILE_EXTENT}), 4326) AS filter
    FROM ST_TileEnvelope($1, $2, $3) AS env
  ),
  pts AS MATERIALIZED (
    SELECT p.* FROM (
      SELECT e.id, e.indicator, e.occurred_at, e.source,
        round(t.fx * ST_X(m.geom) + (-t.xmin * t.fx))::int AS x,
        round(t.fy * ST_Y(m.geom) + (-t.ymax * t.fy))::int AS y
      FROM tile t
      CROSS JOIN LATERAL tile_events(t.filter, $4::text[], $5::date, $6::date) e
      CROSS JOIN LATERAL (SELECT ST_Transform(e.geom, 3857) AS geom) m
    ) p
    WHERE p.x >= -${BUFFER} AND p.x < ${TILE_EXTENT + BUFFER} AND p.y >= -${BUFFER} AND p.y < ${TILE_EXTENT + BUFFER}
  ),
  mode AS (
    SELECT $1 >= ${RAW_MIN_ZOOM} AND (SELECT count(*) FROM (SELECT 1 FROM pts LIMIT ${RAW_CAP + 1}) s) <= ${RAW_CAP} AS raw
  )
  SELECT id AS fid, id, indicator,
    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS occurred_at,
    source, 1 AS count, false AS cluster, x, y
  FROM pts, mode WHERE mode.raw
  UNION ALL
  SELECT NULL, NULL, NULL, NULL, NULL, count(*)::int, true,
    (floor(x / ${CELL}.0) * ${CELL} + ${CELL / 2})::int, (floor(y / ${CELL}.0) * ${CELL} + ${CELL / 2})::int
  FROM pts, mode WHERE NOT mode.raw
  GROUP BY floor(x / ${CELL}.0), floor(y / ${CELL}.0)`

/** The bound parameters of tileFeaturesSql, in order. */
export function tileParams(t: TileRequest): unknown[] {
  return [t.z, t.x, t.y, t.leaves, `${t.months.from}-01`, `${t.months.to}-01`]
}

/**
 * Run first in the tile's transaction. ST_Transform's declared cost makes every tile plan look
 * expensive enough for JIT, which then spends about 1.3 s compiling a query that runs in tens of
 * ms (measured on 1M events, PostgreSQL 15). Local to the transaction.
 */
export const noJitSql = 'SET LOCAL jit = off'

/** The feature rows, for the JS encoder. */
export async function tileFeatures(db: Queryable, t: TileRequest): Promise<TileFeatureRow[]> {
  await db.query(noJitSql)
  return db.query<TileFeatureRow>(tileFeaturesSql, tileParams(t))
}

/**
 * The same rows encoded by PostGIS. `fid` becomes the feature id and is not repeated as a
 * property; null properties (a cluster's id, a raw point's nothing) are left out, as in JS.
 */
export const tileMvtSql = `
  SELECT coalesce(ST_AsMVT(f, 'events', ${TILE_EXTENT}, 'geom', 'fid'), ''::bytea) AS mvt
  FROM (
    SELECT fid, id, indicator, occurred_at, source, count, cluster, ST_MakePoint(x, y) AS geom
    FROM (${tileFeaturesSql}) r
  ) f`

export async function tileMvt(db: Queryable, t: TileRequest): Promise<Uint8Array> {
  await db.query(noJitSql)
  const rows = await db.query<{ mvt: Buffer }>(tileMvtSql, tileParams(t))
  return new Uint8Array(rows[0]!.mvt)
}
