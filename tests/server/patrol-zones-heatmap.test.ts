import type { LonLat } from '../helpers/listed-fixture.ts'
import { parseDutyWindows } from '@riskmap/server/analysis/duty-windows.ts'
import { shiftMinutes, windowCover } from '@riskmap/server/patrol/shift-cover.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../fixtures/seeded-random.ts'
import { adminCaller } from '../helpers/http-client.ts'
import { offset, roomyPointIn, square } from '../helpers/listed-fixture.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const api = adminCaller(ctx, '/api/patrol-zones')

/**
 * Planted events around a 400 m square zone and a 300 m north–south route 350 m east of its centre.
 * Each event is placed by its east/north offset in metres (dx, dy) from the centre, so the test
 * knows which zone holds it without PostGIS: inside the square when |dx|, |dy| < 200; within the
 * route's 50 m when |dx − 350| ≤ 44 (and |dy| < 140, beside the segment). Local times are written
 * as Asia/Shanghai wall-clock text; the test reads weekday and hour from the text itself.
 */
interface Planted { dx: number, dy: number, local: string, indicator: string }
let c: LonLat
const planted: Planted[] = []
const at = (p: Planted) => offset(offset(c, p.dx, 90), p.dy, 0)

function plant() {
  const random = seededRandom(515)
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!
  const two = (n: number) => String(n).padStart(2, '0')
  for (let k = 0; k < 260; k++) {
    const kind = pick(['square', 'square', 'outside', 'near', 'near', 'far'])
    const u = () => random() * 2 - 1
    const [dx, dy] = kind === 'square'
      ? [185 * u(), 185 * u()]
      : kind === 'outside'
        ? [-215 - 100 * random(), 185 * u()]
        : kind === 'near'
          ? [350 + 44 * u(), 140 * u()]
          : [350 + (random() < 0.5 ? -1 : 1) * (57 + 40 * random()), 140 * u()]
    // Evenings on Friday and Saturday are busier, to give the recommendations a peak.
    const month = 7 + Math.floor(random() * 6)
    const day = 1 + Math.floor(random() * 28)
    const hour = random() < 0.35 ? 19 + Math.floor(random() * 5) : Math.floor(random() * 24)
    planted.push({ dx, dy, local: `2025-${two(month)}-${two(day)} ${two(hour)}:${two(Math.floor(random() * 60))}:00`, indicator: random() < 0.8 ? 'A2-03' : 'C2-05' })
  }
  // Just outside the period on either side, in the square: never counted.
  planted.push({ dx: 0, dy: 0, local: '2025-06-30 23:30:00', indicator: 'A2-03' }, { dx: 10, dy: 10, local: '2026-01-01 00:10:00', indicator: 'A2-03' })
  // At the very edges of the day inside the period.
  planted.push({ dx: 5, dy: -5, local: '2025-07-06 23:59:00', indicator: 'A2-03' }, { dx: -5, dy: 5, local: '2025-12-31 00:00:00', indicator: 'A2-03' })
}

/** The test's own 7 × 24 count: weekday from the calendar date, hour from the clock text. */
function expected(inZone: (p: Planted) => boolean, indicator?: string): number[][] {
  const m = Array.from({ length: 7 }, () => Array.from<number>({ length: 24 }).fill(0))
  for (const p of planted) {
    if (!inZone(p) || (indicator && p.indicator !== indicator) || p.local < '2025-07' || p.local >= '2026-01')
      continue
    const [y, mo, d] = p.local.slice(0, 10).split('-').map(Number)
    const iso = new Date(Date.UTC(y!, mo! - 1, d!)).getUTCDay() || 7
    m[iso - 1]![Number(p.local.slice(11, 13))]!++
  }
  return m
}

const inSquare = (p: Planted) => Math.abs(p.dx) < 200 && Math.abs(p.dy) < 200
const nearRoute = (p: Planted) => Math.abs(p.dx - 350) <= 45 && Math.abs(p.dy) < 150
const sum = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0)

let squareId: number
let routeId: number

beforeAll(async () => {
  c = await roomyPointIn(ctx.t.db, regions.township, 450)
  plant()
  const rows = planted.map((p, k) => `hm-${k},${p.indicator},${p.local},${at(p).lon},${at(p).lat}`)
  const res = await ctx.post('/api/import/events?source=patrol-heatmap', ['id,indicator,occurred_at,lon,lat', ...rows].join('\n'))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  squareId = (await api('POST', '', { name: 'square', type: 'street', shifts: [{ start: '19:00', end: '23:00' }], geometry: square(c, 200) })).body.zone.id
  const [s, n] = [offset(offset(c, 350, 90), 150, 180), offset(offset(c, 350, 90), 150, 0)]
  routeId = (await api('POST', '', { name: 'route', type: 'drone_night_route', geometry: { type: 'LineString', coordinates: [[s.lon, s.lat], [n.lon, n.lat]] } })).body.zone.id
})

describe('a zone\'s hour × weekday heatmap', () => {
  it('counts the events inside a polygon by Asia/Shanghai weekday and hour, equal to an independent count', async () => {
    const res = await api('GET', `/${squareId}/heatmap?months=6&to=2025-12`)
    expect(res.status, res.text).toBe(200)
    const h = res.body.heatmap
    const want = expected(inSquare)
    expect(sum(want)).toBeGreaterThan(60)
    expect(h.counts).toEqual(want)
    expect(h.total).toBe(sum(want))
    expect(h).toMatchObject({ from: '2025-07', to: '2025-12', months: 6, indicator: 'all', zoneId: squareId })
    expect(h.method.timeZone).toBe('Asia/Shanghai')
  })

  it('filters by indicator', async () => {
    const res = await api('GET', `/${squareId}/heatmap?months=6&to=2025-12&indicator=A2-03`)
    expect(res.body.heatmap.counts).toEqual(expected(inSquare, 'A2-03'))
  })

  it('counts events within 50 m of a line zone', async () => {
    const res = await api('GET', `/${routeId}/heatmap?months=6&to=2025-12`)
    expect(res.status, res.text).toBe(200)
    const want = expected(nearRoute)
    expect(sum(want)).toBeGreaterThan(40)
    expect(res.body.heatmap.counts).toEqual(want)
    expect(res.body.heatmap.method.area).toMatch(/within 50 m of the route/)
  })

  it('recommends the busiest 3-hour windows, each with its count and whether the shifts cover it', async () => {
    const res = await api('GET', `/${squareId}/heatmap?months=6&to=2025-12&hours=3&top=3`)
    const h = res.body.heatmap
    const want = expected(inSquare)
    const byHour = Array.from({ length: 24 }, (_, hr) => want.reduce((s, d) => s + d[hr]!, 0))
    const windowCount = (start: number) => [0, 1, 2].reduce((s, k) => s + byHour[(start + k) % 24]!, 0)
    const best = Math.max(...byHour.map((_, s) => windowCount(s)))
    expect(h.recommended).toHaveLength(3)
    expect(h.recommended[0].count).toBe(best)
    for (const w of h.recommended) {
      expect(w.count).toBe(windowCount(w.startHour))
      expect(w.hours).toBe(3)
      expect(w.day).toBeUndefined()
      // The test's own cover check: the shift is 19:00–23:00 every day.
      const inside = [0, 1, 2].map(k => (w.startHour + k) % 24).filter(hr => hr >= 19 && hr < 23).length
      expect(w.cover).toEqual({ covered: inside === 3 ? 'full' : inside === 0 ? 'none' : 'partial', coveredHours: inside * 7, totalHours: 21 })
    }
    // Windows never share an hour.
    const hours = h.recommended.flatMap((w: any) => [0, 1, 2].map(k => (w.startHour + k) % 24))
    expect(new Set(hours).size).toBe(hours.length)
  })

  it('recommends per weekday when asked', async () => {
    const res = await api('GET', `/${squareId}/heatmap?months=6&to=2025-12&hours=2&by=weekday&top=1`)
    const want = expected(inSquare)
    const ring = want.flat()
    for (const w of res.body.heatmap.recommended) {
      const first = (w.day - 1) * 24 + w.startHour
      expect(w.count).toBe(ring[first]! + ring[(first + 1) % 168]!)
      expect(w.cover.totalHours).toBe(2)
    }
    expect(new Set(res.body.heatmap.recommended.map((w: any) => w.day)).size).toBe(res.body.heatmap.recommended.length)
  })

  it('gives an empty matrix and no recommendations for a period without events, and 4xx for bad input', async () => {
    const empty = await api('GET', `/${squareId}/heatmap?months=3&to=2024-03`)
    expect(empty.body.heatmap).toMatchObject({ total: 0, recommended: [], shiftsCoverRecommended: null })
    expect((await api('GET', '/99999999/heatmap')).status).toBe(404)
    expect((await api('GET', `/${squareId}/heatmap?indicator=Z9-99`)).body.error.code).toBe('unknown_indicator')
    for (const bad of ['months=0', 'months=37', 'to=2025-13', 'hours=0', 'hours=13', 'by=month', 'top=0'])
      expect((await api('GET', `/${squareId}/heatmap?${bad}`)).status, bad).toBe(400)
  })
})

describe('whether shifts cover a patrol window', () => {
  const on = (shifts: unknown) => {
    const parsed = parseDutyWindows(shifts)
    if (!parsed.ok)
      throw new Error(parsed.message)
    return shiftMinutes(parsed.windows)
  }

  it('checks an overall window on all seven days', () => {
    expect(windowCover(on([{ start: '19:00', end: '23:00' }]), { startHour: 20, hours: 3 })).toEqual({ covered: 'full', coveredHours: 21, totalHours: 21 })
    expect(windowCover(on([{ days: [1, 2, 3, 4, 5], start: '19:00', end: '23:00' }]), { startHour: 20, hours: 3 })).toEqual({ covered: 'partial', coveredHours: 15, totalHours: 21 })
    expect(windowCover(on([]), { startHour: 20, hours: 3 })).toEqual({ covered: 'none', coveredHours: 0, totalHours: 21 })
  })

  it('needs all 60 minutes of an hour', () => {
    expect(windowCover(on([{ start: '20:30', end: '23:00' }]), { startHour: 20, hours: 3 }).coveredHours).toBe(14)
  })

  it('follows a window past midnight, and Sunday\'s into Monday', () => {
    expect(windowCover(on([{ days: [7], start: '22:00', end: '02:00' }]), { day: 7, startHour: 23, hours: 3 })).toEqual({ covered: 'full', coveredHours: 3, totalHours: 3 })
    expect(windowCover(on([{ days: [7], start: '22:00', end: '24:00' }]), { day: 7, startHour: 23, hours: 3 })).toEqual({ covered: 'partial', coveredHours: 1, totalHours: 3 })
    expect(windowCover(on([{ days: [1], start: '00:00', end: '02:00' }]), { day: 7, startHour: 23, hours: 3 })).toEqual({ covered: 'partial', coveredHours: 2, totalHours: 3 })
  })
})
