import type { HexSize } from '../analysis/hex-grid.ts'
import type { Queryable } from '../db/database.ts'
import type { EventCover } from '../queries/blind-spots.ts'
import type { ReachMethodState } from './network-reach.ts'
import type { ReachSpeeds } from './speeds.ts'
import { z } from 'zod'
import { hexIndex } from '../analysis/hex-grid.ts'
import { utmZoneOfSrid } from '../analysis/utm.ts'
import { cellId, cellKey, cellRing } from '../hotspots/hex-study.ts'
import { indicatorCode, month, regionCode } from '../http/params.ts'
import { eventCoverByArea, eventCoverBySpeed } from '../queries/blind-spots.ts'
import { regionSrid } from '../queries/study-region.ts'
import { regionInScope } from '../routes/region-access.ts'
import { networkActive, unitsReach } from './network-reach.ts'
import { MAX_COVERAGE_MONTHS } from './schemas.ts'
import { reachSteps } from './speeds.ts'

/** Default least number of uncovered events for a cell to count as a blind spot. */
export const DEFAULT_MIN_UNCOVERED = 5

export const blindSpotQuery = z.object({
  region: regionCode,
  months: z.coerce.number().int().min(1).max(MAX_COVERAGE_MONTHS).default(6),
  to: month.optional(),
  indicator: indicatorCode.default('all'),
  size: z.enum(['250', '500', '1000']).default('500').transform(v => Number(v) as HexSize),
  min: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_MIN_UNCOVERED),
  limit: z.coerce.number().int().min(1).max(500).default(20),
})

export interface BlindSpotCell {
  id: string
  i: number
  j: number
  events: number
  uncovered: number
  /** uncovered / events, to 4 decimals. */
  share: number
  rank: number
}

/**
 * Ranks hexagon cells by their uncovered events: each event falls in the hexagon (the layout of
 * analysis/hex-grid.ts, ST_HexagonGrid's) whose centre is nearest in the zone's metres; cells with
 * at least `min` uncovered events are blind spots, ordered by uncovered events, then events, then
 * (i, j); the first `limit` are kept. Ranks are 1-based and dense over the kept list.
 */
export function rankBlindSpots(events: EventCover[], study: { size: HexSize, srid: number }, opts: { min: number, limit: number }): { cells: BlindSpotCell[], candidates: number, cellsWithEvents: number } {
  const cells = new Map<string, { i: number, j: number, events: number, uncovered: number }>()
  for (const e of events) {
    const [i, j] = hexIndex(e.x, e.y, study.size)
    const key = cellKey(i, j)
    const cell = cells.get(key) ?? { i, j, events: 0, uncovered: 0 }
    cell.events++
    if (!e.covered)
      cell.uncovered++
    cells.set(key, cell)
  }
  const hot = [...cells.values()].filter(c => c.uncovered >= opts.min)
  hot.sort((a, b) => b.uncovered - a.uncovered || b.events - a.events || a.i - b.i || a.j - b.j)
  return {
    cells: hot.slice(0, opts.limit).map((c, k) => ({
      id: cellId(study, c),
      i: c.i,
      j: c.j,
      events: c.events,
      uncovered: c.uncovered,
      share: Math.round((c.uncovered / c.events) * 10_000) / 10_000,
      rank: k + 1,
    })),
    candidates: hot.length,
    cellsWithEvents: cells.size,
  }
}

export interface BlindSpotInput {
  region: string
  from: string
  to: string
  leaves: string[]
  size: HexSize
  min: number
  limit: number
}

/** The blind spots of a region, under the principal's scope, by the active reach method. */
export async function blindSpots(q: Queryable, input: BlindSpotInput, speeds: ReachSpeeds, state: ReachMethodState) {
  await regionInScope(q, input.region)
  const srid = (await regionSrid(q, input.region))!
  const base = { region: input.region, from: input.from, to: input.to, leaves: input.leaves, srid }
  let events: EventCover[]
  if (networkActive(state)) {
    const ids = (await q.query<{ id: number }>('SELECT id FROM response_unit ORDER BY id')).map(r => r.id)
    const reach = await unitsReach(q, ids, speeds, state)
    events = await eventCoverByArea(q, base, { ids: reach.map(r => r.id), within5: reach.map(r => JSON.stringify(r.areas[2])) })
  }
  else {
    events = await eventCoverBySpeed(q, { ...base, radius5: reachSteps(speeds)[2]!.metres })
  }
  const ranked = rankBlindSpots(events, { size: input.size, srid }, input)
  const zone = utmZoneOfSrid(srid)
  return {
    ...ranked,
    srid,
    events: events.length,
    uncovered: events.filter(e => !e.covered).length,
    features: ranked.cells.map(c => ({
      type: 'Feature' as const,
      id: c.id,
      geometry: { type: 'Polygon' as const, coordinates: [cellRing({ size: input.size, zone }, c)] },
      properties: c,
    })),
  }
}
