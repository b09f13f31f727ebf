import type { Queryable } from '../db/database.ts'
import type { ZoneRow } from '../queries/patrol-zones.ts'
import { parseDutyWindows } from '../analysis/duty-windows.ts'
import { hourWeekdayMatrix, recommendPatrolWindows } from '../analysis/patrol-windows.ts'
import { zoneEventInstants } from '../queries/patrol-zones.ts'
import { shiftMinutes, windowCover } from './shift-cover.ts'

/** Events within this many metres of a line zone (a route) count as the route's. */
export const LINE_BUFFER_M = 50

export interface HeatmapOptions {
  leaves: string[]
  from: string
  to: string
  hours: number
  by: 'overall' | 'weekday'
  top: number
}

/**
 * A zone's 7 × 24 matrix of events (ISO weekday × local hour, Asia/Shanghai) over the months,
 * the recommended patrol windows, and whether the zone's shifts cover each of them.
 */
export async function zoneHeatmap(q: Queryable, zone: ZoneRow, o: HeatmapOptions) {
  const instants = await zoneEventInstants(q, zone.id, { leaves: o.leaves, from: o.from, to: o.to, lineBuffer: LINE_BUFFER_M })
  const matrix = hourWeekdayMatrix(instants)
  const windows = matrix.total ? recommendPatrolWindows(matrix, { hours: o.hours, by: o.by, top: o.top }) : []
  const parsed = parseDutyWindows(zone.shifts)
  const on = shiftMinutes(parsed.ok ? parsed.windows : [])
  const recommended = windows.map(w => ({ ...w, share: Math.round(w.share * 10_000) / 10_000, cover: windowCover(on, w) }))
  const covered = recommended.filter(w => w.cover.covered === 'full').length
  return {
    zoneId: zone.id,
    from: o.from,
    to: o.to,
    counts: matrix.counts,
    total: matrix.total,
    recommended,
    shifts: zone.shifts,
    shiftsCoverRecommended: recommended.length ? (covered === recommended.length ? 'all' : recommended.some(w => w.cover.covered !== 'none') ? 'some' : 'none') : null,
    method: {
      timeZone: 'Asia/Shanghai',
      rows: 'ISO weekday, 1 = Monday … 7 = Sunday; columns: local hour 0–23',
      area: zone.geometry.type === 'LineString'
        ? `events within ${LINE_BUFFER_M} m of the route (geodesic distance)`
        : 'events inside the polygon, its edge included',
      windows: `runs of ${o.hours} whole hours ranked by events, ${o.by === 'weekday' ? `the top ${o.top} of each weekday` : `the top ${o.top} over all days together`}; a window never shares an hour with a better one`,
      cover: 'an hour counts as covered when one of the zone\'s shifts holds all of it; an overall window is checked on all seven days',
      scope: 'only events in your region scope count',
    },
  }
}
