import { generateDemoEvents, resolveHotspots } from '@riskmap/geodata/demo/index.ts'
import { demoMonths } from '@riskmap/geodata/demo/months.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { catalog as catalogDefinition } from '@riskmap/server/catalog/indicator-catalog.ts'
import { importEventsCsv } from '@riskmap/server/import/events-import.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()

// The seeded demo events, a fifth of the default number (the planted clusters scale with it),
// through the importer as the demo seed loads them; the monthly values are not needed here.
const END = '2026-06'
const months = demoMonths(END)
const FROM = months[0]!
const TO = months[months.length - 1]!
const regions = loadRegions('full').features.map(f => ({ ...f.properties, geometry: f.geometry }))
const hotspots = resolveHotspots(regions)
const districtOf = (township: string) => township.slice(0, 6)

function inRing(ring: number[][], [x, y]: [number, number]): boolean {
  let inside = false
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [ax, ay] = ring[a]!
    const [bx, by] = ring[b]!
    if ((ay! > y) !== (by! > y) && x < ((bx! - ax!) * (y - ay!)) / (by! - ay!) + ax!)
      inside = !inside
  }
  return inside
}

/** Mann-Kendall z by its definition (METHODS.md), with the tie correction and continuity ±1. */
function mannKendallZ(x: number[]): number {
  const n = x.length
  let s = 0
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++)
      s += Math.sign(x[j]! - x[i]!)
  }
  const ties = new Map<number, number>()
  x.forEach(v => ties.set(v, (ties.get(v) ?? 0) + 1))
  const tieTerm = [...ties.values()].reduce((a, t) => a + t * (t - 1) * (2 * t + 5), 0)
  const v = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18
  return s > 0 ? (s - 1) / Math.sqrt(v) : s < 0 ? (s + 1) / Math.sqrt(v) : 0
}

beforeAll(async () => {
  const lines = ['id,indicator,occurred_at,lon,lat']
  for (const e of generateDemoEvents({ regions, catalog: catalogDefinition, endMonth: END, total: 20_000 }))
    lines.push(`${e.id},${e.indicator},${e.occurredAt},${e.lon},${e.lat}`)
  const ctxImport = { actor: 'test', scope: '*', requestId: null, filename: 'demo', source: 'demo', synthetic: true }
  const r = await importEventsCsv(ctx.t.db.transaction, ctx.t.catalog, new TextEncoder().encode(lines.join('\n')), 'wgs84', ctxImport)
  expect(r.inserted).toBe(lines.length - 1)
}, 600_000)

describe('planted demo hot spots', () => {
  it.each(hotspots)('$id comes out hot at the 99 percent level', async (h) => {
    const res = await ctx.get(`/api/hotspots/gistar?parent=${districtOf(h.township)}&size=500&indicator=${h.subclasses[0]}&period=${FROM}&to=${TO}`)
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    const cell = res.body.features.find((f: any) => inRing(f.geometry.coordinates[0], h.centre))
    expect(cell, 'a cell contains the planted centre').toBeDefined()
    expect(cell.properties.bin).toBe(3)
  })
})

describe('gET /api/hotspots/emerging', () => {
  const street = hotspots.find(h => h.id === 'ddk-street-night')!
  const query = `parent=${districtOf(street.township)}&size=500&indicator=${street.subclasses[0]}&period=${FROM}&to=${TO}`

  it('classifies every cell, and a cell\'s trend is Mann-Kendall on its monthly Gi* z-scores', async () => {
    const res = await ctx.get(`/api/hotspots/emerging?${query}`)
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    const { features, method, summary } = res.body
    const gi = await ctx.get(`/api/hotspots/gistar?${query}`)
    expect(features.map((f: any) => f.properties.id)).toEqual(gi.body.features.map((f: any) => f.properties.id))
    expect(features.map((f: any) => f.properties.count)).toEqual(gi.body.features.map((f: any) => f.properties.count))
    expect(Object.values(summary).reduce((a: number, b) => a + (b as number), 0)).toBe(features.length)
    expect(method).toMatchObject({ timeSteps: months.length, trendTest: 'Mann-Kendall on Gi* z', grid: 'hex', size: 500, srid: 32648, n: features.length, timeStep: '1 month' })

    const cell = features.find((f: any) => inRing(f.geometry.coordinates[0], street.centre))
    expect(cell.properties.category).toMatch(/-hot$/)
    // Independent of the service: one Gi* request per month with the same band, then MK by hand.
    const zs: number[] = []
    const bins: number[] = []
    for (const m of months) {
      const one = await ctx.get(`/api/hotspots/gistar?parent=${districtOf(street.township)}&size=500&indicator=${street.subclasses[0]}&period=${m}&distance=${method.distanceBand}`)
      const f = one.body.features.find((x: any) => x.properties.id === cell.properties.id)
      zs.push(f.properties.z)
      bins.push(f.properties.bin)
    }
    expect(cell.properties.trendZ).toBeCloseTo(mannKendallZ(zs), 9)
    expect(cell.properties.hotSteps).toBe(bins.filter(b => b > 0).length)
    expect(cell.properties.coldSteps).toBe(bins.filter(b => b < 0).length)
  })

  it('needs at least ten months', async () => {
    const res = await ctx.get(`/api/hotspots/emerging?parent=500104&size=500&period=${FROM}&to=${months[8]}`)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('too_few_months')
    expect(res.body.error.message).toMatch(/at least 10/)
  })
})
