import { buildCatalog } from '@riskmap/server/domain/catalog.ts'
import { listIndicators } from '@riskmap/server/queries/indicators.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const towns = ['500104001000', '500104002000', '500104003000', '500104004000', '500104005000', '500104101000', '500104102000', '500104103000']

// Hand-checkable values: town i has (i+1)*10 in 2026-03, (i+1)*5 in 2026-02 and i in 2025-03,
// for sub-class B2-01; B2-02 adds 1 everywhere in 2026-03; the district itself gets 7 of D2-01.
function valuesCsv(): string {
  const lines = ['region,indicator,month,value']
  towns.forEach((t, i) => {
    lines.push(`${t},B2-01,2026-03,${(i + 1) * 10}`, `${t},B2-01,2026-02,${(i + 1) * 5}`, `${t},B2-01,2025-03,${i}`, `${t},B2-02,2026-03,1`)
  })
  lines.push('500104,D2-01,2026-03,7')
  return lines.join('\n')
}

beforeAll(async () => {
  const res = await ctx.post('/api/import/values?source=fixture', valuesCsv())
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  expect(res.body.inserted).toBe(33)
})

const q = (params: string) => ctx.get(`/api/choropleth?level=township&parent=500104&${params}`)

describe('choropleth from the rollup', () => {
  it('sums a sub-class, a class and a category', async () => {
    const sub = await q('indicator=B2-01&period=2026-03')
    expect(sub.body.regions.map((r: any) => r.value)).toEqual([10, 20, 30, 40, 50, 60, 70, 80])
    const cls = await q('indicator=B2&period=2026-03')
    expect(cls.body.regions.map((r: any) => r.value)).toEqual([11, 21, 31, 41, 51, 61, 71, 81])
    const cat = await q('indicator=B&period=2026-03')
    expect(cat.body.regions.map((r: any) => r.value)).toEqual([11, 21, 31, 41, 51, 61, 71, 81])
  })

  it('sums a range over the months it covers', async () => {
    const { body } = await q('indicator=B2-01&period=2026-02&to=2026-03')
    expect(body.regions.map((r: any) => r.value)).toEqual([15, 30, 45, 60, 75, 90, 105, 120])
    expect(body.to).toBe('2026-03')
  })

  it('month-on-month compares with the month before, with empty percent when it was 0', async () => {
    const { body } = await q('indicator=B2-01&period=2026-03&compare=mom')
    expect(body.regions[0]).toMatchObject({ code: towns[0], value: 10, previous: 5, change: 5, changePct: 100 })
    expect(body.method.previousPeriod).toEqual({ from: '2026-02', to: '2026-02' })
  })

  it('year-on-year compares with the same months a year earlier', async () => {
    const { body } = await q('indicator=B2-01&period=2026-03&compare=yoy')
    expect(body.regions[0]).toMatchObject({ value: 10, previous: 0, change: 10, changePct: null })
    expect(body.regions[1]).toMatchObject({ value: 20, previous: 1, change: 19, changePct: 1900 })
  })

  it('a range compares with the range just before it', async () => {
    const { body } = await q('indicator=B2-01&period=2026-02&to=2026-03&compare=mom')
    expect(body.method.previousPeriod).toEqual({ from: '2025-12', to: '2026-01' })
    expect(body.regions[0]).toMatchObject({ value: 15, previous: 0 })
  })

  it('normalises per 10,000 residents using the stored population', async () => {
    const pops = await ctx.t.db.query<{ code: string, population: number }>(`SELECT code, population FROM region WHERE parent = '500104' ORDER BY code`)
    const { body } = await q('indicator=B2-01&period=2026-03&normalize=per10k')
    body.regions.forEach((r: any, i: number) => expect(r.value).toBeCloseTo(((i + 1) * 10 / pops[i]!.population) * 10_000, 10))
  })

  it('classifies into k classes with breaks from min to max', async () => {
    const { body } = await q('indicator=B2-01&period=2026-03&classify=equal&k=7')
    expect(body.breaks).toEqual([10, 20, 30, 40, 50, 60, 70, 80])
    const quant = await q('indicator=B2-01&period=2026-03&classify=quantile&k=4')
    expect(quant.body.breaks).toEqual([10, 27.5, 45, 62.5, 80])
  })

  it('a district adds its townships and what was delivered for the district itself', async () => {
    const { body } = await ctx.get('/api/choropleth?level=district&parent=500000&indicator=all&period=2026-03')
    const sum = (10 + 80) * 8 / 2 + 8 + 7
    expect(body.regions).toEqual([expect.objectContaining({ code: '500104', value: sum })])
  })

  it('the region summary adds up by category and class, with a 24-month trend', async () => {
    const { body } = await ctx.get('/api/regions/500104/summary?period=2026-03')
    expect(body.total).toBe(360 + 8 + 7)
    const b = body.categories.find((c: any) => c.code === 'B')
    expect(b.value).toBe(368)
    expect(b.classes.find((c: any) => c.code === 'B2').value).toBe(368)
    expect(body.trend).toHaveLength(24)
    expect(body.trend.at(-1)).toEqual({ month: '2026-03', value: 375 })
    expect(body.trend.at(-2)).toEqual({ month: '2026-02', value: 180 })
  })

  it('re-delivering a month replaces its value and reports it as updated', async () => {
    const res = await ctx.post('/api/import/values?source=fixture', 'region,indicator,month,value\n500104001000,B2-01,2026-03,12')
    expect(res.body).toMatchObject({ inserted: 0, updated: 1 })
    const { body } = await q('indicator=B2-01&period=2026-03')
    expect(body.regions[0].value).toBe(12)
  })

  it('rejects bad values rows whole', async () => {
    const res = await ctx.post('/api/import/values', [
      'region,indicator,month,value',
      '500104001000,B2-01,2026-04,5',
      '999999,B2-01,2026-04,5',
      '500104001000,B2-01,2026-4,5',
      '500104001000,B2-01,2026-05,-1',
      '500104001000,B2-01,2026-06,NaN',
      '500104001000,B2-01,2026-04,6',
    ].join('\n'))
    expect(res.status).toBe(422)
    expect(res.body.error.details.errors.map((e: any) => [e.line, e.column])).toEqual([
      [3, 'region'],
      [4, 'month'],
      [5, 'value'],
      [6, 'value'],
      [7, 'region'],
    ])
    const after = await q('indicator=B2-01&period=2026-04')
    expect(after.body.regions[0].value).toBe(0)
  })
})

describe('catalog lineage', () => {
  it('a re-coded sub-class counts the data recorded under the code it replaces', async () => {
    await ctx.t.db.query(`INSERT INTO catalog_version (version, effective_from, note) VALUES (2, '2026-01-01', 'test re-code')`)
    await ctx.t.db.query(`INSERT INTO indicator (code, kind, parent, name_zh, name_en, stage, polarity, geolocated, sort, version_added)
      VALUES ('B2-99', 'subclass', 'B2', '新编码', 'new code', 'escalation', 'rise_bad', false, 999, 2)`)
    await ctx.t.db.query(`INSERT INTO indicator_lineage (code, replaces) VALUES ('B2-99', 'B2-01')`)
    await ctx.t.db.query(`UPDATE indicator SET version_retired = 2 WHERE code = 'B2-01'`)
    const catalog = buildCatalog(await listIndicators(ctx.t.db), 2)
    expect(catalog.leaves('B2-99')).toEqual(['B2-01', 'B2-99'])
    // The class total does not count the old code twice.
    expect(catalog.leaves('B2').filter(c => c === 'B2-01')).toHaveLength(1)
  })
})
