import type { Queryable } from '../db/database.ts'

export interface EventDetailRow {
  id: number
  source: string
  sourceId: string
  indicator: string
  occurredAt: string
  lon: number
  lat: number
  inputCrs: string
  inputLon: number
  inputLat: number
  township: string
  townshipName: string
  attrs: Record<string, unknown>
}

/** One event with its township, in the caller's scope (row-level security hides the rest). */
export async function getEvent(db: Queryable, id: number): Promise<EventDetailRow | undefined> {
  const rows = await db.query<EventDetailRow>(`
    SELECT e.id, e.source, e.source_id AS "sourceId", e.indicator,
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "occurredAt",
      ST_X(e.geom) AS lon, ST_Y(e.geom) AS lat,
      e.input_crs AS "inputCrs", e.input_lon AS "inputLon", e.input_lat AS "inputLat",
      e.township, r.name AS "townshipName", e.attrs
    FROM event e
    JOIN region r ON r.code = e.township
    WHERE e.id = $1`, [id])
  return rows[0]
}
