import type { PlantedValues } from '../helpers/planted-values.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { importPlanted } from '../helpers/planted-values.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

// GET /api/changes against an independent computation from planted values. Nothing here comes from
// the demo generator or from the server's analysis modules: z = 2(√C − √P), the flags, the percent
// and Marshall's EB rate are written out again below from their definitions (METHODS.md).

const ctx = useTestApp()
const district = '220802'
const [t1, t2, t3, t4] = ['220802001000', '220802002000', '220802003000', '220802004000']
const SMALL = 800 // below the 1,000 suppression limit

// region → sub-class → month → value. Months with data span 2023-03..2026-03, so a missing
// month in that span is a zero; 2022-03 is before the data and is missing.
const planted: PlantedValues = {
  [t1]: { 'B2-01': { '2026-03': 30, '2026-02': 12, '2025-03': 10, '2024-03': 16, '2023-03': 22 }, 'B2-02': { '2026-03': 5, '2026-02': 1 } },
  [t2]: { 'B2-01': { '2026-03': 3, '2024-03': 4, '2023-03': 2 } },
  [t3]: { 'B2-01': { '2026-02': 9, '2025-03': 1, '2024-03': 1, '2023-03': 1 }, 'A1-01': { '2026-03': 7 } },
  [t4]: { 'B2-01': { '2026-03': 4, '2026-02': 4 } },
}

function count(region: string, codes: string[], month: string): number {
  return codes.reduce((s, code) => s + (planted[region]?.[code]?.[month] ?? 0), 0)
}

function expected(c: number, p: number | null) {
  if (p === null)
    return { current: c, previous: null, change: null, changePct: null, z: null, zFlag: 'none', flag: 'none' }
  const z = 2 * (Math.sqrt(c) - Math.sqrt(p))
  const flag = Math.abs(z) >= 3 ? 'warning' : Math.abs(z) >= 2 ? 'notice' : 'none'
  return { current: c, previous: p, change: c - p, changePct: p === 0 ? null : ((c - p) / p) * 100, z, zFlag: flag, flag, smallCount: c + p < 6 }
}

/** Marshall's global EB, per person, × 10,000; then suppression below 1,000 residents. */
function ebRates(rows: Array<{ count: number, population: number }>): Array<number | null> {
  const sumO = rows.reduce((a, r) => a + r.count, 0)
  const sumP = rows.reduce((a, r) => a + r.population, 0)
  const theta = sumO / sumP
  const meanP = sumP / rows.length
  const s2 = Math.max(0, rows.reduce((a, r) => a + r.population * (r.count / r.population - theta) ** 2, 0) / sumP - theta / meanP)
  return rows.map((r) => {
    if (r.population < 1000)
      return null
    const w = s2 + theta / r.population > 0 ? s2 / (s2 + theta / r.population) : 0
    return (w * (r.count / r.population) + (1 - w) * theta) * 10_000
  })
}

let populations: Map<string, number>

beforeAll(async () => {
  await importPlanted(ctx, planted, 'changes-fixture')
  await ctx.t.db.query('UPDATE region SET population = $2 WHERE code = $1', [t4, SMALL])
  const rows = await ctx.t.db.query<{ code: string, population: number }>('SELECT code, population FROM region WHERE parent = $1', [district])
  populations = new Map(rows.map(r => [r.code, r.population]))
})

const url = (baseline: string, indicator = 'B2-01', period = '2026-03') => `/api/changes?level=township&parent=${district}&period=${period}&indicator=${indicator}&baseline=${baseline}`

describe('gET /api/changes', () => {
  const cases = [
    { baseline: 'mom', indicator: 'B2-01', codes: ['B2-01'], prev: (r: string) => count(r, ['B2-01'], '2026-02') },
    { baseline: 'yoy', indicator: 'B2-01', codes: ['B2-01'], prev: (r: string) => count(r, ['B2-01'], '2025-03') },
    { baseline: 'yoy3', indicator: 'B2-01', codes: ['B2-01'], prev: (r: string) => ['2025-03', '2024-03', '2023-03'].reduce((s, m) => s + count(r, ['B2-01'], m), 0) / 3 },
    // A class and a category sum their sub-classes.
    { baseline: 'mom', indicator: 'B2', codes: ['B2-01', 'B2-02'], prev: (r: string) => count(r, ['B2-01', 'B2-02'], '2026-02') },
    { baseline: 'mom', indicator: 'B', codes: ['B2-01', 'B2-02'], prev: (r: string) => count(r, ['B2-01', 'B2-02'], '2026-02') },
    { baseline: 'yoy', indicator: 'all', codes: ['B2-01', 'B2-02', 'A1-01'], prev: (r: string) => count(r, ['B2-01', 'B2-02', 'A1-01'], '2025-03') },
  ] as const

  for (const k of cases) {
    it(`${k.baseline} of ${k.indicator}: raw, percent, z and flags equal the hand computation for every township`, async () => {
      const { status, body } = await ctx.get(url(k.baseline, k.indicator))
      expect(status, JSON.stringify(body)).toBe(200)
      expect(body.regions).toHaveLength(populations.size)
      for (const r of body.regions) {
        const want = expected(count(r.code, [...k.codes], '2026-03'), k.prev(r.code))
        const { z, changePct, ...exact } = want
        expect(r, r.code).toMatchObject(exact)
        expect(r.z).toBeCloseTo(z!, 12)
        if (changePct === null)
          expect(r.changePct).toBeNull()
        else
          expect(r.changePct).toBeCloseTo(changePct, 12)
      }
    })
  }

  it('spells out the planted cases', async () => {
    const mom = (await ctx.get(url('mom'))).body.regions
    const of = (code: string) => mom.find((r: any) => r.code === code)
    // 30 against 12: z = 2(√30 − √12) = 4.03, a warning of a worsening rise.
    expect(of(t1)).toMatchObject({ current: 30, previous: 12, change: 18, changePct: 150, flag: 'warning', direction: 'up', worsening: true })
    // 3 against 0: percent empty, z = 2√3 = 3.46 flags by METHODS.md's rule, marked a small count.
    expect(of(t2)).toMatchObject({ previous: 0, changePct: null, zFlag: 'warning', smallCount: true })
    // 0 against 9: z = −6, a fall, not worsening.
    expect(of(t3)).toMatchObject({ current: 0, previous: 9, changePct: -100, z: -6, direction: 'down', worsening: false })
    const yoy3 = (await ctx.get(url('yoy3'))).body
    expect(yoy3.baselineMonths).toEqual(['2025-03', '2024-03', '2023-03'])
    // 30 against the mean 16: z = 2(√30 − 4) = 2.95, a notice (not the warning the single year gives).
    expect(yoy3.regions.find((r: any) => r.code === t1)).toMatchObject({ previous: 16, flag: 'notice' })
    expect(yoy3.method.test).toMatch(/2\(√C − √P\)/)
  })

  it('gives no change when a baseline year is before the data (missing is not zero)', async () => {
    const { body } = await ctx.get(url('yoy3', 'B2-01', '2025-03'))
    const r = body.regions.find((x: any) => x.code === t1)
    expect(r).toMatchObject({ current: 10, previous: null, change: null, changePct: null, z: null, flag: 'none' })
  })

  it('rates per 10k: crude, EB-smoothed over the townships listed, suppressed for a small population', async () => {
    const { body } = await ctx.get(url('mom', 'B2'))
    const rows = body.regions.map((r: any) => ({ code: r.code, count: count(r.code, ['B2-01', 'B2-02'], '2026-03'), population: populations.get(r.code)! }))
    const eb = ebRates(rows)
    body.regions.forEach((r: any, i: number) => {
      expect(r.population).toBe(rows[i].population)
      expect(r.rate.crude).toBeCloseTo((rows[i].count * 10_000) / rows[i].population, 10)
      if (eb[i] === null)
        expect(r.rate).toMatchObject({ smoothed: null, suppressed: true })
      else
        expect(r.rate.smoothed).toBeCloseTo(eb[i]!, 10)
    })
    expect(body.regions.find((r: any) => r.code === t4).rate).toMatchObject({ crude: 50, smoothed: null, suppressed: true })
    expect(body.method.rate).toMatchObject({ method: 'eb', minPopulation: 1000, referenceSize: populations.size })
  })

  it('works at district level from the rollup', async () => {
    const { body } = await ctx.get(`/api/changes?level=district&parent=220800&period=2026-03&indicator=B2-01&baseline=mom`)
    const d = body.regions.find((r: any) => r.code === district)
    const sum = (m: string) => [t1, t2, t3, t4].reduce((s, t) => s + count(t, ['B2-01'], m), 0)
    expect(d).toMatchObject(expected(sum('2026-03'), sum('2026-02')) as object)
  })

  it('is scoped by row-level security: a township user sees only its township', async () => {
    const { token } = await createPrincipal(ctx.t.db, { username: 'changes-t1', role: 'analyst', scope: t1 })
    const { status, body } = await ctx.get(url('mom'), token)
    expect(status).toBe(200)
    expect(body.regions.map((r: any) => r.code)).toEqual([t1])
    const other = await ctx.get(`/api/changes?level=township&parent=220821&period=2026-03`, token)
    expect(other.status).toBe(404)
  })

  it('refuses bad input with a clear 4xx', async () => {
    expect((await ctx.get(url('mom', 'Z9-99'))).status).toBe(404)
    const wrongLevel = await ctx.get(`/api/changes?level=township&parent=220800&period=2026-03`)
    expect(wrongLevel.status).toBe(400)
    expect(wrongLevel.body.error.message).toMatch(/city/)
    const bad = await ctx.get(`/api/changes?level=township&parent=${district}&period=2026-13&baseline=week`)
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/period/)
    expect(bad.body.error.message).toMatch(/baseline/)
  })
})
