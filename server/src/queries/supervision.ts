import type { Queryable } from '../db/database.ts'

export type SupervisionStatus = 'listed' | 'closed'
export type ThresholdKind = 'count' | 'per10k'
export type ClosureKind = 'indicators' | 'admin_reason'

export interface ListingRow {
  id: number
  region: string
  regionName: string
  regionLevel: 'district' | 'township'
  population: number | null
  reason: string
  unit: string
  plan: string
  listedOn: string
  deadline: string
  indicator: string
  thresholdKind: ThresholdKind
  threshold: number
  monthsRequired: number
  status: SupervisionStatus
  closure: { kind: ClosureKind, detail: string, evidence: unknown, by: string, at: string } | null
  version: number
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
  noteCount: number
  latestNote: string | null
}

export interface NoteRow { id: number, text: string, author: string, createdAt: string }

const listingColumns = `l.id, l.region, r.name AS "regionName", r.level AS "regionLevel", r.population,
  l.reason, l.responsible_unit AS unit, l.plan, l.listed_on::text AS "listedOn", l.deadline::text AS deadline,
  l.indicator, l.threshold_kind AS "thresholdKind", l.threshold, l.months_required AS "monthsRequired", l.status,
  CASE WHEN l.closure_kind IS NULL THEN NULL ELSE json_build_object('kind', l.closure_kind, 'detail', l.closure_detail,
    'evidence', l.closure_evidence, 'by', l.closed_by, 'at', to_json(l.closed_at) #>> '{}') END AS closure,
  l.version, l.created_by AS "createdBy", to_json(l.created_at) #>> '{}' AS "createdAt",
  l.updated_by AS "updatedBy", to_json(l.updated_at) #>> '{}' AS "updatedAt",
  (SELECT count(*) FROM supervision_note n WHERE n.listing_id = l.id)::int AS "noteCount",
  (SELECT n.text FROM supervision_note n WHERE n.listing_id = l.id ORDER BY n.id DESC LIMIT 1) AS "latestNote"`

const noteColumns = `id, text, author, to_json(created_at) #>> '{}' AS "createdAt"`

/**
 * A region as the scope sees it: its level and population when visible, and whether the code
 * exists at all (region_ancestor is readable in every scope), to tell "unknown" from "outside".
 */
export async function regionForListing(q: Queryable, code: string): Promise<{ exists: boolean, visible: { name: string, level: string, population: number | null } | null }> {
  const rows = await q.query<{ exists: boolean, name: string | null, level: string | null, population: number | null, visible: boolean }>(`
    SELECT EXISTS (SELECT 1 FROM region_ancestor WHERE descendant = $1) AS exists,
      r.name, r.level, r.population, r.code IS NOT NULL AS visible
    FROM (SELECT 1) one LEFT JOIN region r ON r.code = $1`, [code])
  const r = rows[0]!
  return { exists: r.exists, visible: r.visible ? { name: r.name!, level: r.level!, population: r.population } : null }
}

export type ListingInsert = Pick<ListingRow, 'region' | 'reason' | 'unit' | 'plan' | 'listedOn' | 'deadline' | 'indicator' | 'thresholdKind' | 'threshold' | 'monthsRequired'> & { actor: string }

export async function insertListing(q: Queryable, l: ListingInsert): Promise<number> {
  const rows = await q.query<{ id: number }>(`
    INSERT INTO supervision_listing (region, reason, responsible_unit, plan, listed_on, deadline, indicator,
      threshold_kind, threshold, months_required, created_by, updated_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
    RETURNING id`, [l.region, l.reason, l.unit, l.plan, l.listedOn, l.deadline, l.indicator, l.thresholdKind, l.threshold, l.monthsRequired, l.actor])
  return rows[0]!.id
}

/** One listing in scope; `lock` takes a row lock for a write. */
export async function getListing(q: Queryable, id: number, lock = false): Promise<ListingRow | undefined> {
  if (lock)
    await q.query('SELECT 1 FROM supervision_listing WHERE id = $1 FOR UPDATE', [id])
  const rows = await q.query<ListingRow>(`SELECT ${listingColumns} FROM supervision_listing l JOIN region r ON r.code = l.region WHERE l.id = $1`, [id])
  return rows[0]
}

/** An open listing of the region for the indicator, other than `except`. */
export async function openListingOf(q: Queryable, region: string, indicator: string, except: number | null): Promise<number | null> {
  const rows = await q.query<{ id: number }>(`
    SELECT id FROM supervision_listing WHERE region = $1 AND indicator = $2 AND status = 'listed' AND id <> coalesce($3::bigint, 0)`, [region, indicator, except])
  return rows[0]?.id ?? null
}

export interface ListingFilters { status?: SupervisionStatus | undefined, overdue?: boolean | undefined, region?: string | undefined }

/** Listings in scope matching the filters: `region` takes the region and everything under it; overdue is decided against `today`. */
export async function listListings(q: Queryable, f: ListingFilters, today: string): Promise<ListingRow[]> {
  return q.query<ListingRow>(`
    SELECT ${listingColumns} FROM supervision_listing l JOIN region r ON r.code = l.region
    WHERE ($1::text IS NULL OR l.status = $1)
      AND ($2::boolean IS NULL OR $2 = (l.status <> 'closed' AND l.deadline < $3::date))
      AND ($4::text IS NULL OR l.region IN (SELECT descendant FROM region_ancestor WHERE ancestor = $4))
    ORDER BY l.status, l.deadline, l.id`, [f.status ?? null, f.overdue ?? null, today, f.region ?? null])
}

export interface RegionGeometry { type: 'MultiPolygon', coordinates: number[][][][] }

/** The listings' region outlines (display geometry, always a MultiPolygon) by listing id. */
export async function listingGeometries(q: Queryable, ids: number[]): Promise<Map<number, RegionGeometry>> {
  const rows = await q.query<{ id: number, geometry: RegionGeometry }>(`
    SELECT l.id, ST_AsGeoJSON(r.geom_display, 6)::json AS geometry
    FROM supervision_listing l JOIN region r ON r.code = l.region WHERE l.id = ANY($1::bigint[])`, [ids])
  return new Map(rows.map(r => [r.id, r.geometry]))
}

export interface ListingUpdate {
  reason?: string | undefined
  unit?: string | undefined
  plan?: string | undefined
  listedOn?: string | undefined
  deadline?: string | undefined
  indicator?: string | undefined
  thresholdKind?: ThresholdKind | undefined
  threshold?: number | undefined
  monthsRequired?: number | undefined
}

/** Applies the given fields and bumps the version. The caller has locked the row and checked the version. */
export async function updateListing(q: Queryable, id: number, u: ListingUpdate, actor: string): Promise<void> {
  await q.query(`
    UPDATE supervision_listing SET
      reason = coalesce($2, reason), responsible_unit = coalesce($3, responsible_unit), plan = coalesce($4, plan),
      listed_on = coalesce($5::date, listed_on), deadline = coalesce($6::date, deadline), indicator = coalesce($7, indicator),
      threshold_kind = coalesce($8, threshold_kind), threshold = coalesce($9::float8, threshold),
      months_required = coalesce($10::int, months_required),
      version = version + 1, updated_by = $11, updated_at = now()
    WHERE id = $1`, [id, u.reason ?? null, u.unit ?? null, u.plan ?? null, u.listedOn ?? null, u.deadline ?? null, u.indicator ?? null, u.thresholdKind ?? null, u.threshold ?? null, u.monthsRequired ?? null, actor])
}

export async function closeListing(q: Queryable, id: number, c: { kind: ClosureKind, detail: string, evidence: unknown, actor: string }): Promise<void> {
  await q.query(`
    UPDATE supervision_listing SET status = 'closed', closure_kind = $2, closure_detail = $3, closure_evidence = $4::jsonb,
      closed_by = $5, closed_at = now(), version = version + 1, updated_by = $5, updated_at = now()
    WHERE id = $1`, [id, c.kind, c.detail, c.evidence === null ? null : JSON.stringify(c.evidence), c.actor])
}

export async function insertNote(q: Queryable, listingId: number, text: string, author: string): Promise<NoteRow> {
  const rows = await q.query<NoteRow>(`
    INSERT INTO supervision_note (listing_id, text, author) VALUES ($1, $2, $3) RETURNING ${noteColumns}`, [listingId, text, author])
  return rows[0]!
}

export async function listNotes(q: Queryable, listingId: number): Promise<NoteRow[]> {
  return q.query<NoteRow>(`SELECT ${noteColumns} FROM supervision_note WHERE listing_id = $1 ORDER BY id`, [listingId])
}
