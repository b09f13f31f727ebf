import type { Scoped } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { PlaylistRow } from '../queries/wall-playlists.ts'
import type { CreateBody, Kpi, PatchBody, Scene } from './schemas.ts'
import { fail } from '../http/errors.ts'
import { appendAudit } from '../queries/audit.ts'
import { deletePlaylist, getPlaylist, insertPlaylist, regionsUnder, updatePlaylist } from '../queries/wall-playlists.ts'
import { resolutionClasses } from './resolution.ts'

/** Who acts, in which scope, for the audit log. */
export interface Actor { actor: string, scope: string, requestId: string | null }

/** Indicator codes against the catalog, naming the field of the first unknown one. */
export function checkIndicators(catalog: Catalog, kpis: Kpi[] | undefined, scenes: Scene[] | undefined): void {
  kpis?.forEach((k, i) => {
    if (!catalog.has(k.indicator))
      fail(400, 'unknown_indicator', `kpis.${i}.indicator: unknown indicator "${k.indicator}"`)
    if (k.kind === 'resolution_rate' && !resolutionClasses.includes(k.indicator))
      fail(400, 'invalid_parameter', `kpis.${i}.indicator: a resolution rate is defined for ${resolutionClasses.join(', ')}, not "${k.indicator}"`)
  })
  scenes?.forEach((s, i) => {
    if (!catalog.has(s.indicator))
      fail(400, 'unknown_indicator', `scenes.${i}.indicator: unknown indicator "${s.indicator}"`)
  })
}

/** The root region must be visible; a scene's region must lie under it. Out of scope reads as unknown. */
async function checkRegions(q: Scoped, root: string, scenes: Scene[]): Promise<void> {
  const codes = [root, ...scenes.flatMap(s => s.region ? [s.region] : [])]
  const found = await regionsUnder(q, [...new Set(codes)], root)
  if (!found.has(root))
    fail(400, 'unknown_region', `region: unknown region "${root}"`)
  scenes.forEach((s, i) => {
    if (!s.region)
      return
    const r = found.get(s.region)
    if (!r)
      fail(400, 'unknown_region', `scenes.${i}.region: unknown region "${s.region}"`)
    if (!r.underRoot)
      fail(400, 'invalid_parameter', `scenes.${i}.region: region ${s.region} does not lie under the playlist's region ${root}`)
  })
}

export async function createPlaylist(q: Scoped, catalog: Catalog, body: CreateBody, who: Actor, opts: { synthetic?: boolean } = {}): Promise<PlaylistRow> {
  checkIndicators(catalog, body.kpis, body.scenes)
  await checkRegions(q, body.region, body.scenes)
  const id = await insertPlaylist(q, { ...body, synthetic: opts.synthetic ?? false, actor: who.actor })
  const row = (await getPlaylist(q, id))!
  await appendAudit(q.client, { ...who, action: 'wall_playlist.create', entity: 'wall_playlist', entityId: String(id), before: null, after: row })
  return row
}

/** The row locked for a write, 404 outside the scope, 409 if the caller read an older version. */
async function lockForWrite(q: Scoped, id: number, version: number | undefined): Promise<PlaylistRow> {
  const row = await getPlaylist(q, id, true)
  if (!row)
    fail(404, 'not_found', `no wall playlist ${id}`)
  if (version !== undefined && row.version !== version)
    fail(409, 'version_conflict', `wall playlist ${id} has changed since you read it (version ${row.version}, you sent ${version}); reload it and try again`, { currentVersion: row.version })
  return row
}

export async function editPlaylist(q: Scoped, catalog: Catalog, id: number, body: PatchBody, who: Actor): Promise<PlaylistRow> {
  const before = await lockForWrite(q, id, body.version)
  checkIndicators(catalog, body.kpis, body.scenes)
  await checkRegions(q, body.region ?? before.region, body.scenes ?? before.scenes)
  await updatePlaylist(q, id, { ...body, actor: who.actor })
  const after = (await getPlaylist(q, id))!
  await appendAudit(q.client, { ...who, action: 'wall_playlist.update', entity: 'wall_playlist', entityId: String(id), before, after })
  return after
}

export async function removePlaylist(q: Scoped, id: number, version: number | undefined, who: Actor): Promise<PlaylistRow> {
  const before = await lockForWrite(q, id, version)
  await deletePlaylist(q, id)
  await appendAudit(q.client, { ...who, action: 'wall_playlist.delete', entity: 'wall_playlist', entityId: String(id), before, after: null })
  return before
}

/** The playlist as the client sees it (the contract's `Playlist`). */
export function playlistView(p: PlaylistRow) {
  return { id: p.id, name: p.name, intervalS: p.intervalS, region: p.region, kpis: p.kpis, scenes: p.scenes, version: p.version, updatedAt: p.updatedAt, synthetic: p.synthetic }
}
