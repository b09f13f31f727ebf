import type { PoolClient } from 'pg'

export interface StagedValues {
  line: number[]
  region: string[]
  indicator: string[]
  month: string[]
  value: number[]
}

/**
 * Writes delivered monthly values. A value already stored for the same region, sub-class and
 * month is replaced: a department re-delivering a corrected month is the normal case.
 */
export async function upsertValues(client: PoolClient, v: StagedValues, importId: number): Promise<{ inserted: number, updated: number, months: string[] }> {
  const res = await client.query<{ inserted: boolean }>(`
    INSERT INTO indicator_value (region, indicator, month, value, import_id)
    SELECT * , $5::bigint FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[])
    ON CONFLICT (region, indicator, month) DO UPDATE SET value = excluded.value, import_id = excluded.import_id
    RETURNING (xmax = 0) AS inserted`, [v.region, v.indicator, v.month, v.value, importId])
  const inserted = res.rows.filter(r => r.inserted).length
  return { inserted, updated: res.rows.length - inserted, months: [...new Set(v.month)].sort() }
}

export async function knownRegionCodes(client: PoolClient, codes: string[]): Promise<Set<string>> {
  const res = await client.query<{ code: string }>('SELECT code FROM region WHERE code = ANY($1::text[])', [codes])
  return new Set(res.rows.map(r => r.code))
}
