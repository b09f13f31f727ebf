import type { Scoped } from '../db/database.ts'
import type { ZoneRow } from '../queries/patrol-zones.ts'
import type { CreateBody, PatchBody, ZoneGeometry } from './schemas.ts'
import type { ZoneType } from './zone-types.ts'
import { fail } from '../http/errors.ts'
import { appendAudit } from '../queries/audit.ts'
import { geometryValidity } from '../queries/listed-hotspots.ts'
import { deleteZone, getZone, insertZone, updateZone, zonePlacement } from '../queries/patrol-zones.ts'
import { zoneGeometryProblem, zoneGeometryText } from './geometry.ts'
import { allowedGeometries } from './zone-types.ts'

/** Who acts, in which scope, for the audit log. */
export interface Actor { actor: string, scope: string, requestId: string | null }

function checkShape(type: ZoneType, g: { type: string }): void {
  if (!allowedGeometries(type).includes(g.type as 'Polygon'))
    fail(400, 'invalid_geometry', `geometry: a ${type} zone must be a LineString (a drone route is a line), not a ${g.type}`)
}

/**
 * Checks the geometry in JS and in PostGIS (with PostGIS's reason), and finds its region inside
 * the scope: the township it lies in, or the lowest region above every township it crosses.
 */
export async function placeZone(q: Scoped, g: ZoneGeometry, scope: string): Promise<{ geojson: string, region: string }> {
  const problem = zoneGeometryProblem(g)
  if (problem)
    fail(400, problem.code, problem.message, problem.hint ? { hint: problem.hint } : undefined)
  const geojson = zoneGeometryText(g)
  const validity = await geometryValidity(q, geojson)
  if (!validity.valid)
    fail(400, 'invalid_geometry', `geometry: not a valid ${g.type}: ${validity.reason}`)
  const at = await zonePlacement(q, geojson, scope)
  if (at.inScope === false)
    fail(403, 'outside_scope', `geometry: the zone reaches outside your region scope ${scope}; draw it inside that region`)
  if (!at.region)
    fail(400, 'outside_townships', 'geometry: the zone lies outside every loaded township; check the coordinates (WGS84 longitude, latitude)')
  if (at.inCity === false)
    fail(400, 'outside_city', 'geometry: the zone reaches outside the city that holds it')
  return { geojson, region: at.region }
}

export async function createZone(q: Scoped, body: CreateBody, who: Actor, opts: { synthetic?: boolean } = {}): Promise<ZoneRow> {
  checkShape(body.type, body.geometry)
  const { geojson, region } = await placeZone(q, body.geometry, who.scope)
  const id = await insertZone(q, { ...body, geojson, region, synthetic: opts.synthetic ?? false, actor: who.actor })
  const row = (await getZone(q, id))!
  await appendAudit(q.client, { ...who, action: 'patrol_zone.create', entity: 'patrol_zone', entityId: String(id), before: null, after: row })
  return row
}

/** The row locked for a write, 404 outside the scope, 409 if the caller read an older version. */
async function lockForWrite(q: Scoped, id: number, version: number | undefined): Promise<ZoneRow> {
  const row = await getZone(q, id, true)
  if (!row)
    fail(404, 'not_found', `no patrol zone ${id}`)
  if (version !== undefined && row.version !== version)
    fail(409, 'version_conflict', `patrol zone ${id} has changed since you read it (version ${row.version}, you sent ${version}); reload it and try again`, { currentVersion: row.version })
  return row
}

export async function editZone(q: Scoped, id: number, body: PatchBody, who: Actor): Promise<ZoneRow> {
  const before = await lockForWrite(q, id, body.version)
  checkShape(body.type ?? before.type, body.geometry ?? before.geometry)
  const at = body.geometry && await placeZone(q, body.geometry, who.scope)
  await updateZone(q, id, { ...body, geojson: at?.geojson, region: at?.region, actor: who.actor })
  const after = (await getZone(q, id))!
  await appendAudit(q.client, { ...who, action: 'patrol_zone.update', entity: 'patrol_zone', entityId: String(id), before, after })
  return after
}

export async function removeZone(q: Scoped, id: number, version: number | undefined, who: Actor): Promise<ZoneRow> {
  const before = await lockForWrite(q, id, version)
  await deleteZone(q, id)
  await appendAudit(q.client, { ...who, action: 'patrol_zone.delete', entity: 'patrol_zone', entityId: String(id), before, after: null })
  return before
}
