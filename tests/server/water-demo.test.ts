import { seedDemoWater } from '@riskmap/server/seed/demo-water.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCaller } from '../helpers/http-client.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const api = adminCaller(ctx, '/api/water')

beforeAll(async () => {
  expect(await seedDemoWater(ctx.t.db)).toEqual({ zones: 4, assets: 13, routes: 2 })
})

describe('the demo water of 大渡口', () => {
  it('has an approximate Yangtze channel along the district, ponds and a reservoir in its townships', async () => {
    const zones = (await api('GET', '/zones?region=500104')).body.features
    const river = zones.find((z: any) => z.properties.kind === 'river')
    expect(river.properties).toMatchObject({ approximate: true, synthetic: true, danger: 3, region: '500104' })
    expect(river.properties.sourceNote).toMatch(/Approximate/)
    expect(river.properties.townships).toEqual(expect.arrayContaining(['500104004000', '500104003000', '500104001000']))
    expect(zones.filter((z: any) => z.properties.kind !== 'river').every((z: any) => z.properties.region.length === 12)).toBe(true)
  })

  it('leaves the 茄子溪 bend uncovered, next to the planted summer water-call cluster', async () => {
    const body = (await api('GET', '/shoreline-coverage?region=500104')).body
    const river = body.zones.find((z: any) => z.kind === 'river')
    // The bank along 大渡口 only: the far bank is outside the loaded townships.
    expect(river.shoreM).toBeGreaterThan(12_000)
    expect(river.shoreM).toBeLessThan(40_000)
    expect(river.share).toBeGreaterThan(0.05)
    expect(river.share).toBeLessThan(0.6)
    const [near] = await ctx.t.db.query<{ covered: number, uncovered: number }>(`
      SELECT ST_Distance(ST_GeomFromGeoJSON($1)::geography, 'SRID=4326;POINT(106.521 29.424)'::geography) AS covered,
             ST_Distance(ST_GeomFromGeoJSON($2)::geography, 'SRID=4326;POINT(106.521 29.424)'::geography) AS uncovered`, [JSON.stringify(river.covered), JSON.stringify(river.uncovered)])
    expect(near!.uncovered).toBeLessThan(800)
    expect(near!.covered).toBeGreaterThan(1500)
  })

  it('has drone routes within their batteries', async () => {
    const routes = (await api('GET', '/routes')).body.features
    expect(routes).toHaveLength(2)
    for (const r of routes)
      expect(r.properties.lengthM).toBeLessThanOrEqual(r.properties.maxFlightM)
  })
})
