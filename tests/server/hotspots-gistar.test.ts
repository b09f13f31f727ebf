import { beforeAll, describe, expect, it } from 'vitest'
import { prng, randomPoints } from '../helpers/fixture-points.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()

const DISTRICT = '220802'
const TOWNSHIP = '220802009000'
const SIBLING = '220802103000'
// A dense cluster well inside 明仁街道 (220802004000), on top of a random background.
const CLUSTER: [number, number] = [122.85, 45.632]

/** √3/2 written out, so the check below does not borrow the server's arithmetic. */
const APOTHEM = Math.sqrt(3) / 2

/** The centre of cell (i, j) of ST_HexagonGrid(size) by its documented layout. */
function centre(i: number, j: number, size: number): [number, number] {
  return [1.5 * size * i, 2 * APOTHEM * size * (j + (Math.abs(i) % 2) / 2)]
}

/** Gi* by its definition (METHODS.md), O(n²), binary weights within the band, self included. */
function giStarByDefinition(x: number[], pts: Array<[number, number]>, band: number): number[] {
  const n = x.length
  const mean = x.reduce((a, b) => a + b, 0) / n
  const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean)
  return x.map((_, i) => {
    let wx = 0
    let w = 0
    for (let j = 0; j < n; j++) {
      if (Math.hypot(pts[i]![0] - pts[j]![0], pts[i]![1] - pts[j]![1]) <= band) {
        wx += x[j]!
        w++
      }
    }
    return (wx - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)))
  })
}

beforeAll(async () => {
  const rand = prng(5)
  const background = randomPoints(DISTRICT, 3000, 3).filter(p => p.township)
  const cluster = Array.from({ length: 60 }, () => ({ lon: CLUSTER[0] + (rand() - 0.5) * 0.004, lat: CLUSTER[1] + (rand() - 0.5) * 0.003 }))
  const rows = [...background, ...cluster].map((p, k) => `gi-${k},${k % 2 ? 'C1-01' : 'A2-02'},2026-0${1 + (k % 3)}-10 10:00:00,${p.lon},${p.lat}`)
  const res = await ctx.post('/api/import/events?source=gistar', ['id,indicator,occurred_at,lon,lat', ...rows].join('\n'))
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201)
})

describe('gET /api/hotspots/gistar', () => {
  it('returns every cell covering the region, zeros included, with z equal to Gi* by definition', async () => {
    const res = await ctx.get(`/api/hotspots/gistar?parent=${DISTRICT}&size=1000&period=2026-01&to=2026-03`)
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    const fc = res.body
    expect(fc.type).toBe('FeatureCollection')
    const expected = await ctx.t.db.query<{ id: string }>(`
      SELECT '1000:' || region_srid(r.code) || ':' || h.i || ':' || h.j AS id
      FROM region r CROSS JOIN LATERAL ST_HexagonGrid(1000, ST_Transform(r.geom, region_srid(r.code))) h
      WHERE r.code = $1 AND ST_Intersects(h.geom, ST_Transform(r.geom, region_srid(r.code)))`, [DISTRICT])
    const ids = fc.features.map((f: any) => f.properties.id)
    expect(new Set(ids)).toEqual(new Set(expected.map(r => r.id)))
    expect(ids.length).toBe(expected.length)

    const counts: number[] = fc.features.map((f: any) => f.properties.count)
    expect(counts.filter(c => c === 0).length).toBeGreaterThan(0)
    const events = await ctx.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE township LIKE '220802%'`)
    expect(counts.reduce((a, b) => a + b, 0)).toBe(events[0]!.n)

    const m = fc.method
    expect(m).toMatchObject({ statistic: 'Getis-Ord Gi*', weights: 'binary', selfIncluded: true, correction: 'none', grid: 'hex', size: 1000, srid: 32651, parent: DISTRICT, indicator: 'all', period: '2026-01', to: '2026-03', n: ids.length, defaultDistance: true })
    expect(m.distanceMetric).toBe('Euclidean between hexagon centres in UTM zone 51N (EPSG:32651)')
    // The smallest band giving every cell a neighbour is the centre spacing √3·size, to the mm above.
    expect(m.distanceBand).toBe(1732.051)
    expect(fc.warnings).toEqual(m.warnings)

    const pts = fc.features.map((f: any) => {
      const [, , i, j] = f.properties.id.split(':').map(Number)
      return centre(i, j, 1000)
    })
    const z = giStarByDefinition(counts, pts, m.distanceBand)
    fc.features.forEach((f: any, k: number) => {
      expect(f.properties.z).toBeCloseTo(z[k]!, 9)
      const p = f.properties.p
      const level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.1 ? 1 : 0
      expect(f.properties.bin).toBe(level * Math.sign(f.properties.z) || 0)
    })
  })

  it('draws each cell as its hexagon in lon/lat and finds the planted cluster at 99%', async () => {
    const res = await ctx.get(`/api/hotspots/gistar?parent=${DISTRICT}&size=500&period=2026-01&to=2026-03&correction=fdr`)
    expect(res.status).toBe(200)
    const features = res.body.features
    const inRing = (ring: number[][], [x, y]: [number, number]) => {
      let inside = false
      for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
        if ((ring[a]![1]! > y) !== (ring[b]![1]! > y) && x < ((ring[b]![0]! - ring[a]![0]!) * (y - ring[a]![1]!)) / (ring[b]![1]! - ring[a]![1]!) + ring[a]![0]!)
          inside = !inside
      }
      return inside
    }
    const hit = features.filter((f: any) => inRing(f.geometry.coordinates[0], CLUSTER))
    expect(hit).toHaveLength(1)
    expect(hit[0].geometry.coordinates[0]).toHaveLength(7)
    expect(hit[0].properties.bin).toBe(3)
    expect(res.body.method.correction).toBe('fdr')
  })

  it('honours a distance and an indicator, and counts only that indicator', async () => {
    const res = await ctx.get(`/api/hotspots/gistar?parent=${TOWNSHIP}&grid=hex&size=250&indicator=C1-01&period=2026-01&to=2026-03&distance=800`)
    expect(res.status).toBe(200)
    expect(res.body.method.distanceBand).toBe(800)
    expect(res.body.method.defaultDistance).toBe(false)
    const events = await ctx.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE township = $1 AND indicator = 'C1-01'`, [TOWNSHIP])
    expect(res.body.features.reduce((a: number, f: any) => a + f.properties.count, 0)).toBe(events[0]!.n)
  })

  it('refuses bad parameters with 400s and unknown codes with 404s', async () => {
    const base = `/api/hotspots/gistar?parent=${TOWNSHIP}&period=2026-01`
    for (const [query, status, code] of [
      ['&grid=square', 400, 'invalid_parameter'],
      ['&size=300', 400, 'invalid_parameter'],
      ['&distance=0', 400, 'invalid_parameter'],
      ['&distance=-5', 400, 'invalid_parameter'],
      ['&distance=abc', 400, 'invalid_parameter'],
      ['&distance=1e9', 400, 'invalid_parameter'],
      ['&correction=bonferroni', 400, 'invalid_parameter'],
      ['&to=2025-12', 400, 'invalid_parameter'],
      ['&indicator=Z9', 404, 'unknown_indicator'],
    ] as const) {
      const res = await ctx.get(base + query)
      expect(res.status, query).toBe(status)
      expect(res.body.error.code, query).toBe(code)
    }
    expect((await ctx.get('/api/hotspots/gistar?period=2026-01')).status).toBe(400)
    expect((await ctx.get('/api/hotspots/gistar?parent=999999&period=2026-01')).body.error.code).toBe('unknown_region')
    const big = await ctx.get('/api/hotspots/gistar?parent=220800&size=250&period=2026-01')
    expect(big.status).toBe(400)
    expect(big.body.error.code).toBe('too_many_cells')
    expect(big.body.error.message).toMatch(/larger size or a smaller region/)
    const wide = await ctx.get(`/api/hotspots/gistar?parent=${DISTRICT}&size=250&period=2026-01&distance=50000`)
    expect(wide.status).toBe(400)
    expect(wide.body.error.code).toBe('distance_too_large')
  })

  it('a township-scoped user analyses its own township and gets 404 for a sibling', async () => {
    const { token } = await createPrincipal(ctx.t.db, { username: 'gistar-township', role: 'analyst', scope: TOWNSHIP })
    const own = await ctx.get(`/api/hotspots/gistar?parent=${TOWNSHIP}&size=250&period=2026-01&to=2026-03`, token)
    expect(own.status).toBe(200)
    const admin = await ctx.get(`/api/hotspots/gistar?parent=${TOWNSHIP}&size=250&period=2026-01&to=2026-03`)
    expect(own.body.features.map((f: any) => f.properties)).toEqual(admin.body.features.map((f: any) => f.properties))
    for (const parent of [SIBLING, DISTRICT]) {
      const res = await ctx.get(`/api/hotspots/gistar?parent=${parent}&size=250&period=2026-01`, token)
      expect(res.status, parent).toBe(404)
      expect(res.body.error.code).toBe('unknown_region')
    }
    expect((await ctx.get(`/api/hotspots/hexbins?parent=${SIBLING}&size=250&period=2026-01`, token)).status).toBe(404)
    // Hex bins, like the choropleth, may be drawn on the district's map: only the own township's cells.
    const bins = await ctx.get(`/api/hotspots/hexbins?parent=${DISTRICT}&size=250&period=2026-01&to=2026-03`, token)
    expect(bins.status).toBe(200)
    const ownBins = await ctx.get(`/api/hotspots/hexbins?parent=${TOWNSHIP}&size=250&period=2026-01&to=2026-03`)
    expect(bins.body.features.map((f: any) => f.properties)).toEqual(ownBins.body.features.map((f: any) => f.properties))
    expect(bins.body.features.length).toBeGreaterThan(0)
  })
})

describe('gET /api/hotspots/hexbins', () => {
  it('lists only cells with events, with the same ids and counts as Gi*', async () => {
    const q = `parent=${DISTRICT}&size=500&period=2026-01&to=2026-03&indicator=A2-02`
    const bins = await ctx.get(`/api/hotspots/hexbins?${q}`)
    expect(bins.status).toBe(200)
    expect(bins.body).toMatchObject({ type: 'FeatureCollection', grid: 'hex', size: 500, srid: 32651, parent: DISTRICT })
    const gi = await ctx.get(`/api/hotspots/gistar?${q}`)
    const nonZero = new Map(gi.body.features.filter((f: any) => f.properties.count > 0).map((f: any) => [f.properties.id, f.properties.count]))
    expect(new Map(bins.body.features.map((f: any) => [f.properties.id, f.properties.count]))).toEqual(nonZero)
    const sameRing = gi.body.features.find((f: any) => f.properties.id === bins.body.features[0].properties.id)
    expect(bins.body.features[0].geometry).toEqual(sameRing.geometry)
  })
})
