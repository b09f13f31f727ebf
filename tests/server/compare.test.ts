import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPrincipal } from '../helpers/principals.ts'
import { eventsCsv, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const { township: t1, sibling: t2, district } = regions
let t3: string
let cmpPath: string
const hostileName = '=HYPERLINK("http://evil","x")'

async function importEvents(township: string, n: number, idPrefix: string, indicator: string, at: string) {
  const res = await ctx.post(`/api/import/events?source=cmp-${idPrefix}`, eventsCsv(township, n, { idPrefix, indicator, at }))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}

// Hand-checkable: t1 has 5 A2-03 events in 2026-03, 2 in 2026-02 and 1 C2-05 in 2025-03; t2 has
// 3 A2-01 events in 2026-03; t3 has delivered B2-01 values 12 (2026-03), 4 (2026-02), 20 (2025-03).
beforeAll(async () => {
  t3 = (await ctx.t.db.query<{ code: string }>(`SELECT code FROM region WHERE parent = $1 AND code <> ALL($2) ORDER BY code LIMIT 1`, [district, [t1, t2]]))[0]!.code
  await importEvents(t1, 5, 'a', 'A2-03', '2026-03-10 12:00:00')
  await importEvents(t1, 2, 'b', 'A2-03', '2026-02-10 12:00:00')
  await importEvents(t1, 1, 'c', 'C2-05', '2025-03-10 12:00:00')
  await importEvents(t2, 3, 'd', 'A2-01', '2026-03-20 12:00:00')
  const values = ['region,indicator,month,value', `${t3},B2-01,2026-03,12`, `${t3},B2-01,2026-02,4`, `${t3},B2-01,2025-03,20`].join('\n')
  const res = await ctx.post('/api/import/values?source=cmp-values', values)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  cmpPath = `/api/compare?regions=${t1},${t2},${t3},${district}&month=2026-03`
})

describe('gET /api/compare', () => {
  it('gives the total, 4 categories and 10 classes for each region, in the order asked', async () => {
    const { status, body } = await ctx.get(cmpPath)
    expect(status).toBe(200)
    expect(body.regions.map((r: any) => r.code)).toEqual([t1, t2, t3, district])
    expect(body.regions.map((r: any) => r.level)).toEqual(['township', 'township', 'township', 'district'])
    expect(body.indicators.map((i: any) => i.kind).filter((k: string) => k === 'category')).toHaveLength(4)
    expect(body.indicators.map((i: any) => i.kind).filter((k: string) => k === 'class')).toHaveLength(10)
    expect(body.indicators[0].code).toBe('all')
    expect(body).toMatchObject({ month: '2026-03', momMonth: '2026-02', yoyMonth: '2025-03' })
  })

  it('every value, rate and MoM/YoY change equals what /api/choropleth gives for that region and month', async () => {
    const { body } = await ctx.get(cmpPath)
    let checked = 0
    for (const ind of body.indicators) {
      for (const [level, parent] of [['township', district], ['district', regions.city]] as const) {
        const get = async (extra: string) => (await ctx.get(`/api/choropleth?level=${level}&parent=${parent}&indicator=${ind.code}&period=2026-03&${extra}`)).body.regions
        const [plain, rate, mom, yoy] = await Promise.all([get(''), get('normalize=per10k'), get('compare=mom'), get('compare=yoy')])
        for (const r of body.regions.filter((r: any) => r.level === level)) {
          const cell = r.cells[ind.code]
          const of = (rows: any[]) => rows.find(x => x.code === r.code)
          expect(cell.value, `${r.code} ${ind.code}`).toBe(of(plain).value)
          expect(cell.per10k).toBeCloseTo(of(rate).value, 10)
          expect(cell.mom).toMatchObject({ previous: of(mom).previous, change: of(mom).change, changePct: of(mom).changePct })
          expect(cell.yoy).toMatchObject({ previous: of(yoy).previous, change: of(yoy).change, changePct: of(yoy).changePct })
          checked++
        }
      }
    }
    expect(checked).toBe(15 * 4)
  })

  it('agrees with an independent count of the events and the delivered values', async () => {
    const { body } = await ctx.get(cmpPath)
    const count = async (township: string, month: string) => Number((await ctx.t.db.query<{ n: number }>(`SELECT count(*) AS n FROM event WHERE township = $1 AND month = $2::date`, [township, `${month}-01`]))[0]!.n)
    const [a, b, c] = body.regions
    expect(a.cells.all.value).toBe(await count(t1, '2026-03'))
    expect(a.cells.all.value).toBe(5)
    expect(a.cells.A2.mom).toMatchObject({ previous: await count(t1, '2026-02'), change: 3, changePct: 150 })
    expect(a.cells.A2.mom.z).toBeCloseTo(2 * (Math.sqrt(5) - Math.sqrt(2)), 12)
    expect(a.cells.A2.mom.flag).toBe('none')
    // 0 against 1: z = −2, a notice by METHODS.md's rule, marked as a small count.
    expect(a.cells.C.yoy).toMatchObject({ previous: 1, change: -1, changePct: -100, z: -2, smallCount: true, flag: 'notice' })
    expect(b.cells.A.value).toBe(3)
    expect(b.cells.A2.mom).toMatchObject({ previous: 0, change: 3, changePct: null })
    // 12 against 20 a year before: z = 2(√12 − √20) = −2.02, a notice of a fall, which is not worsening.
    expect(c.cells.B2.yoy).toMatchObject({ previous: 20, change: -8, changePct: -40, flag: 'notice', direction: 'down', worsening: false })
    expect(c.cells.B2.yoy.z).toBeCloseTo(2 * (Math.sqrt(12) - Math.sqrt(20)), 12)
    expect(body.regions[3].cells.all.value).toBe(5 + 3 + 12)
    expect(a.cells.all.per10k).toBeCloseTo(5 * 10_000 / a.population, 10)
  })

  it('gives 24-month trends per region for the total and each category; months before the data are null', async () => {
    const { body } = await ctx.get(cmpPath)
    expect(body.trendMonths).toHaveLength(24)
    expect(body.trendMonths.at(-1)).toBe('2026-03')
    const [a, , c] = body.regions
    expect(Object.keys(a.trends)).toEqual(['all', 'A', 'B', 'C', 'D'])
    expect(a.trends.all.slice(-2)).toEqual([2, 5])
    expect(a.trends.C[body.trendMonths.indexOf('2025-03')]).toBe(1)
    expect(a.trends.all[body.trendMonths.indexOf('2025-02')]).toBeNull()
    expect(c.trends.B.slice(-2)).toEqual([4, 12])
  })

  it('refuses bad input with a 400 naming the problem', async () => {
    const bad = [
      [`regions=${t1}&month=2026-03`, /at least 2/],
      [`regions=${[t1, t2, t3, district, regions.city, regions.siblingDistrict, '220822'].join(',')}&month=2026-03`, /at most 6/],
      [`regions=${t1},${t1}&month=2026-03`, /only once/],
      [`regions=${t1},abc&month=2026-03`, /regions/],
      [`regions=${t1},${t2}&month=2026-13`, /month/],
      [`regions=${t1},${t2}&month=2026-03&format=pdf`, /format/],
      [`month=2026-03`, /regions/],
    ] as const
    for (const [query, message] of bad) {
      const { status, body } = await ctx.get(`/api/compare?${query}`)
      expect(status, query).toBe(400)
      expect(body.error.code).toBe('invalid_parameter')
      expect(body.error.message).toMatch(message)
    }
  })

  it('an unknown region or one outside the scope is a 404 naming the code', async () => {
    const unknown = await ctx.get(`/api/compare?regions=${t1},999999&month=2026-03`)
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toContain('999999')
    const { token } = await createPrincipal(ctx.t.db, { username: 'cmp-township', role: 'analyst', scope: t1 })
    const hidden = await ctx.get(`/api/compare?regions=${t1},${t2}&month=2026-03`, token)
    expect(hidden.status).toBe(404)
    expect(hidden.body.error).toMatchObject({ code: 'unknown_region', message: `unknown region "${t2}"` })
  })

  it('a display token reads the comparison but may not export it', async () => {
    const { token } = await createPrincipal(ctx.t.db, { username: 'cmp-display', role: 'display', scope: '*' })
    expect((await ctx.get(cmpPath, token)).status).toBe(200)
    const res = await ctx.app.request(`${cmpPath}&format=csv`, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(403)
  })
})

describe('compare exports', () => {
  async function fetchBytes(format: string) {
    const res = await ctx.app.request(`${cmpPath}&format=${format}`, { headers: { authorization: `Bearer ${ctx.adminToken}` } })
    expect(res.status).toBe(200)
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
  }

  beforeAll(async () => {
    await ctx.t.db.query(`UPDATE region SET name = $1 WHERE code = $2`, [hostileName, t2])
  })

  it('cSV: UTF-8 BOM, one row per region and indicator with the JSON numbers, formulas neutralised', async () => {
    const { body } = await ctx.get(cmpPath)
    const { res, bytes } = await fetchBytes('csv')
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
    expect(res.headers.get('content-disposition')).toContain('compare-2026-03.csv')
    expect([...bytes.slice(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
    const rows: string[][] = parse(new TextDecoder().decode(bytes), { bom: true })
    expect(rows).toHaveLength(1 + 4 * 15)
    expect(rows[0]![0]).toBe('地区编码 Region code')
    const t2All = rows.find(r => r[0] === t2 && r[4] === 'all')!
    expect(t2All[1]).toBe(`'${hostileName}`)
    expect(Number(t2All[8])).toBe(body.regions[1].cells.all.value)
    const t3B2 = rows.find(r => r[0] === t3 && r[4] === 'B2')!
    expect(t3B2.slice(15, 20)).toEqual(['20', '-8', '-40', '-2.02', 'notice'])
    // Empty percent when the baseline was 0.
    expect(rows.find(r => r[0] === t2 && r[4] === 'A2')![12]).toBe('')
  })

  it('xLSX: one sheet per table, with the same numbers', async () => {
    const { body } = await ctx.get(cmpPath)
    const { bytes } = await fetchBytes('xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes.buffer as ArrayBuffer)
    expect(wb.worksheets.map(w => w.name)).toEqual(['对比 Comparison', '趋势 Trends', '方法 Method'])
    const table = wb.worksheets[0]!
    expect(table.rowCount).toBe(1 + 4 * 15)
    const row = (code: string, ind: string) => table.getRows(2, table.rowCount - 1)!.find(r => r.getCell(1).value === code && r.getCell(5).value === ind)!
    expect(row(t1, 'A2').getCell(9).value).toBe(5)
    expect(row(t2, 'all').getCell(2).value).toBe(`'${hostileName}`)
    const trends = wb.worksheets[1]!
    expect(trends.rowCount).toBe(25)
    expect(trends.getRow(25).getCell(1).value).toBe('2026-03')
    expect(trends.getRow(25).getCell(2).value).toBe(body.regions[0].trends.all.at(-1))
  })
})
