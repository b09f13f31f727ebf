import { cyclicPeak, summariseCalendar } from '@riskmap/server/water/calendar.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCaller } from '../helpers/http-client.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

describe('cyclic peaks', () => {
  it('finds the run around the fullest bin where each bin is at least 1.5 × the mean', () => {
    const months = [1, 1, 1, 1, 2, 6, 9, 8, 2, 1, 1, 1] // mean 2.83, threshold 4.25
    expect(cyclicPeak(months, 1)).toEqual({ bins: [6, 7, 8], max: 7, share: 0.6765 })
    const hours = Array.from({ length: 24 }, (_, h) => (h >= 16 && h <= 19 ? 10 : 1))
    expect(cyclicPeak(hours, 0)?.bins).toEqual([16, 17, 18, 19])
  })
  it('wraps around the year, and finds nothing in flat or empty data', () => {
    expect(cyclicPeak([9, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 8], 1)?.bins).toEqual([12, 1, 2])
    expect(cyclicPeak(Array.from({ length: 12 }, () => 3), 1)).toBeNull()
    expect(cyclicPeak(Array.from({ length: 12 }, () => 0), 1)).toBeNull()
  })
  it('counts peak hours within the peak months only', () => {
    const cells = [
      ...[6, 7, 8].flatMap(month => [17, 18].map(hour => ({ month, hour, count: 20 }))),
      ...[1, 2, 3, 4].map(month => ({ month, hour: 9, count: 10 })),
    ]
    const s = summariseCalendar(cells)
    expect(s.peakMonths?.bins).toEqual([6, 7, 8])
    expect(s.peakHours?.bins).toEqual([17, 18])
    expect(s.byHour[9]).toBe(40)
    expect(s.total).toBe(160)
  })
})

const ctx = useTestApp()
const api = adminCaller(ctx, '/api/water')

// Local times (Asia/Shanghai) unless an offset is given; the last one is 1 August 01:30 local.
const times = [
  '2025-07-14 17:05:00',
  '2025-07-14 17:55:00',
  '2025-07-20 18:10:00',
  '2025-06-02 16:00:00',
  '2025-08-09 19:59:59',
  '2025-08-09 17:30:00',
  '2025-07-01 17:00:00',
  '2025-01-03 09:00:00',
  '2025-12-31 23:59:00',
  '2025-07-31T17:30:00Z',
]
const outside = ['2024-12-31 23:00:00', '2026-01-01 00:00:00']

beforeAll(async () => {
  const pts = pointsIn(regions.township, times.length + outside.length + 2)
  const rows = [...times, ...outside].map((t, i) => `wc-${i},A2-01,${t},${pts[i]!.lon},${pts[i]!.lat}`)
  // Other sub-classes are not counted.
  rows.push(`wc-x1,A2-03,2025-07-14 17:00:00,${pts.at(-1)!.lon},${pts.at(-1)!.lat}`)
  rows.push(`wc-x2,C1-01,2025-07-14 17:00:00,${pts.at(-2)!.lon},${pts.at(-2)!.lat}`)
  const res = await ctx.post('/api/import/events?source=water-calendar', ['id,indicator,occurred_at,lon,lat', ...rows].join('\n'))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
})

/** The test's own month and hour of an instant in UTC+8. */
function local(t: string): { month: number, hour: number } {
  const at = /[Z+]/.test(t.slice(10)) ? new Date(t) : new Date(`${t.replace(' ', 'T')}+08:00`)
  const shifted = new Date(at.getTime() + 8 * 3600_000)
  return { month: shifted.getUTCMonth() + 1, hour: shifted.getUTCHours() }
}

describe('gET /api/water/calendar', () => {
  it('counts A2-01 by local month × hour, equal to an independent count', async () => {
    const res = await api('GET', `/calendar?to=2025-12&months=12&region=${regions.district}`)
    expect(res.status, res.text).toBe(200)
    const expected = new Map<string, number>()
    for (const t of times) {
      const { month, hour } = local(t)
      expected.set(`${month}-${hour}`, (expected.get(`${month}-${hour}`) ?? 0) + 1)
    }
    const got = new Map(res.body.cells.map((c: any) => [`${c.month}-${c.hour}`, c.count]))
    expect(got).toEqual(expected)
    expect(got.get('8-1')).toBe(1)
    expect(res.body.total).toBe(times.length)
    expect(res.body.from).toBe('2025-01')
    expect(res.body.peakMonths.bins).toEqual([7, 8])
    // July and August hold 7 events; within them 17h has 4, 18h, 19h and 1h one each (≥ 1.5 × 7/24): the run around 17h.
    expect(res.body.peakHours.bins).toEqual([17, 18, 19])
  })

  it('is empty for another region and refuses bad parameters', async () => {
    const other = await api('GET', `/calendar?to=2025-12&months=12&region=${regions.sibling}`)
    expect(other.body.total).toBe(0)
    expect(other.body.peakMonths).toBeNull()
    expect((await api('GET', '/calendar?months=61')).status).toBe(400)
    expect((await api('GET', '/calendar?to=2025-13')).status).toBe(400)
    expect((await api('GET', '/calendar?region=999999')).status).toBe(404)
  })
})
