import type { Scoped } from '../db/database.ts'
import type { UnitRow } from '../queries/response-units.ts'
import type { CreateBody, PatchBody } from './schemas.ts'
import { fail } from '../http/errors.ts'
import { geometryProblem } from '../listed/geometry.ts'
import { appendAudit } from '../queries/audit.ts'
import { placement } from '../queries/listed-hotspots.ts'
import { deleteUnit, getUnit, insertUnit, updateUnit } from '../queries/response-units.ts'

/** Who acts, in which scope, for the audit log. */
export interface Actor { actor: string, scope: string, requestId: string | null }

type Point = CreateBody['geometry']

/**
 * Checks a unit's point at the door (a `crs` member, range, projected metres, swapped axes) and
 * finds its township inside the scope: the same checks and answers as a listed hotspot's point.
 */
async function placePoint(q: Scoped, g: Point, scope: string): Promise<{ lon: number, lat: number, region: string }> {
  const problem = geometryProblem(g)
  if (problem)
    fail(400, problem.code, problem.message, problem.hint ? { hint: problem.hint } : undefined)
  const [lon, lat] = g.coordinates as [number, number]
  const at = await placement(q, JSON.stringify({ type: 'Point', coordinates: [lon, lat] }), scope)
  if (at.inScope === false)
    fail(403, 'outside_scope', `geometry: the point lies outside your region scope ${scope}; place it inside that region`)
  if (!at.township)
    fail(400, 'outside_townships', 'geometry: the point lies outside every loaded township; check the coordinates (WGS84 longitude, latitude)')
  return { lon, lat, region: at.township }
}

export async function createUnit(q: Scoped, body: CreateBody, who: Actor): Promise<UnitRow> {
  const at = await placePoint(q, body.geometry, who.scope)
  const id = await insertUnit(q, { ...body, ...at, actor: who.actor })
  const row = (await getUnit(q, id))!
  await appendAudit(q.client, { ...who, action: 'response_unit.create', entity: 'response_unit', entityId: String(id), before: null, after: row })
  return row
}

/** The row locked for a write, 404 outside the scope, 409 if the caller read an older version. */
async function lockForWrite(q: Scoped, id: number, version: number | undefined): Promise<UnitRow> {
  const row = await getUnit(q, id, true)
  if (!row)
    fail(404, 'not_found', `no response unit ${id}`)
  if (version !== undefined && row.version !== version)
    fail(409, 'version_conflict', `response unit ${id} has changed since you read it (version ${row.version}, you sent ${version}); reload it and try again`, { currentVersion: row.version })
  return row
}

export async function editUnit(q: Scoped, id: number, body: PatchBody, who: Actor): Promise<UnitRow> {
  const before = await lockForWrite(q, id, body.version)
  const at = body.geometry && await placePoint(q, body.geometry, who.scope)
  await updateUnit(q, id, { ...body, ...at, actor: who.actor })
  const after = (await getUnit(q, id))!
  await appendAudit(q.client, { ...who, action: 'response_unit.update', entity: 'response_unit', entityId: String(id), before, after })
  return after
}

export async function removeUnit(q: Scoped, id: number, version: number | undefined, who: Actor): Promise<UnitRow> {
  const before = await lockForWrite(q, id, version)
  await deleteUnit(q, id)
  await appendAudit(q.client, { ...who, action: 'response_unit.delete', entity: 'response_unit', entityId: String(id), before, after: null })
  return before
}
