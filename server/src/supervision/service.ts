import type { Scoped } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { ListingRow, ThresholdKind } from '../queries/supervision.ts'
import type { CloseBody, CreateBody, PatchBody } from './schemas.ts'
import { addMonths } from '../analysis/months.ts'
import { fail } from '../http/errors.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { shanghaiToday } from '../listed/lifecycle.ts'
import { appendAudit } from '../queries/audit.ts'
import { dataMonths, regionTrend } from '../queries/choropleth.ts'
import { closeListing, getListing, insertListing, insertNote, openListingOf, regionForListing, updateListing } from '../queries/supervision.ts'
import { closureEvidence, evidenceSummary, lastCompleteMonth } from './closure.ts'

/** Who acts, in which scope, for the audit log. */
export interface Actor { actor: string, scope: string, requestId: string | null }

function audit(q: Scoped, who: Actor, action: string, id: number, before: unknown, after: unknown) {
  return appendAudit(q.client, { ...who, action: `supervision.${action}`, entity: 'supervision_listing', entityId: String(id), before, after })
}

function checkIndicator(catalog: Catalog, code: string): void {
  if (!catalog.has(code))
    fail(400, 'unknown_indicator', `indicator: unknown code "${code}"; see GET /api/indicators`)
}

/** A district or township the scope can see; 400 for an unknown code or another level, 403 outside the scope. */
async function checkRegion(q: Scoped, code: string, scope: string) {
  const r = await regionForListing(q, code)
  if (!r.exists)
    fail(400, 'unknown_region', `region: unknown region code ${code}`)
  if (!r.visible)
    fail(403, 'outside_scope', `region: ${code} is outside your region scope ${scope}`)
  if (r.visible.level !== 'district' && r.visible.level !== 'township')
    fail(400, 'invalid_parameter', `region: list a district or a township, not a ${r.visible.level}`)
  return r.visible
}

function checkPopulation(kind: ThresholdKind, population: number | null, region: string): void {
  if (kind === 'per10k' && !population)
    fail(400, 'no_population', `thresholdKind: region ${region} has no population, so a per-10k threshold cannot be checked; use a count`)
}

async function checkNotListed(q: Scoped, region: string, indicator: string, except: number | null): Promise<void> {
  const open = await openListingOf(q, region, indicator, except)
  if (open !== null)
    fail(409, 'already_listed', `region ${region} is already listed for ${indicator} (listing ${open}); close it first or edit that one`, { id: open })
}

export async function createListing(q: Scoped, catalog: Catalog, body: CreateBody, who: Actor): Promise<ListingRow> {
  const listedOn = body.listedOn ?? shanghaiToday()
  if (body.deadline < listedOn)
    fail(400, 'invalid_parameter', `deadline: must not be before listedOn (${listedOn})`)
  checkIndicator(catalog, body.indicator)
  const region = await checkRegion(q, body.region, who.scope)
  checkPopulation(body.thresholdKind, region.population, body.region)
  await checkNotListed(q, body.region, body.indicator, null)
  const id = await insertListing(q, { ...body, listedOn, actor: who.actor })
  const row = (await getListing(q, id))!
  await audit(q, who, 'create', id, null, row)
  return row
}

/** The row locked for a write: 404 outside the scope, 409 if the caller read an older version or it is closed. */
async function lockOpen(q: Scoped, id: number, version: number | undefined): Promise<ListingRow> {
  const row = await getListing(q, id, true)
  if (!row)
    fail(404, 'not_found', `no supervision listing ${id}`)
  if (version !== undefined && row.version !== version)
    fail(409, 'version_conflict', `supervision listing ${id} has changed since you read it (version ${row.version}, you sent ${version}); reload it and try again`, { currentVersion: row.version })
  if (row.status === 'closed')
    fail(409, 'closed', `supervision listing ${id} is closed (销号) and can no longer change`)
  return row
}

export async function editListing(q: Scoped, catalog: Catalog, id: number, body: PatchBody, who: Actor): Promise<ListingRow> {
  const before = await lockOpen(q, id, body.version)
  const listedOn = body.listedOn ?? before.listedOn
  const deadline = body.deadline ?? before.deadline
  if (deadline < listedOn)
    fail(400, 'invalid_parameter', `deadline: must not be before listedOn (${listedOn})`)
  if (body.indicator) {
    checkIndicator(catalog, body.indicator)
    await checkNotListed(q, before.region, body.indicator, id)
  }
  checkPopulation(body.thresholdKind ?? before.thresholdKind, before.population, before.region)
  await updateListing(q, id, body, who.actor)
  const after = (await getListing(q, id))!
  await audit(q, who, 'update', id, before, after)
  return after
}

export async function addNote(q: Scoped, id: number, text: string, who: Actor) {
  const before = await lockOpen(q, id, undefined)
  const note = await insertNote(q, id, text, who.actor)
  await audit(q, who, 'note', id, null, { note, listing: { id, version: before.version } })
  return note
}

/**
 * 销号. On evidence the server computes the indicator's monthly values for the region from the
 * rollup (docs/supervision-listing.md) and refuses with 409 and the month-by-month numbers unless
 * every month is at or under the threshold; the admin's reason is checked for the role by the route.
 */
export async function closeWith(q: Scoped, catalog: Catalog, id: number, body: CloseBody, who: Actor): Promise<ListingRow> {
  const before = await lockOpen(q, id, body.version)
  let closure: { kind: CloseBody['kind'], detail: string, evidence: unknown }
  if (body.kind === 'admin_reason') {
    closure = { kind: body.kind, detail: body.reason, evidence: null }
  }
  else {
    const last = lastCompleteMonth(currentShanghaiMonth(), (await dataMonths(q))?.to ?? null)
    if (!last)
      fail(409, 'evidence_insufficient', 'no data has been imported, so there is no evidence to close on')
    const values = await regionTrend(q, before.region, catalog.leaves(before.indicator), { from: addMonths(last, 1 - before.monthsRequired), to: last })
    const evidence = closureEvidence(before, values, last)
    if (!evidence.met) {
      const over = evidence.months.filter(m => !m.under).map(m => `${m.month}: ${m.measured}`).join(', ')
      fail(409, 'evidence_insufficient', `${before.indicator} for ${before.regionName} is over the threshold ${before.threshold}${before.thresholdKind === 'per10k' ? ' per 10k' : ''} in ${over} (${evidence.from}..${evidence.to}); it must be at or under it for ${before.monthsRequired} consecutive month(s)`, { evidence })
    }
    closure = { kind: body.kind, detail: evidenceSummary(evidence), evidence }
  }
  await closeListing(q, id, { ...closure, actor: who.actor })
  const after = (await getListing(q, id))!
  await audit(q, who, 'close', id, before, after)
  return after
}
