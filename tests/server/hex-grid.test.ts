import type { PlanarMultiPolygon } from '@riskmap/server/analysis/hex-grid.ts'
import { hexCentre, hexIndex, hexRing, layoutHexCells, TooManyCells } from '@riskmap/server/analysis/hex-grid.ts'
import { utmToLonLat } from '@riskmap/server/analysis/utm.ts'
import { describe, expect, it } from 'vitest'
import { randomPoints } from '../helpers/fixture-points.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const SIZES = [250, 500, 1000] as const

/** Cells of ST_HexagonGrid that intersect a geometry, in that geometry's frame, as "i:j". */
async function postgisCells(geomSql: string, params: unknown[], size: number): Promise<string[]> {
  const rows = await ctx.t.db.query<{ i: number, j: number }>(`
    WITH g AS (${geomSql})
    SELECT h.i, h.j FROM g CROSS JOIN LATERAL ST_HexagonGrid($${params.length + 1}, g.geom) h
    WHERE ST_Intersects(h.geom, g.geom) ORDER BY h.i, h.j`, [...params, size])
  return rows.map(r => `${r.i}:${r.j}`)
}

describe('hexagon arithmetic equals ST_HexagonGrid', () => {
  it('centres and rings match PostGIS cell for cell, including negative columns', async () => {
    for (const size of SIZES) {
      const rows = await ctx.t.db.query<{ i: number, j: number, ring: { coordinates: number[][][] } }>(`
        SELECT i, j, ST_AsGeoJSON(geom, 15)::json AS ring
        FROM ST_HexagonGrid($1, ST_MakeEnvelope(-3000, 5000000, 3000, 5004000, 32651))`, [size])
      expect(rows.length).toBeGreaterThan(10)
      for (const r of rows) {
        const ring = hexRing(r.i, r.j, size)
        r.ring.coordinates[0]!.forEach(([x, y], k) => {
          expect(ring[k]![0]).toBeCloseTo(x!, 6)
          expect(ring[k]![1]).toBeCloseTo(y!, 6)
        })
        const [cx, cy] = hexCentre(r.i, r.j, size)
        expect(hexIndex(cx, cy, size)).toEqual([r.i, r.j])
      }
    }
  })

  it('the layout of a real township equals ST_HexagonGrid + ST_Intersects exactly', async () => {
    // 跃进村街道 (大渡口, zone 48) and 明仁街道 (白城, zone 51), at every size.
    for (const code of ['500104002000', '220802004000']) {
      const region = await ctx.t.db.query<{ srid: number, g: { coordinates: PlanarMultiPolygon } }>(
        'SELECT region_srid(code) AS srid, ST_AsGeoJSON(ST_Transform(geom, region_srid(code)))::json AS g FROM region WHERE code = $1',
        [code],
      )
      const { srid, g } = region[0]!
      expect(srid).toBe(code.startsWith('5001') ? 32648 : 32651)
      for (const size of SIZES) {
        const expected = await postgisCells('SELECT ST_Transform(geom, region_srid(code)) AS geom FROM region WHERE code = $1', [code], size)
        const cells = layoutHexCells(g.coordinates, size, 50_000).map(c => `${c.i}:${c.j}`)
        expect(cells, `${code} at ${size} m`).toEqual(expected)
      }
    }
  })

  it('the layout of a whole district equals PostGIS at 1000 m', async () => {
    const code = '220802'
    const rows = await ctx.t.db.query<{ g: { coordinates: PlanarMultiPolygon } }>(
      'SELECT ST_AsGeoJSON(ST_Transform(geom, region_srid(code)))::json AS g FROM region WHERE code = $1',
      [code],
    )
    const expected = await postgisCells('SELECT ST_Transform(geom, region_srid(code)) AS geom FROM region WHERE code = $1', [code], 1000)
    expect(layoutHexCells(rows[0]!.g.coordinates, 1000, 50_000).map(c => `${c.i}:${c.j}`)).toEqual(expected)
  })

  it('finds cells that only a sliver or a polygon smaller than a cell touches, and honours holes', () => {
    const size = 100
    // A tiny triangle inside cell (0, 0), away from its centre.
    const tiny: PlanarMultiPolygon = [[[[30, 10], [40, 10], [35, 20], [30, 10]]]]
    expect(layoutHexCells(tiny, size, 100).map(c => [c.i, c.j])).toEqual([[0, 0]])
    // A thin strip along y = 0 crossing the shared vertex region of several cells.
    const strip: PlanarMultiPolygon = [[[[-10, -0.01], [260, -0.01], [260, 0.01], [-10, 0.01], [-10, -0.01]]]]
    const cells = layoutHexCells(strip, size, 100).map(c => `${c.i}:${c.j}`)
    for (const x of [-5, 50, 120, 149, 151, 200, 255])
      expect(cells).toContain(hexIndex(x, 0.005, size).join(':'))
    // A square with a hole bigger than a cell drops the cell whose hexagon lies inside the hole.
    const holed: PlanarMultiPolygon = [[
      [[-2000, -2000], [2000, -2000], [2000, 2000], [-2000, 2000], [-2000, -2000]],
      [[-500, -500], [-500, 500], [500, 500], [500, -500], [-500, -500]],
    ]]
    const holedCells = layoutHexCells(holed, size, 10_000).map(c => `${c.i}:${c.j}`)
    expect(holedCells).not.toContain('0:0')
    expect(holedCells).toContain('10:0')
    expect(() => layoutHexCells(holed, size, 100)).toThrow(TooManyCells)
  })

  it('utm back to lon/lat agrees with ST_Transform to 1e-9 degrees across both zones', async () => {
    const rows = await ctx.t.db.query<{ x: number, y: number, lon: number, lat: number, zone: number }>(`
      SELECT x, y, zone, ST_X(p) AS lon, ST_Y(p) AS lat
      FROM (VALUES (48, 600000.0, 3260000.0), (48, 420000.5, 3300000.25), (51, 640000.0, 5050000.0),
                   (51, 520000.0, 5180000.0), (51, 350000.0, 4980000.0)) v (zone, x, y)
      CROSS JOIN LATERAL ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 32600 + zone), 4326) p`)
    for (const r of rows) {
      const [lon, lat] = utmToLonLat(r.x, r.y, r.zone)
      expect(Math.abs(lon - r.lon)).toBeLessThan(1e-9)
      expect(Math.abs(lat - r.lat)).toBeLessThan(1e-9)
    }
  })
})

describe('hex_count maintained at import', () => {
  /** Random points of two districts (both zones), with month and sub-class varied. */
  function fixture(seed: number, prefix: string) {
    return [...randomPoints('500104', 300, seed), ...randomPoints('220802', 300, seed + 1)]
      .filter(p => p.township)
      .map((p, k) => ({ id: `${prefix}-${k}`, indicator: ['A2-01', 'C1-01', 'C2-05'][k % 3]!, month: `2025-0${1 + (k % 3)}`, lon: p.lon, lat: p.lat }))
  }
  const csv = (rows: ReturnType<typeof fixture>) =>
    ['id,indicator,occurred_at,lon,lat', ...rows.map(r => `${r.id},${r.indicator},${r.month}-15 12:00:00,${r.lon},${r.lat}`)].join('\n')

  /** An independent count: each event's cell by the JS index on its ST_Transform'd position. */
  async function independentCounts(): Promise<Map<string, number>> {
    const events = await ctx.t.db.query<{ x: number, y: number, srid: number, indicator: string, month: string, township: string }>(`
      SELECT ST_X(p) AS x, ST_Y(p) AS y, z.srid, e.indicator, to_char(e.month, 'YYYY-MM') AS month, e.township
      FROM event e CROSS JOIN LATERAL (SELECT region_srid(e.township) AS srid) z
      CROSS JOIN LATERAL ST_Transform(e.geom, z.srid) p`)
    const out = new Map<string, number>()
    for (const e of events) {
      for (const size of SIZES) {
        const [i, j] = hexIndex(e.x, e.y, size)
        const key = [size, e.srid, i, j, e.township, e.indicator, e.month].join('|')
        out.set(key, (out.get(key) ?? 0) + 1)
      }
    }
    return out
  }

  async function storedCounts(): Promise<Map<string, number>> {
    const rows = await ctx.t.db.query<{ key: string, n: number }>(`
      SELECT concat_ws('|', size, srid, i, j, township, indicator, to_char(month, 'YYYY-MM')) AS key, n FROM hex_count`)
    return new Map(rows.map(r => [r.key, r.n]))
  }

  it('each event\'s SQL cell equals the JS cell and the ST_HexagonGrid cell that contains it', async () => {
    const rows = fixture(11, 'hexidx')
    const res = await ctx.post('/api/import/events?source=hexidx', csv(rows))
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201)
    expect(await storedCounts()).toEqual(await independentCounts())
    // And against PostGIS's own grid, point by point (a point on an edge would match two cells).
    for (const size of SIZES) {
      const pg = await ctx.t.db.query<{ x: number, y: number, cells: string[] }>(`
        SELECT ST_X(p) AS x, ST_Y(p) AS y, array_agg(h.i || ':' || h.j) AS cells
        FROM event e CROSS JOIN LATERAL ST_Transform(e.geom, region_srid(e.township)) p
        CROSS JOIN LATERAL ST_HexagonGrid($1, p) h
        WHERE ST_Intersects(h.geom, p) GROUP BY e.id, p`, [size])
      expect(pg.length).toBe(rows.length)
      for (const r of pg.filter(r => r.cells.length === 1))
        expect(hexIndex(r.x, r.y, size).join(':')).toBe(r.cells[0])
    }
  })

  it('a second import updates the counts of the months it touches', async () => {
    const rows = fixture(23, 'hexidx2')
    const res = await ctx.post('/api/import/events?source=hexidx2', csv(rows))
    expect(res.status).toBe(201)
    const stored = await storedCounts()
    expect(stored).toEqual(await independentCounts())
    const total = [...stored.values()].reduce((a, b) => a + b, 0)
    const events = (await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM event'))[0]!.n
    expect(total).toBe(events * SIZES.length)
  })

  it('an import into months that already hold events adds to their cells and keeps the others', async () => {
    const before = await storedCounts()
    // Forty stored events again under new ids: the same points, sub-classes and months, so every
    // one of their cells already exists and must grow, while every other cell stays as it was.
    const again = await ctx.t.db.query<{ lon: number, lat: number, indicator: string, month: string }>(`
      SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat, indicator, to_char(month, 'YYYY-MM') AS month
      FROM event ORDER BY id LIMIT 40`)
    const rows = again.map((e, k) => ({ id: `hexidx3-${k}`, ...e }))
    // Plus one event in a month nobody imported yet: its cells are new.
    rows.push({ ...rows[0]!, id: 'hexidx3-new', month: '2024-12' })
    const res = await ctx.post('/api/import/events?source=hexidx3', csv(rows))
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201)
    const after = await storedCounts()
    expect(after).toEqual(await independentCounts())
    const grown = [...after].filter(([k, n]) => before.has(k) && n > before.get(k)!)
    const added = [...after.keys()].filter(k => !before.has(k))
    expect(grown.length).toBeGreaterThan(0)
    expect(added.length).toBe(SIZES.length)
    expect(added.every(k => k.endsWith('|2024-12'))).toBe(true)
    expect(grown.reduce((a, [k, n]) => a + n - before.get(k)!, 0)).toBe(40 * SIZES.length)
    for (const [k, n] of before) {
      if (!grown.some(([g]) => g === k))
        expect(after.get(k), k).toBe(n)
    }
  })
})
