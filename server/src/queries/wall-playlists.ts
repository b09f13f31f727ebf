import type { Queryable } from '../db/database.ts'
import type { Kpi, Scene } from '../wall/schemas.ts'

export interface PlaylistRow {
  id: number
  name: string
  intervalS: number
  region: string
  kpis: Kpi[]
  scenes: Scene[]
  synthetic: boolean
  version: number
  updatedAt: string
  updatedBy: string
}

const columns = `p.id, p.name, p.interval_s AS "intervalS", p.region, p.kpis, p.scenes, p.synthetic, p.version,
  to_json(p.updated_at) #>> '{}' AS "updatedAt", p.updated_by AS "updatedBy"`

export async function listPlaylists(q: Queryable): Promise<PlaylistRow[]> {
  return q.query<PlaylistRow>(`SELECT ${columns} FROM wall_playlist p ORDER BY p.id`)
}

/** One playlist in scope; `lock` takes a row lock for an edit or a delete. */
export async function getPlaylist(q: Queryable, id: number, lock = false): Promise<PlaylistRow | undefined> {
  const rows = await q.query<PlaylistRow>(`SELECT ${columns} FROM wall_playlist p WHERE p.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return rows[0]
}

export interface PlaylistInsert {
  name: string
  intervalS: number
  region: string
  kpis: Kpi[]
  scenes: Scene[]
  synthetic: boolean
  actor: string
}

export async function insertPlaylist(q: Queryable, p: PlaylistInsert): Promise<number> {
  const rows = await q.query<{ id: number }>(`
    INSERT INTO wall_playlist (name, interval_s, region, kpis, scenes, synthetic, created_by, updated_by)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`, [p.name, p.intervalS, p.region, JSON.stringify(p.kpis), JSON.stringify(p.scenes), p.synthetic, p.actor])
  return rows[0]!.id
}

export interface PlaylistUpdate {
  name?: string | undefined
  intervalS?: number | undefined
  region?: string | undefined
  kpis?: Kpi[] | undefined
  scenes?: Scene[] | undefined
  actor: string
}

/** Applies the given fields and bumps the version. The caller has locked the row and checked the version. */
export async function updatePlaylist(q: Queryable, id: number, u: PlaylistUpdate): Promise<void> {
  await q.query(`
    UPDATE wall_playlist SET
      name = coalesce($2, name), interval_s = coalesce($3, interval_s), region = coalesce($4, region),
      kpis = coalesce($5::jsonb, kpis), scenes = coalesce($6::jsonb, scenes),
      updated_by = $7, version = version + 1, updated_at = now()
    WHERE id = $1`, [id, u.name ?? null, u.intervalS ?? null, u.region ?? null, u.kpis ? JSON.stringify(u.kpis) : null, u.scenes ? JSON.stringify(u.scenes) : null, u.actor])
}

export async function deletePlaylist(q: Queryable, id: number): Promise<void> {
  await q.query('DELETE FROM wall_playlist WHERE id = $1', [id])
}

/** Whether any playlist exists, read with the owner's rights (the demo seed). */
export async function playlistCount(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM wall_playlist')
  return rows[0]!.n
}

/**
 * The visible regions among `codes`, each with whether it lies under `root` (itself included).
 * Regions outside the scope are invisible (row-level security), so they come back absent.
 */
export async function regionsUnder(q: Queryable, codes: string[], root: string): Promise<Map<string, { level: string, underRoot: boolean }>> {
  const rows = await q.query<{ code: string, level: string, underRoot: boolean }>(`
    SELECT r.code, r.level,
      EXISTS (SELECT 1 FROM region_ancestor a WHERE a.ancestor = $2 AND a.descendant = r.code) AS "underRoot"
    FROM region r WHERE r.code = ANY($1::text[])`, [codes, root])
  return new Map(rows.map(r => [r.code, { level: r.level, underRoot: r.underRoot }]))
}
