import type { Queryable } from '../db/database.ts'
import type { DutyWindow } from '../response/duty.ts'
import type { ListQuery } from '../response/schemas.ts'
import type { UnitType } from '../response/unit-types.ts'

export interface UnitRow {
  id: number
  name: string
  type: UnitType
  staff: number
  duty: DutyWindow[]
  contact: string
  region: string
  /** Demo units: made up, and labelled so. */
  synthetic: boolean
  createdBy: string
  updatedBy: string
  createdAt: string
  updatedAt: string
  version: number
  lon: number
  lat: number
}

const unitColumns = `u.id, u.name, u.type, u.staff, u.duty, u.contact, u.region, u.synthetic,
  u.created_by AS "createdBy", u.updated_by AS "updatedBy",
  to_json(u.created_at) #>> '{}' AS "createdAt", to_json(u.updated_at) #>> '{}' AS "updatedAt", u.version,
  round(ST_X(u.geom)::numeric, 7) AS lon, round(ST_Y(u.geom)::numeric, 7) AS lat`

export interface UnitInsert {
  name: string
  type: UnitType
  staff: number
  duty: DutyWindow[]
  contact: string
  lon: number
  lat: number
  region: string
  actor: string
}

export async function insertUnit(q: Queryable, u: UnitInsert): Promise<number> {
  const rows = await q.query<{ id: number }>(`
    INSERT INTO response_unit (name, type, staff, duty, contact, geom, region, created_by, updated_by)
    VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326), $8, $9, $9)
    RETURNING id`, [u.name, u.type, u.staff, JSON.stringify(u.duty), u.contact, u.lon, u.lat, u.region, u.actor])
  return rows[0]!.id
}

/** Units as column arrays, one entry per unit. */
export type UnitColumns = { [K in Exclude<keyof UnitInsert, 'actor'>]: Array<UnitInsert[K]> }

/** Many units in one statement (the CSV import), bound as arrays. Returns the ids in input order. */
export async function insertUnits(q: Queryable, u: UnitColumns, actor: string): Promise<number[]> {
  const rows = await q.query<{ id: number }>(`
    INSERT INTO response_unit (name, type, staff, duty, contact, geom, region, created_by, updated_by)
    SELECT n, t, s, d::jsonb, c, ST_SetSRID(ST_MakePoint(x, y), 4326), r, $9, $9
    FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::text[]) WITH ORDINALITY
      AS v(n, t, s, d, c, x, y, r, k)
    ORDER BY k
    RETURNING id`, [u.name, u.type, u.staff, u.duty.map(d => JSON.stringify(d)), u.contact, u.lon, u.lat, u.region, actor])
  return rows.map(r => r.id)
}

/** One unit in scope; `lock` takes a row lock for an edit or a delete. */
export async function getUnit(q: Queryable, id: number, lock = false): Promise<UnitRow | undefined> {
  const rows = await q.query<UnitRow>(`SELECT ${unitColumns} FROM response_unit u WHERE u.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return rows[0]
}

/** The units in scope, optionally of one type and under one region. */
export async function listUnits(q: Queryable, f: ListQuery): Promise<UnitRow[]> {
  return q.query<UnitRow>(`
    SELECT ${unitColumns} FROM response_unit u
    WHERE ($1::text IS NULL OR u.type = $1)
      AND ($2::text IS NULL OR u.region IN (SELECT descendant FROM region_ancestor WHERE ancestor = $2))
    ORDER BY u.id`, [f.type ?? null, f.region ?? null])
}

export interface UnitUpdate {
  name?: string | undefined
  type?: UnitType | undefined
  staff?: number | undefined
  duty?: DutyWindow[] | undefined
  contact?: string | undefined
  lon?: number | undefined
  lat?: number | undefined
  region?: string | undefined
  actor: string
}

/** Applies the given fields and bumps the version. The caller has locked the row and checked the version. */
export async function updateUnit(q: Queryable, id: number, u: UnitUpdate): Promise<void> {
  await q.query(`
    UPDATE response_unit SET
      name = coalesce($2, name), type = coalesce($3, type), staff = coalesce($4, staff),
      duty = coalesce($5::jsonb, duty), contact = coalesce($6, contact),
      geom = CASE WHEN $7::float8 IS NULL THEN geom ELSE ST_SetSRID(ST_MakePoint($7, $8), 4326) END,
      region = coalesce($9, region), updated_by = $10, version = version + 1, updated_at = now()
    WHERE id = $1`, [id, u.name ?? null, u.type ?? null, u.staff ?? null, u.duty ? JSON.stringify(u.duty) : null, u.contact ?? null, u.lon ?? null, u.lat ?? null, u.region ?? null, u.actor])
}

export async function deleteUnit(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM response_unit WHERE id = $1', [id])
}

/**
 * The township holding each point, as the scope sees it (row-level security hides townships
 * outside it, so a point there holds no township). Points are bound as arrays; the result is in
 * input order, null where no visible township holds the point.
 */
export async function townshipsAt(q: Queryable, lon: number[], lat: number[]): Promise<Array<string | null>> {
  const rows = await q.query<{ township: string | null }>(`
    SELECT (SELECT tp.township FROM township_part tp WHERE ST_Intersects(tp.geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 4326))
            ORDER BY tp.township LIMIT 1) AS township
    FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(x, y, k)
    ORDER BY p.k`, [lon, lat])
  return rows.map(r => r.township)
}
