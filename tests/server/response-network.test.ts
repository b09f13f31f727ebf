import type { LonLat } from '../helpers/listed-fixture.ts'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onDutyAt, parseDutyWindows } from '@riskmap/server/analysis/duty-windows.ts'
import { insertRoadEdges } from '@riskmap/server/queries/road-network.ts'
import { BUFFER_M, reachMethodState, unitsReach } from '@riskmap/server/response/network-reach.ts'
import { defaultSpeeds } from '@riskmap/server/response/speeds.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { dijkstra, gridEdges, nodeId, nodeXY, reachedPieces, segmentDistance, toLonLat } from '../fixtures/road-grid.ts'
import { inCI } from '../helpers/ci.ts'
import { call } from '../helpers/http-client.ts'
import { haversine, offset, roomyPointIn } from '../helpers/listed-fixture.ts'
import { runCli } from '../helpers/run-cli.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'
import { usingServer } from '../helpers/test-db.ts'

/**
 * Network reach on a small road grid (tests/fixtures/road-grid.ts: a river crossed only by a far
 * vehicle bridge and a footbridge, a dead end, a one-way row). On server PostGIS with pgRouting the
 * reach and coverage are network-based and compared with Dijkstra in JS; on the embedded database
 * (no pgRouting) the same file asserts the fallback to straight-line speeds.
 */
const ctx = useTestApp()
const RADII = [250 / 3, 250, 2500]
const edges = gridEdges()

let network = false
let p: LonLat
let q: LonLat
let unitA: number
let unitB: number

interface Ev { name: string, at: LonLat, local?: [number, number], time: string, near: 'A' | 'B', township: string }
const events: Ev[] = []

function api(method: string, path: string, body?: unknown) {
  return call(ctx.app, method, path, { auth: { bearer: ctx.adminToken }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
}

async function addUnit(at: LonLat, duty: unknown[]): Promise<number> {
  const res = await api('POST', '/api/response-units', { name: `net unit ${at.lon}`, type: 'patrol_team', duty, geometry: { type: 'Point', coordinates: [at.lon, at.lat] } })
  expect(res.status, res.text).toBe(201)
  return res.body.unit.id
}

const lonLat = (ll: LonLat) => [ll.lon, ll.lat]

/** Even-odd point in (Multi)Polygon, in lon/lat. */
function inside(g: { type: string, coordinates: any }, pt: LonLat): boolean {
  const polys: number[][][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  let n = 0
  for (const rings of polys) {
    for (const ring of rings) {
      for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
        const [ax, ay] = ring[a]!
        const [bx, by] = ring[b]!
        if ((ay! > pt.lat) !== (by! > pt.lat) && pt.lon < ((bx! - ax!) * (pt.lat - ay!)) / (by! - ay!) + ax!)
          n++
      }
    }
  }
  return n % 2 === 1
}

/** The independent band of a fixture event near unit A by the network: 1, 3, 5 or null. */
function networkBand(local: [number, number]): 1 | 3 | 5 | null {
  const piecesOf = (legs: Array<['walk' | 'drive', number]>) => legs.flatMap(([mode, b]) => reachedPieces(edges, mode, b))
  const steps: Array<[1 | 3 | 5, ReturnType<typeof piecesOf>]> = [
    [1, piecesOf([['walk', 60]])],
    [3, piecesOf([['walk', 180]])],
    [5, piecesOf([['walk', 180], ['drive', 300]])],
  ]
  for (const [k, pieces] of steps) {
    const d = Math.min(Math.hypot(...local), ...pieces.map(s => segmentDistance(local, s)))
    // Keep clear of the buffer's edge, where the polygon's arcs and the UTM scale could disagree.
    expect(Math.abs(d - BUFFER_M), `event at ${local} is ${d.toFixed(1)} m from the ${k}-minute pieces`).toBeGreaterThan(15)
    if (d <= BUFFER_M)
      return k
  }
  return null
}

function speedBand(d: number): 1 | 3 | 5 | null {
  for (const [k, r] of [[1, RADII[0]!], [3, RADII[1]!], [5, RADII[2]!]] as const) {
    expect(Math.abs(d - r) / r, `distance ${d.toFixed(1)} m against radius ${r}`).toBeGreaterThan(0.01)
    if (d <= r)
      return k
  }
  return null
}

const weekdayWindows = (() => {
  const parsed = parseDutyWindows([{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }])
  if (!parsed.ok)
    throw new Error(parsed.message)
  return parsed.windows
})()

/** The independent count per township: network bands for A's events (when active), haversine for the rest. */
function expectedCounts() {
  const out = new Map<string, { events: number, within1: number, within3: number, within5: number }>()
  for (const e of events) {
    let band: 1 | 3 | 5 | null
    if (e.near === 'A')
      band = network ? networkBand(e.local!) : speedBand(haversine(p, e.at))
    else
      band = onDutyAt(weekdayWindows, Date.parse(`${e.time.replace(' ', 'T')}:00+08:00`)) ? speedBand(haversine(q, e.at)) : null
    const row = out.get(e.township) ?? { events: 0, within1: 0, within3: 0, within5: 0 }
    row.events++
    row.within1 += band !== null && band <= 1 ? 1 : 0
    row.within3 += band !== null && band <= 3 ? 1 : 0
    row.within5 += band !== null ? 1 : 0
    out.set(e.township, row)
  }
  return out
}

beforeAll(async () => {
  const [has] = await ctx.t.db.query<{ available: boolean, installed: boolean }>(`
    SELECT EXISTS (SELECT FROM pg_available_extensions WHERE name = 'pgrouting') AS available,
      EXISTS (SELECT FROM pg_proc WHERE proname = 'pgr_drivingdistance') AS installed`)
  // CI installs pgRouting into the server cluster; there a missing pgRouting is a failure.
  if (usingServer && inCI)
    expect(has!.installed, 'pgRouting on the CI PostgreSQL server').toBe(true)
  if (!usingServer)
    expect(has!.installed, 'PGlite has no pgRouting').toBe(false)
  network = has!.installed

  p = await roomyPointIn(ctx.t.db, regions.township, 1250)
  q = await roomyPointIn(ctx.t.db, regions.sibling, 300)
  const loaded = await insertRoadEdges(ctx.t.db, edges.map(e => ({
    ...e,
    geometry: JSON.stringify({ type: 'LineString', coordinates: [e.from, e.to].map(xy => lonLat(toLonLat(p, xy))) }),
  })))
  expect(loaded).toBe(edges.length)
  unitA = await addUnit(p, [])
  unitB = await addUnit(q, [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }])

  const mon = '2025-06-16 10:00'
  const sat = '2025-06-21 10:00'
  const nearA: Array<[string, [number, number]]> = [
    ['on row 5, 60 m east', [60, 0]],
    ['on row 5, 150 m east', [150, 0]],
    ['on column 5, 150 m north', [0, -150]],
    ['block centre next to the unit', [100, 100]],
    ['15 m off column 5, 330 m north', [15, 330]],
    ['east bank node (7, 5), by the far bridge', [400, 0]],
    ['east bank node (8, 5)', [600, 0]],
    ['east bank node (8, 6), just out of time', [600, 200]],
    ['east bank node (7, 9)', [400, 800]],
    ['corner (10, 10)', [1000, 1000]],
    ['west node (1, 5)', [-800, 0]],
    ['dead end (2, 9)', [-600, 800]],
    ['the missing street beside the dead end', [-700, 800]],
    ['row 8, one-way', [-100, 600]],
  ]
  for (const [name, local] of nearA)
    events.push({ name, local, at: toLonLat(p, local), time: mon, near: 'A', township: regions.township })
  for (const [m, time] of [[100, mon], [1000, mon], [100, sat], [2000, mon], [3000, mon]] as const)
    events.push({ name: `${m} m from B`, at: offset(q, m, 45), time, near: 'B', township: regions.sibling })
  const csv = ['id,indicator,occurred_at,lon,lat', ...events.map((e, i) => `net-${i},A2-03,${e.time},${e.at.lon},${e.at.lat}`)].join('\n')
  const imported = await ctx.post('/api/import/events?source=network', csv)
  expect(imported.status, JSON.stringify(imported.body)).toBe(201)
})

describe('reach on a road network (pgRouting) or by speeds (fallback)', () => {
  it('says which method is active', async () => {
    const res = await api('GET', '/api/coverage/method')
    expect(res.status, res.text).toBe(200)
    if (network) {
      expect(res.body.method).toMatchObject({ kind: 'network', pgrouting: true, roadEdges: edges.length, bufferM: BUFFER_M })
    }
    else {
      expect(res.body.method).toMatchObject({ kind: 'speed', pgrouting: false, roadEdges: edges.length })
      expect(res.body.method.note).toMatch(/^straight-line approximation; network reach needs pgRouting and a road network \(no road network on this database\)$/)
    }
  })

  it('reaches the nodes Dijkstra reaches, at the same costs, and no further', async () => {
    const res = await api('GET', `/api/response-units/${unitA}/reach`)
    expect(res.status, res.text).toBe(200)
    const byMinutes = new Map(res.body.features.map((f: any) => [f.properties.minutes, f]))
    expect([...byMinutes.keys()]).toEqual([5, 3, 1])
    const five = byMinutes.get(5) as any
    if (!network) {
      expect(res.body.method.kind).toBe('speed')
      expect(five.properties).toMatchObject({ kind: 'speed', radiusM: 2500 })
      // The straight-line circle holds the far bank, which no street reaches in time.
      expect(inside(five.geometry, toLonLat(p, nodeXY(9, 9)))).toBe(true)
      return
    }
    expect(res.body.method).toMatchObject({ kind: 'network', node: nodeId(5, 5) })
    expect(res.body.method.accessM).toBeLessThan(0.5)

    const state = await reachMethodState(ctx.t.db)
    const [reach] = await unitsReach(ctx.t.db, [unitA], defaultSpeeds, state)
    const walk = dijkstra(edges, 'walk')
    const drive = dijkstra(edges, 'drive')
    const want = (legs: Array<[Map<number, number>, number]>) => {
      const m = new Map<number, number>()
      for (const [dist, budget] of legs) {
        for (const [n, s] of dist) {
          if (s <= budget + 1e-9)
            m.set(n, Math.min(s, m.get(n) ?? Infinity))
        }
      }
      return [...m].sort((a, b) => a[0] - b[0])
    }
    const expected = [want([[walk, 60]]), want([[walk, 180]]), want([[walk, 180], [drive, 300]])]
    for (const k of [0, 1, 2]) {
      const got = reach!.nodes![k]!
      expect(got.map(n => n.node), `step ${k}`).toEqual(expected[k]!.map(([n]) => n))
      got.forEach((n, i) => expect(n.seconds).toBeCloseTo(expected[k]![i]![1], 6))
    }
    expect(expected[2]!.length).toBeGreaterThan(20)
    expect(expected[2]!.some(([n]) => n === nodeId(7, 5))).toBe(true)
    expect(five.properties.reachedNodes).toBe(expected[2]!.length)

    // Reached street pieces are inside; the far bank and the block centres are not, though the
    // 2.5 km circle would hold them all.
    expect(inside(five.geometry, toLonLat(p, nodeXY(7, 5)))).toBe(true)
    expect(inside(five.geometry, toLonLat(p, nodeXY(1, 5)))).toBe(true)
    expect(inside(five.geometry, toLonLat(p, nodeXY(9, 9)))).toBe(false)
    expect(inside(five.geometry, toLonLat(p, nodeXY(7, 9)))).toBe(false)
    expect(inside(five.geometry, toLonLat(p, [100, 100]))).toBe(false)
    const one = byMinutes.get(1) as any
    expect(inside(one.geometry, toLonLat(p, [60, 0]))).toBe(true)
    expect(inside(one.geometry, toLonLat(p, [150, 0]))).toBe(false)
    const [area] = await ctx.t.db.query<{ network: number }>('SELECT ST_Area(ST_GeomFromGeoJSON($1)::geography) AS network', [JSON.stringify(five.geometry)])
    expect(area!.network).toBeLessThan(0.25 * Math.PI * 2500 ** 2)
  })

  it('keeps speed circles for a unit with no road near it', async () => {
    const res = await api('GET', `/api/response-units/${unitB}/reach`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.method.kind).toBe('speed')
    expect(res.body.features[0].properties).toMatchObject({ kind: 'speed', minutes: 5, radiusM: 2500 })
    if (network)
      expect(res.body.method.note).toMatch(/no road node within 300 m of this unit/)
  })

  it('counts coverage with the same method, equal to an independent count', async () => {
    const res = await api('GET', `/api/coverage?level=township&parent=${regions.district}&months=1&to=2025-06`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.method.kind).toBe(network ? 'network' : 'speed')
    const want = expectedCounts()
    for (const code of [regions.township, regions.sibling]) {
      const r = res.body.regions.find((x: any) => x.code === code)
      expect({ code, events: r.events, within1: r.within1, within3: r.within3, within5: r.within5 }).toEqual({ code, ...want.get(code)! })
    }
    const own = want.get(regions.township)!
    // The fixture tells the methods apart: by the network several events near the unit are out of reach.
    if (network)
      expect(own.within5).toBeLessThan(own.events - 3)
    else
      expect(own.within5).toBe(own.events)
    expect(own.within1).toBeGreaterThan(0)
    expect(own.within3).toBeGreaterThan(own.within1)
  })

  it('ranks blind spots by the same method', async () => {
    const res = await api('GET', `/api/coverage/blind-spots?region=${regions.township}&months=1&to=2025-06&size=250&min=1&limit=100`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.method.kind).toBe(network ? 'network' : 'speed')
    const want = expectedCounts().get(regions.township)!
    expect(res.body.summary.events).toBe(want.events)
    expect(res.body.summary.uncovered).toBe(want.events - want.within5)
    expect(res.body.features.reduce((n: number, f: any) => n + f.properties.uncovered, 0)).toBe(want.events - want.within5)
  })
})

describe('pnpm riskmap import roads FILE.geojson', () => {
  /** The fixture as OSM-like ways: each row and column chained into as few LineStrings as its attributes allow. */
  function geojson() {
    const features: unknown[] = []
    const props = (e: typeof edges[number]) => ({
      highway: e.highway,
      name: e.name.split(' ')[0],
      ...(e.costDriveS !== null ? { maxspeed: String(Math.round(3.6 * e.lengthM / e.costDriveS)) } : {}),
      ...(e.costDriveS !== null && e.reverseDriveS === null ? { oneway: 'yes' } : {}),
    })
    let way: { coords: [number, number][], key: string, last: number } | null = null
    const flush = () => {
      if (way)
        features.push({ type: 'Feature', properties: JSON.parse(way.key), geometry: { type: 'LineString', coordinates: way.coords.map(xy => lonLat(toLonLat(p, xy))) } })
      way = null
    }
    for (const e of edges) {
      const key = JSON.stringify(props(e))
      if (way && way.key === key && way.last === e.source) {
        way.coords.push(e.to)
        way.last = e.target
        continue
      }
      flush()
      way = { coords: [e.from, e.to], key, last: e.target }
    }
    flush()
    return { type: 'FeatureCollection', features }
  }

  it('refuses to mix networks, then replaces the network and splits ways at shared vertices', async () => {
    const doc = geojson()
    expect(doc.features.length).toBeLessThan(edges.length / 3)
    const file = join(tmpdir(), `riskmap-roads-${process.pid}.geojson`)
    writeFileSync(file, JSON.stringify(doc))
    const before = await ctx.t.whileClosed(() => runCli(['import', 'roads', file], ctx.t.env))
    expect(before.code, before.stderr).toBe(1)
    expect(before.stderr).toMatch(/already holds \d+ edges; pass --replace/)
    const res = await ctx.t.whileClosed(() => runCli(['import', 'roads', file, '--replace'], ctx.t.env))
    expect(res.code, res.stderr).toBe(0)
    // (2, 10) is a plain vertex of row 10 once its street north is gone (no way meets there), so
    // (1, 10)–(3, 10) is one edge: one edge and one node fewer than the fixture.
    const nodes = new Set(edges.flatMap(e => [e.source, e.target])).size
    expect(res.stdout).toMatch(new RegExp(`imported ${edges.length - 1} road edges \\(${nodes - 1} nodes\\)`))
    const [row] = await ctx.t.db.query<{ n: number, oneway: number, foot: number }>(`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE reverse_drive_s IS NULL AND cost_drive_s IS NOT NULL)::int AS oneway,
        count(*) FILTER (WHERE cost_drive_s IS NULL)::int AS foot FROM road_edge`)
    expect(row).toEqual({ n: edges.length - 1, oneway: edges.filter(e => e.costDriveS !== null && e.reverseDriveS === null).length, foot: 1 })
    if (!network)
      return
    // The same network, so the same reach: the 5-minute step reaches as many nodes at the same costs.
    const drive = dijkstra(edges, 'drive')
    const walk = dijkstra(edges, 'walk')
    const want = new Map<number, number>()
    for (const [dist, budget] of [[walk, 180], [drive, 300]] as const) {
      for (const [n, sec] of dist) {
        if (sec <= budget && n !== nodeId(2, 10))
          want.set(n, Math.min(sec, want.get(n) ?? Infinity))
      }
    }
    const [reach] = await unitsReach(ctx.t.db, [unitA], defaultSpeeds, await reachMethodState(ctx.t.db))
    const got = reach!.nodes![2]!.map(n => n.seconds).sort((a, b) => a - b)
    const expected = [...want.values()].sort((a, b) => a - b)
    expect(got).toHaveLength(expected.length)
    // Lengths are geodesic here and tangent-plane metres in the fixture: within 1 %.
    got.forEach((sec, k) => expect(Math.abs(sec - expected[k]!)).toBeLessThanOrEqual(0.01 * expected[k]! + 1e-6))
  })
})
