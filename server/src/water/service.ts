import type { Scoped } from '../db/database.ts'
import type { Fields, Placed, WaterEntity, WaterRows } from '../queries/water-features.ts'
import type { WaterGeometry } from './geometry.ts'
import { fail } from '../http/errors.ts'
import { appendAudit } from '../queries/audit.ts'
import { geometryValidity } from '../queries/listed-hotspots.ts'
import { deleteWater, getWater, insertWater, lineLength, updateWater, waterPlacement } from '../queries/water-features.ts'
import { waterGeometryProblem, waterGeometryText } from './geometry.ts'

/** Who acts, in which scope, for the audit log. */
export interface Actor { actor: string, scope: string, requestId: string | null }

const labels: Record<WaterEntity, string> = { zone: 'water zone', asset: 'water asset', route: 'drone route' }
const auditEntity = { zone: 'water_zone', asset: 'water_asset', route: 'drone_route' } as const

/**
 * Checks a geometry at the door (JS checks, then ST_IsValid) and places it: every township it
 * touches and the region covering them, which must lie in the caller's scope.
 */
async function place(q: Scoped, g: WaterGeometry, scope: string): Promise<Placed> {
  const problem = waterGeometryProblem(g)
  if (problem)
    fail(400, problem.code, problem.message, problem.hint ? { hint: problem.hint } : undefined)
  const geojson = waterGeometryText(g)
  const validity = await geometryValidity(q, geojson)
  if (!validity.valid)
    fail(400, 'invalid_geometry', `geometry: not a valid ${g.type}: ${validity.reason}`)
  const at = await waterPlacement(q, geojson)
  if (!at.region)
    fail(400, 'outside_townships', 'geometry: it touches no loaded township; check the coordinates (WGS84 longitude, latitude)')
  if (!at.inScope)
    fail(403, 'outside_scope', `geometry: it reaches townships outside your region scope ${scope} (${at.townships.join(', ')}); draw it inside that region`)
  return { geojson, region: at.region, townships: at.townships }
}

/** A route may not be longer than the drone flies on one battery: 400 `route_too_long` with both numbers. */
async function checkRouteLength(q: Scoped, geojson: string, maxFlightM: number): Promise<void> {
  const lengthM = await lineLength(q, geojson)
  if (lengthM > maxFlightM)
    fail(400, 'route_too_long', `geometry: the route is ${Math.round(lengthM)} m long, more than the ${maxFlightM} m the drone flies on one battery; shorten it or split it`, { lengthM: Math.round(lengthM * 10) / 10, maxFlightM })
}

type Body<E extends WaterEntity> = Fields<E> & { geometry?: WaterGeometry | undefined }

export async function createWater<E extends WaterEntity>(q: Scoped, e: E, body: Body<E> & { geometry: WaterGeometry }, who: Actor): Promise<WaterRows[E]> {
  const at = await place(q, body.geometry, who.scope)
  if (e === 'route')
    await checkRouteLength(q, at.geojson, (body as Fields<'route'>).maxFlightM as number)
  const id = await insertWater(q, e, body, at, who.actor)
  const row = (await getWater(q, e, id))!
  await appendAudit(q.client, { ...who, action: `${auditEntity[e]}.create`, entity: auditEntity[e], entityId: String(id), before: null, after: row })
  return row
}

/** The row locked for a write: 404 when not visible, 403 when visible but beyond the scope, 409 on a stale version. */
async function lockForWrite<E extends WaterEntity>(q: Scoped, e: E, id: number, version: number | undefined, scope: string): Promise<WaterRows[E]> {
  const row = await getWater(q, e, id, true)
  if (!row) {
    if (await getWater(q, e, id))
      fail(403, 'outside_scope', `${labels[e]} ${id} reaches townships outside your region scope ${scope}; ask whoever holds its whole area`)
    fail(404, 'not_found', `no ${labels[e]} ${id}`)
  }
  if (version !== undefined && row.version !== version)
    fail(409, 'version_conflict', `${labels[e]} ${id} has changed since you read it (version ${row.version}, you sent ${version}); reload it and try again`, { currentVersion: row.version })
  return row
}

export async function editWater<E extends WaterEntity>(q: Scoped, e: E, id: number, body: Body<E> & { version: number }, who: Actor): Promise<WaterRows[E]> {
  const before = await lockForWrite(q, e, id, body.version, who.scope)
  const at = body.geometry && await place(q, body.geometry, who.scope)
  if (e === 'route') {
    const maxFlightM = ((body as Fields<'route'>).maxFlightM as number | undefined) ?? (before as WaterRows['route']).maxFlightM
    await checkRouteLength(q, at?.geojson ?? JSON.stringify(before.geometry), maxFlightM)
  }
  await updateWater(q, e, id, body, at, who.actor)
  const after = (await getWater(q, e, id))!
  await appendAudit(q.client, { ...who, action: `${auditEntity[e]}.update`, entity: auditEntity[e], entityId: String(id), before, after })
  return after
}

export async function removeWater<E extends WaterEntity>(q: Scoped, e: E, id: number, version: number | undefined, who: Actor): Promise<WaterRows[E]> {
  const before = await lockForWrite(q, e, id, version, who.scope)
  await deleteWater(q, e, id)
  await appendAudit(q.client, { ...who, action: `${auditEntity[e]}.delete`, entity: auditEntity[e], entityId: String(id), before, after: null })
  return before
}
