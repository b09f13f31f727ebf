import type { Queryable } from '../db/database.ts'
import type { AssetType, ZoneKind } from '../water/kinds.ts'

/**
 * Water zones, assets and drone routes share one shape: a few fields, a geometry, the touched
 * townships and the covering region. Table and column names come only from this whitelist.
 */
export const waterTables = {
  zone: { table: 'water_zone', columns: { name: 'name', kind: 'kind', danger: 'danger', approximate: 'approximate', sourceNote: 'source_note', synthetic: 'synthetic' } },
  asset: { table: 'water_asset', columns: { name: 'name', type: 'type', note: 'note', synthetic: 'synthetic' } },
  route: { table: 'drone_route', columns: { name: 'name', drone: 'drone', maxFlightM: 'max_flight_m', synthetic: 'synthetic' } },
} as const
export type WaterEntity = keyof typeof waterTables

interface Common {
  id: number
  name: string
  synthetic: boolean
  region: string
  townships: string[]
  createdBy: string
  updatedBy: string
  createdAt: string
  updatedAt: string
  version: number
}
export interface ZoneRow extends Common { kind: ZoneKind, danger: 1 | 2 | 3, approximate: boolean, sourceNote: string, geometry: { type: 'Polygon' | 'MultiPolygon', coordinates: number[][][] | number[][][][] } }
export interface AssetRow extends Common { type: AssetType, note: string, geometry: { type: 'Point', coordinates: [number, number] } }
export interface RouteRow extends Common { drone: string, maxFlightM: number, lengthM: number, geometry: { type: 'LineString', coordinates: number[][] } }
export interface WaterRows { zone: ZoneRow, asset: AssetRow, route: RouteRow }
export type Fields<E extends WaterEntity> = { [K in keyof (typeof waterTables)[E]['columns']]?: unknown }

function selectList(e: WaterEntity): string {
  const own = Object.entries(waterTables[e].columns).map(([f, c]) => `w.${c} AS "${f}"`).join(', ')
  const length = e === 'route' ? ', round(ST_Length(w.geom::geography)::numeric, 1)::float8 AS "lengthM"' : ''
  return `w.id, ${own}, w.region, w.townships, w.created_by AS "createdBy", w.updated_by AS "updatedBy",
    to_json(w.created_at) #>> '{}' AS "createdAt", to_json(w.updated_at) #>> '{}' AS "updatedAt", w.version,
    ST_AsGeoJSON(w.geom, 7)::json AS geometry${length}`
}

/** Where a geometry lies: the touched townships (all of them, whatever the scope) and the lowest region covering them. */
export async function waterPlacement(q: Queryable, geojson: string): Promise<{ region: string | null, townships: string[], inScope: boolean }> {
  const rows = await q.query<{ region: string | null, townships: string[], inScope: boolean }>(`
    SELECT p.region, p.townships, coalesce(p.region IN (SELECT riskmap_scope_regions()), false) AS "inScope"
    FROM water_placement(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)) p`, [geojson])
  return rows[0]!
}

/** The geodesic length of a line in metres (WGS84 spheroid). */
export async function lineLength(q: Queryable, geojson: string): Promise<number> {
  const rows = await q.query<{ m: number }>('SELECT ST_Length(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)::geography)::float8 AS m', [geojson])
  return rows[0]!.m
}

export interface Placed { geojson: string, region: string, townships: string[] }

export async function insertWater<E extends WaterEntity>(q: Queryable, e: E, fields: Fields<E>, at: Placed, actor: string): Promise<number> {
  const cols = Object.entries(waterTables[e].columns)
  const values = cols.map(([f]) => (fields as Record<string, unknown>)[f])
  const n = values.length
  const rows = await q.query<{ id: number }>(`
    INSERT INTO ${waterTables[e].table} (${cols.map(([, c]) => c).join(', ')}, geom, region, townships, created_by, updated_by)
    VALUES (${values.map((_, k) => `$${k + 1}`).join(', ')}, ST_SetSRID(ST_GeomFromGeoJSON($${n + 1}), 4326), $${n + 2}, $${n + 3}, $${n + 4}, $${n + 4})
    RETURNING id`, [...values, at.geojson, at.region, at.townships, actor])
  return rows[0]!.id
}

/** One feature visible in scope; `lock` takes a row lock, which the write policy allows only inside the covering region. */
export async function getWater<E extends WaterEntity>(q: Queryable, e: E, id: number, lock = false): Promise<WaterRows[E] | undefined> {
  const rows = await q.query<WaterRows[E]>(`SELECT ${selectList(e)} FROM ${waterTables[e].table} w WHERE w.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return rows[0]
}

/** The features visible in scope, optionally those touching a region's subtree. */
export async function listWater<E extends WaterEntity>(q: Queryable, e: E, region: string | null): Promise<Array<WaterRows[E]>> {
  return q.query<WaterRows[E]>(`
    SELECT ${selectList(e)} FROM ${waterTables[e].table} w
    WHERE $1::text IS NULL OR w.townships && ARRAY(SELECT descendant FROM region_ancestor WHERE ancestor = $1)
    ORDER BY w.id`, [region])
}

/** Applies the given fields (and the geometry, when placed again) and bumps the version. */
export async function updateWater<E extends WaterEntity>(q: Queryable, e: E, id: number, fields: Fields<E>, at: Placed | undefined, actor: string): Promise<void> {
  const cols = Object.entries(waterTables[e].columns)
  const values = cols.map(([f]) => (fields as Record<string, unknown>)[f] ?? null)
  const n = values.length
  await q.query(`
    UPDATE ${waterTables[e].table} SET ${cols.map(([, c], k) => `${c} = coalesce($${k + 2}, ${c})`).join(', ')},
      geom = coalesce(ST_SetSRID(ST_GeomFromGeoJSON($${n + 2}), 4326), geom), region = coalesce($${n + 3}, region),
      townships = coalesce($${n + 4}::text[], townships), updated_by = $${n + 5}, version = version + 1, updated_at = now()
    WHERE id = $1`, [id, ...values, at?.geojson ?? null, at?.region ?? null, at?.townships ?? null, actor])
}

export async function deleteWater(q: Queryable, e: WaterEntity, id: number): Promise<void> {
  await q.query(`DELETE FROM ${waterTables[e].table} WHERE id = $1`, [id])
}
