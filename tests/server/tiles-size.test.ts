import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RAW_CAP } from '@riskmap/server/queries/tiles.ts'
import { booleanPointInPolygon } from '@turf/turf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../fixtures/seeded-random.ts'
import { writeBigEventsCsv } from '../helpers/big-events-csv.ts'
import { randomPoints, townshipsOf } from '../helpers/fixture-points.ts'
import { decodeLayer, tileCoords, tileOf } from '../helpers/mvt.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const BIG = 50_000
const MAX_BYTES = 500 * 1024
const range = 'period=2024-07&to=2026-06'
const dir = mkdtempSync(join(tmpdir(), 'riskmap-tiles-'))
let points: Array<{ lon: number, lat: number }> = []

// More events than RAW_CAP within about 100 m, so that even a z16 tile must aggregate.
const centre = randomPoints(regions.district, 400, 7).find(p => p.township === regions.township)!
function hotspotCsv(n: number): string {
  const town = townshipsOf(regions.district).find(t => t.properties.code === regions.township)!
  const rand = seededRandom(99)
  const rows = ['id,indicator,occurred_at,lon,lat']
  while (rows.length <= n) {
    const p: [number, number] = [centre.lon + (rand() - 0.5) * 0.001, centre.lat + (rand() - 0.5) * 0.001]
    if (!booleanPointInPolygon(p, town))
      continue
    // RAW_CAP − 100 of them under A2-03, the rest under A2-01; every one at its own second.
    const i = rows.length
    const time = `${String(10 + Math.floor(i / 3600)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`
    rows.push(`hs-${i},${i <= RAW_CAP - 100 ? 'A2-03' : 'A2-01'},2026-05-${String(1 + (i % 28)).padStart(2, '0')} ${time},${p[0]},${p[1]}`)
  }
  return rows.join('\n')
}

beforeAll(async () => {
  const file = join(dir, 'big.csv')
  await writeBigEventsCsv(file, BIG, 'riskmap-tiles')
  for (const [source, csv] of [['big', readFileSync(file, 'utf8')], ['hotspot', hotspotCsv(RAW_CAP + 200)]] as const) {
    const res = await ctx.post(`/api/import/events?source=${source}`, csv)
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201)
  }
  points = await ctx.t.db.query<{ lon: number, lat: number }>('SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM event')
  expect(points.length).toBe(BIG + RAW_CAP + 200)
}, 600_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The tile at zoom z holding the most events. */
function densestTile(z: number) {
  const counts = new Map<string, number>()
  for (const p of points) {
    const t = tileOf(p.lon, p.lat, z)
    counts.set(`${t.x}/${t.y}`, (counts.get(`${t.x}/${t.y}`) ?? 0) + 1)
  }
  const [key, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!
  const [x, y] = key.split('/').map(Number) as [number, number]
  return { z, x, y, n }
}

describe(`tile size over ${BIG.toLocaleString('en')} events plus a ${RAW_CAP + 200}-event hot spot`, () => {
  it.each([8, 9, 10, 11, 12, 13, 14, 15, 16])('the densest tile at zoom %i stays under 500 KB and counts every event in it', async (z) => {
    const t = densestTile(z)
    const res = await ctx.app.request(`/api/tiles/events/${t.z}/${t.x}/${t.y}.mvt?${range}`, { headers: { authorization: `Bearer ${ctx.adminToken}` } })
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(res.status).toBe(200)
    expect(bytes.length).toBeLessThanOrEqual(MAX_BYTES)
    const features = decodeLayer(bytes).features
    const inTile = features.filter(f => f.x >= 0 && f.x < 4096 && f.y >= 0 && f.y < 4096)
    const expected = points.filter((p) => {
      const c = tileCoords(p.lon, p.lat, t.z, t.x, t.y)
      return Math.round(c.x) >= 0 && Math.round(c.x) < 4096 && Math.round(c.y) >= 0 && Math.round(c.y) < 4096
    }).length
    expect(inTile.reduce((n, f) => n + (f.properties.count as number), 0)).toBe(expected)
    // The hot spot holds more than RAW_CAP events in every densest tile: each is aggregated.
    expect(expected).toBeGreaterThan(RAW_CAP)
    expect(features.every(f => f.properties.cluster === true)).toBe(true)
    console.log(`[tiles-size] z${z} ${t.x}/${t.y}: ${expected} events, ${features.length} features, ${(bytes.length / 1024).toFixed(1)} KB`)
  })

  it('a tile of raw points just under the cap stays under 500 KB', async () => {
    // The hot spot's A2-03 events alone: RAW_CAP − 100 of them, each with its own id and time.
    const t = tileOf(centre.lon, centre.lat, 16)
    const res = await ctx.app.request(`/api/tiles/events/16/${t.x}/${t.y}.mvt?period=2026-05&indicator=A2-03`, { headers: { authorization: `Bearer ${ctx.adminToken}` } })
    const bytes = new Uint8Array(await res.arrayBuffer())
    const features = decodeLayer(bytes).features
    expect(features.length).toBe(RAW_CAP - 100)
    expect(features.every(f => f.properties.cluster === false && typeof f.id === 'number')).toBe(true)
    expect(bytes.length).toBeLessThanOrEqual(MAX_BYTES)
    console.log(`[tiles-size] raw z16: ${features.length} features, ${(bytes.length / 1024).toFixed(1)} KB`)
  })
})
