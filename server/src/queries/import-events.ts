import type { PoolClient } from 'pg'
import type { StagedEvents } from '../import/event-rows.ts'

const STAGE_BATCH = 20_000

/** Loads validated rows into a transaction-local staging table, in array-bound batches. */
export async function stageEvents(client: PoolClient, s: StagedEvents, onProgress?: (done: number) => void): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE import_stage (
      line integer, source_id text, indicator text, occurred_at timestamptz, month date,
      geom geometry(Point, 4326), input_lon float8, input_lat float8, attrs text
    ) ON COMMIT DROP`)
  const hasAttrs = s.attrs.some(a => a !== null)
  for (let i = 0; i < s.line.length; i += STAGE_BATCH) {
    const j = i + STAGE_BATCH
    // Times travel as epoch milliseconds and attributes as text: parsing timestamptz[] and
    // jsonb[] literals made staging four times slower than float8[] and text[].
    await client.query(`
      INSERT INTO import_stage
      SELECT line, source_id, indicator, t, date_trunc('month', t AT TIME ZONE 'Asia/Shanghai')::date,
             ST_SetSRID(ST_MakePoint(lon, lat), 4326), input_lon, input_lat, attrs
      FROM (
        SELECT u.*, to_timestamp(u.ms / 1000.0) AS t
        FROM unnest($1::int[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::float8[],
                    $7::float8[], $8::float8[], $9::text[])
          AS u (line, source_id, indicator, ms, lon, lat, input_lon, input_lat, attrs)
      ) x`, [
      s.line.slice(i, j),
      s.sourceId.slice(i, j),
      s.indicator.slice(i, j),
      s.occurredMs.slice(i, j),
      s.lon.slice(i, j),
      s.lat.slice(i, j),
      s.inputLon.slice(i, j),
      s.inputLat.slice(i, j),
      hasAttrs ? s.attrs.slice(i, j) : null,
    ])
    onProgress?.(Math.min(j, s.line.length))
  }
  // No ANALYZE: pglite-postgis fails its selectivity estimate on an analysed temp table
  // ("invalid function selectivity"), and assignTownships fixes the join order itself.
  await client.query('CREATE INDEX ON import_stage USING gist (geom)')
}

/**
 * Assigns each staged point its township by point-in-polygon against the subdivided township
 * parts. A point on a shared border takes the lowest code, so that a re-import is deterministic.
 */
export async function assignTownships(client: PoolClient): Promise<void> {
  // Polygons in the outer loop and indexed points inside: PostGIS then reuses each prepared
  // polygon for all its points (1M points: 11 s with points outside, 2.6 s this way round).
  // LATERAL pins that order whatever the statistics say.
  await client.query(`
    CREATE TEMP TABLE import_assigned ON COMMIT DROP AS
    SELECT s.line, min(p.township) AS township
    FROM township_part p
    CROSS JOIN LATERAL (SELECT line FROM import_stage WHERE ST_Intersects(p.geom, import_stage.geom)) s
    GROUP BY s.line`)
  await client.query('CREATE INDEX ON import_assigned (line)')
}

export interface StageProblem { line: number, kind: 'outside' | 'swapped' | 'duplicate', sourceId: string, lon: number, lat: number }

/** Rows that fall in no township (noting those that would if swapped) and ids already stored. */
export async function findStageProblems(client: PoolClient, source: string): Promise<StageProblem[]> {
  const res = await client.query<StageProblem>(`
    SELECT s.line, s.source_id AS "sourceId", s.input_lon AS lon, s.input_lat AS lat,
      CASE WHEN EXISTS (
        SELECT 1 FROM township_part p WHERE ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(ST_Y(s.geom), ST_X(s.geom)), 4326))
      ) THEN 'swapped' ELSE 'outside' END AS kind
    FROM import_stage s
    WHERE NOT EXISTS (SELECT 1 FROM import_assigned a WHERE a.line = s.line)
    UNION ALL
    SELECT s.line, s.source_id, s.input_lon, s.input_lat, 'duplicate'
    FROM import_stage s JOIN event e ON e.source = $1 AND e.source_id = s.source_id
    ORDER BY 1`, [source])
  return res.rows
}

/** Moves the staged rows into `event` and returns the months they touched. */
export async function insertStagedEvents(client: PoolClient, source: string, crs: string, importId: number): Promise<{ inserted: number, months: string[] }> {
  const res = await client.query(`
    INSERT INTO event (source, source_id, indicator, occurred_at, month, geom, input_crs, input_lon, input_lat, township, attrs, import_id)
    SELECT $1, s.source_id, s.indicator, s.occurred_at, s.month, s.geom,
           $2, s.input_lon, s.input_lat, a.township, coalesce(s.attrs::jsonb, '{}'), $3
    FROM import_stage s JOIN import_assigned a ON a.line = s.line`, [source, crs, importId])
  const months = await client.query<{ month: string }>('SELECT DISTINCT month::text AS month FROM import_stage ORDER BY 1')
  return { inserted: res.rowCount ?? 0, months: months.rows.map(r => r.month) }
}
