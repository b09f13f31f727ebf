import type { PoolClient } from 'pg'
import type { StagedEvents } from '../import/event-rows.ts'

const STAGE_BATCH = 20_000

/** Loads validated rows into a transaction-local staging table, in array-bound batches. */
export async function stageEvents(client: PoolClient, s: StagedEvents, onProgress?: (done: number) => void): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE import_stage (
      line integer, source_id text, indicator text, occurred_at timestamptz, month date,
      lon float8, lat float8, input_lon float8, input_lat float8, attrs jsonb
    ) ON COMMIT DROP`)
  for (let i = 0; i < s.line.length; i += STAGE_BATCH) {
    const j = i + STAGE_BATCH
    await client.query(`
      INSERT INTO import_stage
      SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::date[],
                           $6::float8[], $7::float8[], $8::float8[], $9::float8[], $10::jsonb[])`, [
      s.line.slice(i, j), s.sourceId.slice(i, j), s.indicator.slice(i, j), s.occurredAt.slice(i, j),
      s.month.slice(i, j), s.lon.slice(i, j), s.lat.slice(i, j), s.inputLon.slice(i, j),
      s.inputLat.slice(i, j), s.attrs.slice(i, j),
    ])
    onProgress?.(Math.min(j, s.line.length))
  }
}

/**
 * Assigns each staged point its township by point-in-polygon against the subdivided township
 * parts. A point on a shared border takes the lowest code, so that a re-import is deterministic.
 */
export async function assignTownships(client: PoolClient): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE import_assigned ON COMMIT DROP AS
    SELECT DISTINCT ON (s.line) s.line, p.township
    FROM import_stage s
    JOIN township_part p ON ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326))
    ORDER BY s.line, p.township`)
}

export interface StageProblem { line: number, kind: 'outside' | 'swapped' | 'duplicate', sourceId: string, lon: number, lat: number }

/** Rows that fall in no township (noting those that would if swapped) and ids already stored. */
export async function findStageProblems(client: PoolClient, source: string): Promise<StageProblem[]> {
  const res = await client.query<StageProblem>(`
    SELECT s.line, s.source_id AS "sourceId", s.input_lon AS lon, s.input_lat AS lat,
      CASE WHEN EXISTS (
        SELECT 1 FROM township_part p WHERE ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(s.lat, s.lon), 4326))
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
    SELECT $1, s.source_id, s.indicator, s.occurred_at, s.month, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326),
           $2, s.input_lon, s.input_lat, a.township, s.attrs, $3
    FROM import_stage s JOIN import_assigned a ON a.line = s.line`, [source, crs, importId])
  const months = await client.query<{ month: string }>('SELECT DISTINCT month::text AS month FROM import_stage ORDER BY 1')
  return { inserted: res.rowCount ?? 0, months: months.rows.map(r => r.month) }
}
