import type { Scoped } from '../db/database.ts'
import type { ReachSpeeds } from '../response/speeds.ts'
import type { PatrolRoute } from './route.ts'
import type { SolveBody } from './schemas.ts'
import { greedyMaxCover } from '../analysis/max-cover.ts'
import { addMonths } from '../analysis/months.ts'
import { utmToLonLat } from '../analysis/utm.ts'
import { cellId, layoutStudy } from '../hotspots/hex-study.ts'
import { fail } from '../http/errors.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { countPlanEvents, planDemands, pointsInside } from '../queries/patrol-plans.ts'
import { reachSteps, speedMethod } from '../response/speeds.ts'
import { regionInScope } from '../routes/region-access.ts'
import { patrolRoute } from './route.ts'

/** Candidate cells per solve: a district of about 100 km² has some 640 cells of 250 m. */
export const MAX_CANDIDATES = 5_000
/** Events per solve. */
export const MAX_EVENTS = 100_000
/** Candidates × events: the distance tests the solve may have to make. */
export const MAX_PAIRS = 8_000_000

export interface PlanParams {
  k: number
  months: number
  from: string
  to: string
  indicator: string
  minutes: 1 | 3 | 5
  mode: 'walk' | 'vehicle'
  kmh: number
  radiusM: number
  cellSize: 250 | 500
}

export interface PlanPost {
  /** 1 for the first pick. */
  rank: number
  /** The candidate hexagon, `<size>:<srid>:<i>:<j>` (hex-study.ts). */
  cell: string
  lon: number
  lat: number
  /** Events this post newly covers: not covered by existing units or by the posts before it. */
  gain: number
  /** Events covered once this post is added. */
  coveredAfter: number
}

export interface PlanSolution {
  region: { code: string, name: string, level: string }
  params: PlanParams
  events: number
  coveredBefore: number
  coveredAfter: number
  shareBefore: number | null
  shareAfter: number | null
  posts: PlanPost[]
  /** Through the posts, starting at the first pick; null for fewer than two posts. */
  route: PatrolRoute | null
  candidates: { count: number, features: Array<{ cell: string, lon: number, lat: number, gain: number }> }
  method: Record<string, unknown>
}

const share = (n: number, of: number) => of ? Math.round((n / of) * 10_000) / 10_000 : null
const round7 = (x: number) => Math.round(x * 1e7) / 1e7

export function periodOf(months: number, to: string | undefined): { from: string, to: string } {
  // The last N complete months by default, as coverage counts them.
  const end = to ?? addMonths(currentShanghaiMonth(), -1)
  return { from: addMonths(end, 1 - months), to: end }
}

export function reachOf(minutes: 1 | 3 | 5, speeds: ReachSpeeds) {
  return reachSteps(speeds).find(s => s.minutes === minutes)!
}

function tooMuch(message: string, details: Record<string, number>): never {
  fail(400, 'too_much_work', message, details)
}

/**
 * Where to put k new posts in a district or township: candidate sites are the centres of the
 * hexagon cells (250 or 500 m) that lie inside the region; demands are the region's events of the
 * period, one unit of weight each. An event already within reach of an existing unit on duty at
 * the event's time is covered before any post is added: it counts in the totals, never in a gain.
 * Greedy maximal covering (analysis/max-cover.ts) then adds, k times, the candidate that covers the
 * most events still uncovered. Runs inside the caller's scoped transaction.
 */
export async function solvePlan(db: Scoped, body: SolveBody, leaves: string[], speeds: ReachSpeeds): Promise<PlanSolution> {
  const region = await regionInScope(db, body.region)
  if (region.level === 'city')
    fail(400, 'invalid_parameter', `region: ${body.region} is a city; plan posts for one of its districts or townships`, [{ parameter: 'region', message: 'expected a district or township' }])
  const period = periodOf(body.months, body.to)
  const step = reachOf(body.minutes, speeds)
  const params: PlanParams = {
    k: body.k,
    months: body.months,
    ...period,
    indicator: body.indicator,
    minutes: body.minutes,
    mode: step.mode,
    kmh: step.kmh,
    radiusM: Math.round(step.metres * 10) / 10,
    cellSize: body.cellSize,
  }

  const study = await layoutStudy(db, region.code, body.cellSize)
  const centres = study.cells.map(c => utmToLonLat(c.x, c.y, study.zone).map(round7) as [number, number])
  if (centres.length > MAX_CANDIDATES * 2)
    tooMuch(`region ${region.code} needs ${centres.length} cells of ${body.cellSize} m to cover it, far more than the ${MAX_CANDIDATES} candidates a solve may weigh; choose 500 m cells or a township`, { limit: MAX_CANDIDATES, cells: centres.length })
  const inside = await pointsInside(db, region.code, centres.map(c => c[0]), centres.map(c => c[1]))
  if (inside.length > MAX_CANDIDATES)
    tooMuch(`region ${region.code} has ${inside.length} candidate cells of ${body.cellSize} m, more than ${MAX_CANDIDATES}; choose 500 m cells or a township`, { limit: MAX_CANDIDATES, candidates: inside.length })
  if (!inside.length)
    fail(400, 'no_candidates', `no ${body.cellSize} m cell has its centre inside region ${region.code}; choose 250 m cells`)
  const candidates = inside.map(k => ({ cell: cellId(study, study.cells[k]!), lon: centres[k]![0], lat: centres[k]![1] }))

  const events = { region: region.code, from: period.from, to: period.to, leaves }
  const eventCount = await countPlanEvents(db, events)
  if (eventCount > MAX_EVENTS)
    tooMuch(`${eventCount} events in the period, more than ${MAX_EVENTS}; choose fewer months, an indicator or a township`, { limit: MAX_EVENTS, events: eventCount })
  if (eventCount * candidates.length > MAX_PAIRS)
    tooMuch(`${candidates.length} candidates × ${eventCount} events is more than ${MAX_PAIRS} distance tests; choose 500 m cells, fewer months, an indicator or a township`, { limit: MAX_PAIRS, candidates: candidates.length, events: eventCount })

  const demands = await planDemands(db, events, step.metres, candidates.map(c => c.lon), candidates.map(c => c.lat))
  const covers: number[][] = candidates.map(() => [])
  const alreadyCovered: number[] = []
  demands.forEach((d, i) => {
    if (d.today)
      alreadyCovered.push(i)
    for (const c of d.candidates)
      covers[c]!.push(i)
  })
  const result = greedyMaxCover({ weights: new Float64Array(demands.length).fill(1), covers, alreadyCovered, k: body.k })

  const posts: PlanPost[] = result.picks.map((p, i) => ({ rank: i + 1, ...candidates[p.candidate]!, gain: p.gain, coveredAfter: p.coveredAfter }))
  const route = posts.length >= 2 ? patrolRoute(posts, speeds) : null
  return {
    region: { code: region.code, name: region.name, level: region.level },
    params,
    events: demands.length,
    coveredBefore: result.coveredBefore,
    coveredAfter: result.coveredAfter,
    shareBefore: share(result.coveredBefore, demands.length),
    shareAfter: share(result.coveredAfter, demands.length),
    posts,
    route,
    candidates: {
      count: candidates.length,
      features: candidates.map((c, k) => ({ ...c, gain: covers[k]!.filter(d => !demands[d]!.today).length })),
    },
    method: {
      ...result.method,
      objective: 'event-weighted coverage of what is not yet covered: each event of the period in the region weighs 1; an event already within reach of an existing unit on duty at its time counts in the totals but weighs 0 in every gain',
      candidates: `centres of the ${body.cellSize} m hexagon cells (edge length) whose centre lies inside the region`,
      reach: `a post covers an event within ${params.radiusM} m: ${body.minutes} minute(s) ${step.mode === 'walk' ? 'on foot' : 'by vehicle'} at ${step.kmh} km/h, straight-line, geodesic distance`,
      posts: 'new posts count as on duty around the clock',
      events: 'events of the region (its townships) only; an event outside the region does not count even when a post would reach it',
      scope: 'only units and events in your region scope count',
      speeds: speedMethod(speeds),
    },
  }
}
