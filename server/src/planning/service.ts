import type { Scoped } from '../db/database.ts'
import type { PlanRow } from '../queries/patrol-plans.ts'
import type { ReachSpeeds } from '../response/speeds.ts'
import type { CreateBody } from './schemas.ts'
import { fail } from '../http/errors.ts'
import { appendAudit } from '../queries/audit.ts'
import { compareRows, deletePlan, getPlan, insertPlan } from '../queries/patrol-plans.ts'
import { solvePlan } from './solve.ts'

/** Who acts, in which scope, for the audit log. */
export interface Actor { actor: string, scope: string, requestId: string | null }

/**
 * Solves the plan again on the server (the same answer the caller saw, as the solve is
 * deterministic, unless events or units changed since) and stores it with its name. The client
 * never sends posts or gains, so a saved plan's numbers are always the server's own.
 */
export async function createPlan(db: Scoped, body: CreateBody, leaves: string[], speeds: ReachSpeeds, who: Actor): Promise<PlanRow> {
  const { name, ...solve } = body
  const s = await solvePlan(db, solve, leaves, speeds)
  if (!s.posts.length)
    fail(422, 'empty_plan', `no candidate in ${s.region.code} covers an event that is not already covered (${s.events} events, ${s.coveredBefore} covered today); there is no plan to save`)
  const id = await insertPlan(db, {
    name,
    region: s.region.code,
    params: s.params,
    posts: s.posts,
    route: s.route,
    summary: { events: s.events, coveredBefore: s.coveredBefore, coveredAfter: s.coveredAfter, shareBefore: s.shareBefore, shareAfter: s.shareAfter, candidates: s.candidates.count },
    actor: who.actor,
  })
  const row = (await getPlan(db, id))!
  await appendAudit(db.client, { ...who, action: 'patrol_plan.create', entity: 'patrol_plan', entityId: String(id), before: null, after: row })
  return row
}

export async function removePlan(db: Scoped, id: number, who: Actor): Promise<PlanRow> {
  const before = await getPlan(db, id)
  if (!before || !(await deletePlan(db, id)))
    fail(404, 'not_found', `no patrol plan ${id}`)
  await appendAudit(db.client, { ...who, action: 'patrol_plan.delete', entity: 'patrol_plan', entityId: String(id), before, after: null })
  return before
}

const share = (n: number, of: number) => of ? Math.round((n / of) * 10_000) / 10_000 : null

/**
 * Coverage per township of the plan's region for the plan's period, indicator and reach: today
 * (existing units on duty at each event's time, as they are now) and with the plan's posts added
 * as units on duty around the clock.
 */
export async function comparePlan(db: Scoped, id: number, leaves: (indicator: string) => string[]) {
  const plan = await getPlan(db, id)
  if (!plan)
    fail(404, 'not_found', `no patrol plan ${id}`)
  const p = plan.params
  const rows = await compareRows(db, { region: plan.region, from: p.from, to: p.to, leaves: leaves(p.indicator) }, p.radiusM, plan.posts.map(x => x.lon), plan.posts.map(x => x.lat))
  const townships = rows.map(r => ({ ...r, gain: r.withPlan - r.today, shareToday: share(r.today, r.events), shareWithPlan: share(r.withPlan, r.events) }))
  const sum = (f: (r: typeof rows[number]) => number) => rows.reduce((n, r) => n + f(r), 0)
  const total = { events: sum(r => r.events), today: sum(r => r.today), withPlan: sum(r => r.withPlan) }
  return {
    plan: { id: plan.id, name: plan.name, region: plan.region, regionName: plan.regionName, posts: plan.posts.length },
    from: p.from,
    to: p.to,
    months: p.months,
    indicator: p.indicator,
    minutes: p.minutes,
    radiusM: p.radiusM,
    townships,
    total: { ...total, gain: total.withPlan - total.today, shareToday: share(total.today, total.events), shareWithPlan: share(total.withPlan, total.events) },
    method: {
      today: 'events within the radius of an existing unit on duty at the event\'s time (Asia/Shanghai), units as they are now',
      withPlan: 'the same, or within the radius of one of the plan\'s posts, counted as on duty around the clock',
      distance: 'geodesic (WGS84 spheroid), straight-line',
      scope: 'only units and events in your region scope count',
    },
  }
}
