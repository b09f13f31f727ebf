import { MIN_TOTAL, testChange } from '@riskmap/server/analysis/change-significance.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCaller } from '../helpers/http-client.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const wall = adminCaller(ctx, '/api/wall')

// Hand-checkable fixture events (Asia/Shanghai times). June 2025 is "this month".
// 220802009000 (T): A2-03 16 in June, 2 in May, 5 in June 2024: the planted rise (z = 2(4 − √2) ≈ 5.2).
// 220802103000 (S): A2-03 1 in June, 9 in May: a significant fall (z = 2(1 − 3) = −4).
// 洮北区 as a whole: 17 against 11 (z ≈ 1.6): not significant, so not a stop.
// A2-05: the last one at 00:30 on 1 June, which is still 31 May in UTC; one more in July.
interface FixtureEvent { id: string, indicator: string, at: string, township: string }
const T = regions.township
const S = regions.sibling
const plan: Array<[township: string, indicator: string, n: number, at: (i: number) => string]> = [
  [T, 'A2-03', 16, i => `2025-06-${String(1 + i).padStart(2, '0')}T10:00:00+08:00`],
  [T, 'A2-03', 2, i => `2025-05-${String(10 + i)}T10:00:00+08:00`],
  [T, 'A2-03', 5, i => `2024-06-${String(10 + i)}T10:00:00+08:00`],
  [S, 'A2-03', 1, () => '2025-06-30T23:59:00+08:00'],
  [S, 'A2-03', 9, i => `2025-05-${String(10 + i)}T09:00:00+08:00`],
  [S, 'A2-05', 1, () => '2025-05-20T08:00:00+08:00'],
  [T, 'A2-05', 1, () => '2025-06-01T00:30:00+08:00'],
  [T, 'A2-05', 1, () => '2025-07-01T00:10:00+08:00'],
]
const events: FixtureEvent[] = plan.flatMap(([township, indicator, n, at], k) =>
  Array.from({ length: n }, (_, i) => ({ id: `wall-${k}-${i}`, indicator, at: at(i), township })))

function csv(list: FixtureEvent[]): string {
  const used = new Map<string, number>()
  const rows = list.map((e) => {
    const i = used.get(e.township) ?? 0
    used.set(e.township, i + 1)
    const p = pointsIn(e.township, 17)[i % 17]!
    return `${e.id},${e.indicator},${e.at},${p.lon},${p.lat}`
  })
  return ['id,indicator,occurred_at,lon,lat', ...rows].join('\n')
}

/** The Asia/Shanghai month of an ISO time with an offset, computed without the server's code. */
const monthOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7)
const count = (f: (e: FixtureEvent) => boolean) => events.filter(f).length

let playlist: number

beforeAll(async () => {
  const imported = await ctx.post('/api/import/events?source=wall-test', csv(events))
  expect(imported.status, JSON.stringify(imported.body)).toBe(201)
  const values = ['region,indicator,month,value', ...[
    ['D1-12', '2025-06', 30],
    ['D1-01', '2025-06', 20],
    ['D1-02', '2025-06', 20],
    ['D1-10', '2025-06', 99],
    ['D1-12', '2025-05', 10],
    ['D1-01', '2025-05', 40],
  ].map(([i, m, v]) => `${regions.district},${i},${m},${v}`)].join('\n')
  expect((await ctx.post('/api/import/values?source=wall-test', values)).status).toBe(201)
  const created = await wall('POST', '/playlists', {
    name: '洮北区',
    region: regions.district,
    kpis: [
      { kind: 'count', indicator: 'A2' },
      { kind: 'count', indicator: 'A2-03', label: { zh: '纠纷', en: 'Disputes' } },
      { kind: 'resolution_rate', indicator: 'D1' },
      { kind: 'days_since', indicator: 'A2-05' },
    ],
    scenes: [{ kind: 'tour', layer: 'choropleth', indicator: 'A2-03', region: null, level: 'township', period: { months: 1 }, camera: null }],
  })
  expect(created.status, created.text).toBe(201)
  playlist = created.body.playlist.id
})

describe('kPI tiles', () => {
  it('count this month\'s events as an independent count does, with MoM and YoY flags from testChange', async () => {
    const r = await wall('GET', `/kpis?playlist=${playlist}&month=2025-06`)
    expect(r.status, r.text).toBe(200)
    expect(r.body.month).toBe('2025-06')
    const [a2, a203] = r.body.tiles
    for (const [tile, match] of [[a2, (i: string) => i.startsWith('A2-')], [a203, (i: string) => i === 'A2-03']] as const) {
      const at = (m: string) => count(e => match(e.indicator) && monthOf(e.at) === m)
      expect(tile.value).toBe(at('2025-06'))
      expect(tile.unit).toBe('count')
      for (const [key, base] of [['mom', '2025-05'], ['yoy', '2024-06']] as const) {
        const t = testChange(at('2025-06'), at(base), { minTotal: MIN_TOTAL, polarity: 'rise_bad' })
        expect(tile[key]).toEqual({ previous: at(base), change: t.change, changePct: t.changePct, z: t.z, flag: t.flag })
      }
    }
    // The planted numbers, checked by hand: A2-03 is 17 against 11 and against 5.
    expect(a203.value).toBe(17)
    expect(a203.mom.flag).toBe('none')
    expect(a203.yoy).toMatchObject({ previous: 5, flag: 'warning' })
    expect(a203.label).toEqual({ zh: '纠纷', en: 'Disputes' })
    expect(a2.label.zh).toContain('110')
  })

  it('give the resolution rate as closed on time ÷ received, with its change in points', async () => {
    const r = await wall('GET', `/kpis?playlist=${playlist}&month=2025-06`)
    const rate = r.body.tiles[2]
    expect(rate).toMatchObject({ kind: 'resolution_rate', indicator: 'D1', unit: 'percent', value: 75 })
    expect(rate.mom).toEqual({ previous: 25, change: 50, changePct: 200, z: null, flag: 'none' })
    // June 2024 has data (events), but nothing was received: no rate.
    expect(rate.yoy).toBeNull()
  })

  it('count the days since the last event in Asia/Shanghai calendar days', async () => {
    const june = (await wall('GET', `/kpis?playlist=${playlist}&month=2025-06`)).body
    // As of the end of June: 30 June − 1 June = 29 days (UTC dates would say 30).
    expect(june.tiles[3]).toMatchObject({ kind: 'days_since', unit: 'days', value: 29, mom: null, yoy: null })
    expect(Date.parse(june.tiles[3].lastEventAt)).toBe(Date.parse('2025-06-01T00:30:00+08:00'))
    expect(Date.parse(june.asOf)).toBe(Date.parse('2025-06-30T23:59:59.999+08:00'))
    const may = (await wall('GET', `/kpis?playlist=${playlist}&month=2025-05`)).body
    expect(may.tiles[3]).toMatchObject({ value: 11 })
    const july = (await wall('GET', `/kpis?playlist=${playlist}&month=2025-07`)).body
    // 00:10 on 1 July to the end of July.
    expect(july.tiles[3]).toMatchObject({ value: 30 })
    const before = (await wall('GET', `/kpis?playlist=${playlist}&month=2025-04`)).body
    expect(before.tiles[3]).toMatchObject({ value: null, lastEventAt: null })
  })

  it('have no MoM or YoY before the region\'s first month with data', async () => {
    const r = (await wall('GET', `/kpis?playlist=${playlist}&month=2024-06`)).body
    expect(r.tiles[1]).toMatchObject({ value: 5, mom: null, yoy: null })
    expect((await wall('GET', `/kpis?playlist=${playlist}&month=2024-07`)).body.tiles[1]).toMatchObject({ value: 0, mom: { previous: 5, change: -5 }, yoy: null })
  })

  it('answer 404 for a playlist out of reach and 400 for a bad month', async () => {
    expect((await wall('GET', '/kpis?playlist=999999')).status).toBe(404)
    expect((await wall('GET', `/kpis?playlist=${playlist}&month=2025-13`)).status).toBe(400)
  })
})

describe('top townships and trend', () => {
  it('rank the townships under a region by this month\'s value', async () => {
    const r = await wall('GET', `/top?region=${regions.district}&month=2025-06&indicator=A2-03&n=2`)
    expect(r.status, r.text).toBe(200)
    expect(r.body.items.map((i: any) => [i.code, i.value])).toEqual([[T, 16], [S, 1]])
    const [pop] = await ctx.t.db.query<{ population: number }>('SELECT population FROM region WHERE code = $1', [T])
    expect(r.body.items[0].per10k).toBeCloseTo(16 / pop!.population * 10_000, 9)
    const t = testChange(16, 2, { minTotal: MIN_TOTAL })
    expect(r.body.items[0].mom).toEqual({ previous: 2, change: 14, changePct: 700, z: t.z, flag: 'warning' })
    expect((await wall('GET', `/top?region=${regions.district}&month=2025-06&indicator=A2-03`)).body.items.length).toBeGreaterThan(2)
  })

  it('give a monthly series with zeros for months without events', async () => {
    const r = await wall('GET', `/trend?region=${T}&indicator=A2-03&months=14&month=2025-06`)
    expect(r.status, r.text).toBe(200)
    expect(r.body.months[0]).toBe('2024-05')
    expect(r.body.months.at(-1)).toBe('2025-06')
    const expected = r.body.months.map((m: string) => count(e => e.township === T && e.indicator === 'A2-03' && monthOf(e.at) === m))
    expect(r.body.values).toEqual(expected)
    expect(r.body.values[1]).toBe(5)
  })

  it('refuses unknown indicators and regions', async () => {
    expect((await wall('GET', `/top?region=${regions.district}&indicator=Z1`)).status).toBe(404)
    expect((await wall('GET', '/trend?region=220899&indicator=A2')).status).toBe(404)
    expect((await wall('GET', '/trend?region=abc')).status).toBe(400)
  })
})

describe('the guided tour', () => {
  it('stops at the planted change first, explains it in one line, and skips regions without a significant change', async () => {
    const r = await wall('GET', `/tour?region=${regions.city}&month=2025-06&indicator=A2-03`)
    expect(r.status, r.text).toBe(200)
    expect(r.body.stops.map((s: any) => s.code)).toEqual([T, S])
    const [first, second] = r.body.stops
    const z = 2 * (Math.sqrt(16) - Math.sqrt(2))
    expect(first).toMatchObject({ level: 'township', current: 16, previous: 2, change: 14, changePct: 700, flag: 'warning' })
    expect(first.z).toBeCloseTo(z, 12)
    const [names] = await ctx.t.db.query<{ t: string, d: string }>('SELECT t.name AS t, d.name AS d FROM region t JOIN region d ON d.code = t.parent WHERE t.code = $1', [T])
    expect(first.line.zh).toBe(`${names!.d}${names!.t} 邻里纠纷警情 本月 16 起，环比上升 700%（z=${z.toFixed(1)}，高度显著）`)
    expect(first.line.en).toBe(`${names!.d}${names!.t} Neighbour dispute calls: 16 this month, up 700% on last month (z=${z.toFixed(1)}, highly significant)`)
    expect(second).toMatchObject({ current: 1, previous: 9, z: -4, flag: 'warning' })
    expect(second.line.zh).toContain('环比下降 89%（z=-4.0，高度显著）')
    const [w, s, e, n] = first.bbox
    expect(w).toBeLessThan(e)
    expect(s).toBeLessThan(n)
    expect(first.center[0]).toBeGreaterThanOrEqual(w)
    expect(first.center[0]).toBeLessThanOrEqual(e)
    expect(first.center[1]).toBeGreaterThanOrEqual(s)
    expect(first.center[1]).toBeLessThanOrEqual(n)
  })

  it('has no stops in a month without significant changes, and honours the limit', async () => {
    expect((await wall('GET', `/tour?region=${regions.city}&month=2025-03&indicator=A2-03`)).body.stops).toEqual([])
    expect((await wall('GET', `/tour?region=${regions.city}&month=2025-06&indicator=A2-03&limit=1`)).body.stops.map((s: any) => s.code)).toEqual([T])
  })
})

describe('the ticker', () => {
  it('lists the latest events and imports, newest first', async () => {
    const r = await wall('GET', `/ticker?region=${regions.district}&limit=5`)
    expect(r.status, r.text).toBe(200)
    const items = r.body.items
    expect(items).toHaveLength(5)
    const times = items.map((i: any) => Date.parse(i.at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(items.filter((i: any) => i.kind === 'import').map((i: any) => i.text)).toEqual([
      { zh: '导入月度数据 6 条', en: 'Imported 6 rows of monthly values' },
      { zh: `导入事件 ${events.length} 条`, en: `Imported ${events.length} rows of events` },
    ])
    const latestEvent = items.find((i: any) => i.kind === 'event')
    expect(latestEvent).toMatchObject({ indicator: 'A2-05', region: T })
    expect(Date.parse(latestEvent.at)).toBe(Date.parse('2025-07-01T00:10:00+08:00'))
    expect(latestEvent.text.zh).toContain('劳资欠薪纠纷警情')
  })
})
