import { demoMonths, generateDemoValues, plantedSurge } from '@riskmap/geodata/demo/index.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { catalog as catalogDefinition } from '@riskmap/server/catalog/indicator-catalog.ts'
import { importValuesCsv } from '@riskmap/server/import/values-import.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()

// The demo monthly values of 大渡口区, where the surge is planted, loaded through the importer as
// the demo seed loads them (each township draws from its own random stream, so they are the very
// values of the full demo). The import hook evaluates the default rules of migration 0016 for the
// latest 3 months it touched.
const END = '2026-06'
const months = demoMonths(END)
const EVALUATED = months.slice(-3)
const regions = loadRegions('full').features.map(f => ({ ...f.properties, geometry: f.geometry })).filter(r => r.code.startsWith('500104'))
const values = generateDemoValues({ regions, catalog: catalogDefinition, endMonth: END })

// Independent of the server: counts by township × code × month from the generated rows, summed to
// classes with the catalog definition, and the Poisson z of METHODS.md written out here.
const counts = new Map<string, number>()
const classOf = new Map<string, string>()
const polarity = new Map<string, string>()
for (const cat of catalogDefinition) {
  for (const k of cat.classes) {
    const ps = new Set(k.subclasses.map(s => s.polarity))
    polarity.set(k.code, ps.size === 1 ? [...ps][0]! : 'rise_bad')
    for (const s of k.subclasses) {
      classOf.set(s.code, k.code)
      polarity.set(s.code, s.polarity)
    }
  }
}
for (const v of values) {
  for (const code of [v.indicator, classOf.get(v.indicator)!]) {
    const key = `${v.region}|${code}|${v.month}`
    counts.set(key, (counts.get(key) ?? 0) + v.value)
  }
}
const townships = [...new Set(values.map(v => v.region))]
const prevMonth = (m: string) => months[months.indexOf(m) - 1]!
const z = (c: number, p: number) => 2 * (Math.sqrt(c) - Math.sqrt(p))

interface Expected { key: string, current: number, previous: number, z: number }
/** Every township × code × evaluated month where the default MoM rules must fire, and the noise they must not. */
function expectedMom() {
  const fire: Expected[] = []
  const heldBack: Expected[] = []
  for (const month of EVALUATED) {
    for (const region of townships) {
      for (const code of polarity.keys()) {
        const c = counts.get(`${region}|${code}|${month}`) ?? 0
        const p = counts.get(`${region}|${code}|${prevMonth(month)}`) ?? 0
        const zz = z(c, p)
        const bad = polarity.get(code) === 'rise_good' ? zz <= -3 : zz >= 3
        if (!bad)
          continue
        const e = { key: `${region}|${code}|${month}`, current: c, previous: p, z: zz }
        if (c + p >= 6)
          fire.push(e)
        else heldBack.push(e)
      }
    }
  }
  return { fire, heldBack }
}

let warnings: any[] = []

beforeAll(async () => {
  const csv = ['region,indicator,month,value', ...values.map(v => `${v.region},${v.indicator},${v.month},${v.value}`)].join('\n')
  const r = await importValuesCsv(ctx.t.db.transaction, ctx.t.catalog, new TextEncoder().encode(csv), { actor: 'system', scope: '*', requestId: null, filename: 'demo', source: 'demo', synthetic: true })
  expect(r.inserted).toBe(values.length)
  const res = await ctx.get('/api/warnings?limit=1000')
  expect(res.status).toBe(200)
  warnings = res.body.warnings
}, 600_000)

describe('early warnings on the demo data', () => {
  it('the planted surge (茄子溪街道, B2-01, last month) fires a MoM warning with its evidence', () => {
    const c = counts.get(`${plantedSurge.region}|${plantedSurge.indicator}|${END}`)!
    const p = counts.get(`${plantedSurge.region}|${plantedSurge.indicator}|${prevMonth(END)}`)!
    expect(z(c, p)).toBeGreaterThanOrEqual(3)
    const w = warnings.find(w => w.rule === 'mom_significant' && w.region === plantedSurge.region && w.indicator === plantedSurge.indicator && w.period === END)
    expect(w, 'surge warning').toBeDefined()
    expect(w.severity).toBe('warning')
    expect(w.status).toBe('open')
    expect(w.regionName).toBe('茄子溪街道')
    expect(w.evidence).toMatchObject({ current: c, previous: p, baselineMonth: prevMonth(END), minZ: 3, minTotal: 6, total: c + p })
    expect(w.evidence.z).toBeCloseTo(z(c, p), 2)
    expect(w.message.zh).toContain(`${p} → ${c}`)
  })

  it('no MoM warning fires with C + P < 6, though such noise exists in the data', () => {
    const { heldBack } = expectedMom()
    // The demo plants one-off noise at small counts: the check below is not vacuous.
    expect(heldBack.length).toBeGreaterThan(0)
    const mom = warnings.filter(w => w.rule === 'mom_significant')
    for (const w of mom)
      expect(w.evidence.current + w.evidence.previous, JSON.stringify(w)).toBeGreaterThanOrEqual(6)
    const fired = new Set(mom.map(w => `${w.region}|${w.indicator}|${w.period}`))
    for (const e of heldBack)
      expect(fired.has(e.key), e.key).toBe(false)
  })

  it('the MoM warnings are exactly those an independent computation expects', () => {
    const { fire } = expectedMom()
    const mom = warnings.filter(w => w.rule === 'mom_significant')
    expect(mom.map(w => `${w.region}|${w.indicator}|${w.period}`).sort()).toEqual(fire.map(e => e.key).sort())
    const byKey = new Map(fire.map(e => [e.key, e]))
    for (const w of mom) {
      const e = byKey.get(`${w.region}|${w.indicator}|${w.period}`)!
      expect(w.evidence.current).toBe(e.current)
      expect(w.evidence.previous).toBe(e.previous)
    }
  })

  it('re-evaluating a month is idempotent: no duplicate, the same ids', async () => {
    const before = warnings.filter(w => w.period === END).map(w => w.id).sort()
    const res = await ctx.post(`/api/warnings/evaluate?period=${END}`, '', 'application/json')
    expect(res.status).toBe(200)
    expect(res.body.inserted).toBe(0)
    const after = (await ctx.get(`/api/warnings?period=${END}&limit=1000`)).body.warnings.map((w: any) => w.id).sort()
    expect(after).toEqual(before)
  })
})
