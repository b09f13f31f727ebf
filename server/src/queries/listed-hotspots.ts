import type { Queryable } from '../db/database.ts'
import type { ListedStatus } from '../listed/lifecycle.ts'
import type { ListFilters } from '../listed/schemas.ts'

export interface Attachment { title: string, url: string }

export interface HotspotRow {
  id: number
  name: string
  status: ListedStatus
  indicators: string[]
  responsibleUnit: string
  listedOn: string
  deadline: string
  measures: string
  attachments: Attachment[]
  region: string
  createdBy: string
  createdAt: string
  updatedAt: string
  version: number
  geometry: { type: 'Point' | 'Polygon' | 'MultiPolygon', coordinates: unknown }
  /** A point inside the area (ST_PointOnSurface; the point itself for a point), [lon, lat]. */
  centroid: [number, number]
}

export interface TransitionRow {
  id: number
  fromStatus: ListedStatus | null
  toStatus: ListedStatus
  actor: string
  at: string
  reason: string
  newDeadline: string | null
  evidence: unknown
}

const hotspotColumns = `h.id, h.name, h.status, h.indicators, h.responsible_unit AS "responsibleUnit",
  h.listed_on AS "listedOn", h.deadline, h.measures, h.attachments, h.region, h.created_by AS "createdBy",
  to_json(h.created_at) #>> '{}' AS "createdAt", to_json(h.updated_at) #>> '{}' AS "updatedAt", h.version,
  ST_AsGeoJSON(h.geom, 7)::json AS geometry,
  json_build_array(round(ST_X(ST_PointOnSurface(h.geom))::numeric, 7), round(ST_Y(ST_PointOnSurface(h.geom))::numeric, 7)) AS centroid`

const transitionColumns = `id, from_status AS "fromStatus", to_status AS "toStatus", actor, to_json(at) #>> '{}' AS at,
  reason, new_deadline AS "newDeadline", evidence`

/** Validity of a GeoJSON geometry, with PostGIS's reason when it is not valid (a self-intersection). */
export async function geometryValidity(q: Queryable, geojson: string): Promise<{ valid: boolean, reason: string | null }> {
  const rows = await q.query<{ valid: boolean, reason: string | null }>(`
    SELECT ST_IsValid(g) AS valid, CASE WHEN ST_IsValid(g) THEN NULL ELSE ST_IsValidReason(g) END AS reason
    FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) s`, [geojson])
  return rows[0]!
}

/**
 * Where a geometry lies, as the scope sees it: the township holding the point (or the polygon's
 * point on surface), whether the whole area is covered by the scope region (null for '*'), and,
 * for '*', whether it is covered by the city of that township. Regions outside the scope are
 * invisible here (row-level security), so a sibling township reads as no township at all.
 */
export async function placement(q: Queryable, geojson: string, scope: string): Promise<{ township: string | null, inScope: boolean | null, inCity: boolean | null }> {
  const rows = await q.query<{ township: string | null, inScope: boolean | null, inCity: boolean | null }>(`
    WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom),
    t AS (
      SELECT (SELECT tp.township FROM township_part tp WHERE ST_Intersects(tp.geom, ST_PointOnSurface(g.geom))
              ORDER BY tp.township LIMIT 1) AS township
      FROM g
    )
    SELECT t.township,
      CASE WHEN $2 = '*' THEN NULL
           ELSE coalesce((SELECT ST_CoveredBy(g.geom, r.geom) FROM region r WHERE r.code = $2), false) END AS "inScope",
      CASE WHEN $2 <> '*' OR t.township IS NULL THEN NULL
           ELSE coalesce((SELECT ST_CoveredBy(g.geom, r.geom) FROM region_ancestor a JOIN region r ON r.code = a.ancestor
                          WHERE a.descendant = t.township AND r.level = 'city'), false) END AS "inCity"
    FROM g, t`, [geojson, scope])
  return rows[0]!
}

export interface HotspotInsert extends Pick<HotspotRow, 'name' | 'indicators' | 'responsibleUnit' | 'listedOn' | 'deadline' | 'measures' | 'attachments' | 'region' | 'createdBy'> {
  geojson: string
}

export async function insertHotspot(q: Queryable, h: HotspotInsert): Promise<number> {
  const rows = await q.query<{ id: number }>(`
    INSERT INTO listed_hotspot (name, indicators, responsible_unit, listed_on, deadline, measures, attachments, geom, region, created_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, ST_SetSRID(ST_GeomFromGeoJSON($8), 4326), $9, $10)
    RETURNING id`, [h.name, h.indicators, h.responsibleUnit, h.listedOn, h.deadline, h.measures, JSON.stringify(h.attachments), h.geojson, h.region, h.createdBy])
  return rows[0]!.id
}

/** One hotspot in scope; `lock` takes a row lock for an edit or a transition. */
export async function getHotspot(q: Queryable, id: number, lock = false): Promise<HotspotRow | undefined> {
  const rows = await q.query<HotspotRow>(`SELECT ${hotspotColumns} FROM listed_hotspot h WHERE h.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return rows[0]
}

/** The hotspots in scope matching the filters; overdue is decided against `today` (Asia/Shanghai). */
export async function listHotspots(q: Queryable, f: ListFilters, today: string): Promise<HotspotRow[]> {
  return q.query<HotspotRow>(`
    SELECT ${hotspotColumns} FROM listed_hotspot h
    WHERE ($1::text IS NULL OR h.status = $1)
      -- strpos, not LIKE: a unit containing % or _ is matched literally.
      AND ($2::text IS NULL OR strpos(lower(h.responsible_unit), lower($2)) > 0)
      AND ($3::boolean IS NULL OR $3 = (h.status <> 'delisted' AND h.deadline < $4::date))
    ORDER BY h.deadline, h.id`, [f.status ?? null, f.unit?.trim() || null, f.overdue === undefined ? null : f.overdue === 'true', today])
}

export interface HotspotUpdate {
  name?: string | undefined
  indicators?: string[] | undefined
  responsibleUnit?: string | undefined
  listedOn?: string | undefined
  measures?: string | undefined
  attachments?: Attachment[] | undefined
  geojson?: string | undefined
  region?: string | undefined
  status?: ListedStatus | undefined
  deadline?: string | undefined
}

/** Applies the given fields and bumps the version. The caller has locked the row and checked the version. */
export async function updateHotspot(q: Queryable, id: number, u: HotspotUpdate): Promise<void> {
  await q.query(`
    UPDATE listed_hotspot SET
      name = coalesce($2, name), indicators = coalesce($3, indicators), responsible_unit = coalesce($4, responsible_unit),
      listed_on = coalesce($5::date, listed_on), measures = coalesce($6, measures), attachments = coalesce($7::jsonb, attachments),
      geom = coalesce(ST_SetSRID(ST_GeomFromGeoJSON($8), 4326), geom), region = coalesce($9, region),
      status = coalesce($10, status), deadline = coalesce($11::date, deadline),
      version = version + 1, updated_at = now()
    WHERE id = $1`, [id, u.name ?? null, u.indicators ?? null, u.responsibleUnit ?? null, u.listedOn ?? null, u.measures ?? null, u.attachments ? JSON.stringify(u.attachments) : null, u.geojson ?? null, u.region ?? null, u.status ?? null, u.deadline ?? null])
}

export async function insertTransition(q: Queryable, t: { hotspotId: number, from: ListedStatus | null, to: ListedStatus, actor: string, reason: string, newDeadline: string | null, evidence: unknown }): Promise<TransitionRow> {
  const rows = await q.query<TransitionRow>(`
    INSERT INTO listed_hotspot_transition (hotspot_id, from_status, to_status, actor, reason, new_deadline, evidence)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    RETURNING ${transitionColumns}`, [t.hotspotId, t.from, t.to, t.actor, t.reason, t.newDeadline, t.evidence === null ? null : JSON.stringify(t.evidence)])
  return rows[0]!
}

export async function listTransitions(q: Queryable, hotspotId: number): Promise<TransitionRow[]> {
  return q.query<TransitionRow>(`SELECT ${transitionColumns} FROM listed_hotspot_transition WHERE hotspot_id = $1 ORDER BY id`, [hotspotId])
}
