import { randomPoints } from './fixture-points.ts'

/**
 * The regions the access-control tests work in: two sibling townships of 洮北区, their district,
 * a sibling district and the city.
 */
export const regions = {
  city: '220800',
  district: '220802',
  township: '220802009000',
  sibling: '220802103000',
  siblingDistrict: '220821',
} as const

// 400 seeded points over 洮北区 put 17 strictly inside each of the two townships (turf truth).
const points = randomPoints(regions.district, 400, 7)

/** The first n fixture points inside a township of 洮北区. */
export function pointsIn(township: string, n: number): Array<{ lon: number, lat: number }> {
  const inside = points.filter(p => p.township === township).slice(0, n)
  if (inside.length < n)
    throw new Error(`only ${inside.length} fixture points in ${township}`)
  return inside
}

/** An events CSV with n events in a township at one instant (Asia/Shanghai local time). */
export function eventsCsv(township: string, n: number, opts: { idPrefix: string, indicator?: string, at?: string }): string {
  const rows = pointsIn(township, n).map((p, i) => `${opts.idPrefix}-${i},${opts.indicator ?? 'A2-03'},${opts.at ?? '2025-06-15 12:00:00'},${p.lon},${p.lat}`)
  return ['id,indicator,occurred_at,lon,lat', ...rows].join('\n')
}

/** A values CSV with one monthly value. */
export function valuesCsv(region: string, value: number, opts: { indicator?: string, month?: string } = {}): string {
  return `region,indicator,month,value\n${region},${opts.indicator ?? 'B2-01'},${opts.month ?? '2025-06'},${value}`
}
