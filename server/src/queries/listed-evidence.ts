import type { Queryable } from '../db/database.ts'

/**
 * The hotspot's area and ring, in metres on the spheroid (geography): the area is the polygon, or
 * the point buffered by `pointRadius`; the ring is everything within `ring` metres of the area
 * that is not in it. `env` is a bounding box around both, so that the GiST index on event.geom
 * does the first cut and the geography distance runs only on the few events inside it.
 */
const areaCte = `
  h AS (
    SELECT geom::geography AS g, CASE WHEN GeometryType(geom) = 'POINT' THEN $2::float8 ELSE 0 END AS r
    FROM listed_hotspot WHERE id = $1
  ),
  box AS (
    -- A little over the band, so that the buffer's polygonal circle cannot cut off an event.
    SELECT g, r, ST_Envelope(ST_Buffer(g, (r + $3::float8) * 1.02 + 20)::geometry) AS env FROM h
  )`

/** Events of the given sub-classes per month (YYYY-MM) inside the area and in its ring. */
export async function areaRingMonthlyCounts(q: Queryable, id: number, o: { pointRadius: number, ring: number, leaves: string[], from: string, to: string }): Promise<Array<{ month: string, area: number, ring: number }>> {
  return q.query(`
    WITH ${areaCte}
    SELECT to_char(e.month, 'YYYY-MM') AS month,
      count(*) FILTER (WHERE ST_DWithin(e.geom::geography, box.g, box.r))::int AS area,
      count(*) FILTER (WHERE NOT ST_DWithin(e.geom::geography, box.g, box.r))::int AS ring
    FROM box JOIN event e ON e.geom && box.env
    WHERE e.indicator = ANY ($4::text[])
      AND e.month BETWEEN to_date($5, 'YYYY-MM') AND to_date($6, 'YYYY-MM')
      AND ST_DWithin(e.geom::geography, box.g, box.r + $3::float8)
    GROUP BY 1 ORDER BY 1`, [id, o.pointRadius, o.ring, o.leaves, o.from, o.to])
}

/** The area's bounding box [west, south, east, north], to pre-select Gi* cells in JS. */
export async function areaBounds(q: Queryable, id: number, pointRadius: number): Promise<[number, number, number, number]> {
  const rows = await q.query<{ b: [number, number, number, number] }>(`
    WITH ${areaCte}
    SELECT json_build_array(ST_XMin(env), ST_YMin(env), ST_XMax(env), ST_YMax(env)) AS b FROM box`, [id, pointRadius, 0])
  return rows[0]!.b
}

/** Which of the given cell rings ([lon, lat] GeoJSON polygons) intersect the area: their indexes. */
export async function cellsTouchingArea(q: Queryable, id: number, pointRadius: number, rings: string[]): Promise<number[]> {
  if (!rings.length)
    return []
  const rows = await q.query<{ k: number }>(`
    WITH ${areaCte}
    SELECT (c.k - 1)::int AS k
    FROM box, unnest($4::text[]) WITH ORDINALITY AS c (gj, k)
    WHERE ST_DWithin(ST_SetSRID(ST_GeomFromGeoJSON(c.gj), 4326)::geography, box.g, box.r)
    ORDER BY 1`, [id, pointRadius, 0, rings])
  return rows.map(r => r.k)
}

/** The district above a township, read from region_ancestor (which every scope may read). */
export async function districtOf(q: Queryable, township: string): Promise<string | null> {
  const rows = await q.query<{ code: string }>(`
    SELECT a.ancestor AS code FROM region_ancestor a WHERE a.descendant = $1 AND a.depth = 1`, [township])
  return rows[0]?.code ?? null
}

/** Whether a region is visible in the current scope (row-level security decides). */
export async function regionVisible(q: Queryable, code: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM region WHERE code = $1', [code])).length > 0
}
