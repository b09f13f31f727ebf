import type { Scoped } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { HotspotRow } from '../queries/listed-hotspots.ts'
import type { GistarRunner } from './evidence.ts'
import type { CreateBody, GeometryInput, PatchBody } from './schemas.ts'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { appendAudit } from '../queries/audit.ts'
import { geometryValidity, getHotspot, insertHotspot, insertTransition, placement, updateHotspot } from '../queries/listed-hotspots.ts'
import { buildEvidence } from './evidence.ts'
import { geometryProblem, geometryText } from './geometry.ts'
import { planTransition } from './lifecycle.ts'

/** Who acts, in which scope, for the audit log. */
export interface Actor { actor: string, scope: string, requestId: string | null }

/** Distinct sub-class codes, each in the catalog; anything else is a 400 naming the codes. */
export function checkIndicators(catalog: Catalog, codes: string[]): string[] {
  const unique = [...new Set(codes)]
  const unknown = unique.filter(c => !catalog.isSubclass(c))
  if (unknown.length)
    fail(400, 'unknown_indicator', `unknown indicator sub-class ${unknown.map(c => `"${c}"`).join(', ')}; see GET /api/indicators`, { unknown })
  return unique
}

/** The sub-class codes to count for a hotspot, with the older codes they replace. */
export function leavesOf(catalog: Catalog, indicators: string[]): string[] {
  return [...new Set(indicators.flatMap(c => catalog.leaves(c)))].sort()
}

/** Checks the geometry in JS and in PostGIS, and finds its township inside the scope. */
async function placeArea(q: Scoped, g: GeometryInput, scope: string): Promise<{ geojson: string, region: string }> {
  const problem = geometryProblem(g)
  if (problem)
    fail(400, problem.code, problem.message, problem.hint ? { hint: problem.hint } : undefined)
  const geojson = geometryText(g)
  const validity = await geometryValidity(q, geojson)
  if (!validity.valid)
    fail(400, 'invalid_geometry', `geometry: not a valid ${g.type}: ${validity.reason}`)
  const at = await placement(q, geojson, scope)
  if (at.inScope === false)
    fail(403, 'outside_scope', `geometry: the area reaches outside your region scope ${scope}; draw it inside that region`)
  if (!at.township)
    fail(400, 'outside_townships', 'geometry: the area lies outside every loaded township; check the coordinates (WGS84 longitude, latitude)')
  if (at.inCity === false)
    fail(400, 'outside_city', 'geometry: the area reaches outside the city that holds it')
  return { geojson, region: at.township }
}

export async function createHotspot(q: Scoped, catalog: Catalog, body: CreateBody, who: Actor): Promise<HotspotRow> {
  const indicators = checkIndicators(catalog, body.indicators)
  const { geojson, region } = await placeArea(q, body.geometry, who.scope)
  const id = await insertHotspot(q, { ...body, indicators, geojson, region, createdBy: who.actor })
  const transition = await insertTransition(q, { hotspotId: id, from: null, to: 'listed', actor: who.actor, reason: 'listed', newDeadline: null, evidence: null })
  const row = (await getHotspot(q, id))!
  await appendAudit(q.client, { ...who, action: 'listed_hotspot.create', entity: 'listed_hotspot', entityId: String(id), before: null, after: { ...row, transition } })
  return row
}

/** The row locked for a write, 404 outside the scope, 409 if the caller read an older version. */
async function lockForWrite(q: Scoped, id: number, version: number): Promise<HotspotRow> {
  const row = await getHotspot(q, id, true)
  if (!row)
    fail(404, 'not_found', `no listed hotspot ${id}`)
  if (row.version !== version)
    fail(409, 'version_conflict', `listed hotspot ${id} has changed since you read it (version ${row.version}, you sent ${version}); reload it and try again`, { currentVersion: row.version })
  return row
}

export async function editHotspot(q: Scoped, catalog: Catalog, id: number, body: PatchBody, who: Actor): Promise<HotspotRow> {
  const before = await lockForWrite(q, id, body.version)
  if (before.status === 'delisted')
    fail(409, 'closed', `listed hotspot ${id} is delisted (销号) and can no longer be edited`)
  if (body.listedOn && body.listedOn > before.deadline)
    fail(400, 'invalid_parameter', `listedOn: must not be after the deadline ${before.deadline}`)
  const indicators = body.indicators && checkIndicators(catalog, body.indicators)
  const area = body.geometry && await placeArea(q, body.geometry, who.scope)
  await updateHotspot(q, id, { ...body, indicators, geojson: area?.geojson, region: area?.region })
  const after = (await getHotspot(q, id))!
  await appendAudit(q.client, { ...who, action: 'listed_hotspot.update', entity: 'listed_hotspot', entityId: String(id), before, after })
  return after
}

export interface TransitionInput { to: HotspotRow['status'], reason: string, newDeadline?: string | undefined, version: number }

/** One lifecycle step: checked by the state machine, recorded as a transition and in the audit log. */
export async function transitionHotspot(q: Scoped, catalog: Catalog, id: number, body: TransitionInput, who: Actor, runGistar: GistarRunner) {
  const before = await lockForWrite(q, id, body.version)
  const plan = planTransition(before, body)
  if (!plan.ok)
    fail(plan.status, plan.code, plan.message, { from: before.status, allowed: plan.allowed })
  // 销号 is decided on evidence: it is computed here, in this transaction, and kept with the step.
  const evidence = plan.needsEvidence
    ? await buildEvidence(q, before, { months: 6, last: addMonths(currentShanghaiMonth(), -1), leaves: leavesOf(catalog, before.indicators) }, runGistar)
    : null
  await updateHotspot(q, id, { status: plan.to, deadline: plan.deadline })
  const transition = await insertTransition(q, { hotspotId: id, from: before.status, to: plan.to, actor: who.actor, reason: body.reason, newDeadline: plan.to === 'extended' ? plan.deadline : null, evidence })
  const after = (await getHotspot(q, id))!
  await appendAudit(q.client, { ...who, action: 'listed_hotspot.transition', entity: 'listed_hotspot', entityId: String(id), before, after: { ...after, transition } })
  return { hotspot: after, transition }
}
