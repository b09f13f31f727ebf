import type { DecodedFeature } from '../helpers/mvt.ts'
import { BUFFER, CELL, RAW_MIN_ZOOM, tileFeatures, tileFeaturesSql, tileMvt } from '@riskmap/server/queries/tiles.ts'
import { encodeEventTile } from '@riskmap/server/tiles/encode.ts'
import { bbox, booleanPointInPolygon } from '@turf/turf'
import { beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../fixtures/seeded-random.ts'
import { townshipsOf } from '../helpers/fixture-points.ts'
import { call } from '../helpers/http-client.ts'
import { decodeLayer, featureKey, tileCoords, tileOf } from '../helpers/mvt.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'
import { usingServer } from '../helpers/test-db.ts'

const ctx = useTestApp()
const MVT = 'application/vnd.mapbox-vector-tile'
const indicators = ['A2-01', 'A2-03', 'C2-05']
const times = ['2026-01-15 10:00:00', '2026-02-15 10:00:00', '2026-03-10 08:30:00']

interface Fixture { sourceId: string, lon: number, lat: number, indicator: string, at: string, township: string, id?: number }

/** Seeded points inside a township (turf truth): spread over it, or within ±half° of its first point. */
function pointsInside(township: string, n: number, seed: number, half?: number): Array<[number, number]> {
  const poly = townshipsOf(regions.district).find(t => t.properties.code === township)!
  const rand = seededRandom(seed)
  let [w, s, e, nn] = bbox(poly)
  const out: Array<[number, number]> = []
  while (out.length < n) {
    const p: [number, number] = [w + rand() * (e - w), s + rand() * (nn - s)]
    if (!booleanPointInPolygon(p, poly))
      continue
    if (half !== undefined && out.length === 0)
      [w, s, e, nn] = [p[0] - half, p[1] - half, p[0] + half, p[1] + half]
    out.push(p)
  }
  return out
}

const fixtures: Fixture[] = [
  ...pointsInside(regions.township, 300, 11).map(p => ({ p, township: regions.township })),
  ...pointsInside(regions.township, 200, 12, 0.004).map(p => ({ p, township: regions.township })),
  ...pointsInside(regions.sibling, 200, 13).map(p => ({ p, township: regions.sibling })),
].map(({ p, township }, i) => ({
  sourceId: `t${i}`,
  lon: p[0],
  lat: p[1],
  indicator: indicators[i % 3]!,
  // Unique seconds, so that occurred_at tells events apart.
  at: times[Math.floor(i / 3) % 3]!.replace(/:00$/, `:${String(i % 60).padStart(2, '0')}`),
  township,
}))
const isoOf = (at: string) => new Date(`${at.replace(' ', 'T')}+08:00`).toISOString().replace('.000Z', 'Z')
const monthOf = (at: string) => at.slice(0, 7)

beforeAll(async () => {
  const csv = ['id,indicator,occurred_at,lon,lat', ...fixtures.map(f => `${f.sourceId},${f.indicator},${f.at},${f.lon},${f.lat}`)].join('\n')
  const res = await ctx.post('/api/import/events?source=tilefix', csv)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const ids = await ctx.t.db.query<{ id: number, source_id: string }>(`SELECT id, source_id FROM event WHERE source = 'tilefix'`)
  const byId = new Map(ids.map(r => [r.source_id, r.id]))
  for (const f of fixtures) f.id = byId.get(f.sourceId)
})

async function tile(t: { z: number, x: number, y: number }, params = 'period=2026-01&to=2026-03', headers: Record<string, string> = {}, token?: string) {
  const res = await ctx.app.request(`/api/tiles/events/${t.z}/${t.x}/${t.y}.mvt?${params}`, { headers: { authorization: `Bearer ${token ?? ctx.adminToken}`, ...headers } })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return { res, bytes, features: res.status === 200 ? decodeLayer(bytes).features : [] }
}

/** Fixture events that fall in a tile or its buffer, with their unrounded tile coordinates. */
function expectedIn(t: { z: number, x: number, y: number }, keep: (f: Fixture) => boolean = () => true) {
  return fixtures.filter(keep).map(f => ({ f, c: tileCoords(f.lon, f.lat, t.z, t.x, t.y) })).filter(({ c }) => Math.round(c.x) >= -BUFFER && Math.round(c.x) < 4096 + BUFFER && Math.round(c.y) >= -BUFFER && Math.round(c.y) < 4096 + BUFFER)
}

/** Expected clusters: counts per CELL × CELL cell, keyed by the cell centre. */
function expectedCells(t: { z: number, x: number, y: number }, keep?: (f: Fixture) => boolean): Map<string, number> {
  const cells = new Map<string, number>()
  for (const { c } of expectedIn(t, keep)) {
    const key = `${Math.floor(Math.round(c.x) / CELL) * CELL + CELL / 2},${Math.floor(Math.round(c.y) / CELL) * CELL + CELL / 2}`
    cells.set(key, (cells.get(key) ?? 0) + 1)
  }
  return cells
}

const cellsOf = (features: DecodedFeature[]) => new Map(features.map(f => [`${f.x},${f.y}`, f.properties.count as number]))
const dense = () => fixtures[300]!

describe('event vector tiles', () => {
  it('at high zoom, one feature per event with its properties and the Web Mercator tile coordinates', async () => {
    const t = tileOf(dense().lon, dense().lat, 15)
    const { res, features } = await tile(t)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(MVT)
    const expected = expectedIn(t)
    expect(expected.length).toBeGreaterThan(20)
    expect(features.map(f => f.id).sort()).toEqual(expected.map(e => e.f.id).sort())
    for (const { f, c } of expected) {
      const got = features.find(g => g.id === f.id)!
      expect(got.properties).toEqual({ id: f.id, indicator: f.indicator, occurred_at: isoOf(f.at), source: 'tilefix', count: 1, cluster: false })
      expect(Math.abs(got.x - c.x)).toBeLessThanOrEqual(0.5 + 1e-6)
      expect(Math.abs(got.y - c.y)).toBeLessThanOrEqual(0.5 + 1e-6)
    }
  })

  it.each([8, 10, 12])('at zoom %i, counts per cell match the events in each cell and add up to the tile', async (z) => {
    const t = tileOf(dense().lon, dense().lat, z)
    const { features } = await tile(t)
    expect(features.every(f => f.properties.cluster === true && f.id === undefined)).toBe(true)
    expect(cellsOf(features)).toEqual(expectedCells(t))
    const inside = features.filter(f => f.x >= 0 && f.x < 4096 && f.y >= 0 && f.y < 4096)
    const inTile = expectedIn(t).filter(({ c }) => Math.round(c.x) >= 0 && Math.round(c.x) < 4096 && Math.round(c.y) >= 0 && Math.round(c.y) < 4096)
    expect(inside.reduce((n, f) => n + (f.properties.count as number), 0)).toBe(inTile.length)
  })

  it('filters by indicator (a class expands to its sub-classes) and by month range', async () => {
    const t = tileOf(dense().lon, dense().lat, 10)
    const a2 = await tile(t, 'indicator=A2&period=2026-01&to=2026-03')
    expect(cellsOf(a2.features)).toEqual(expectedCells(t, f => f.indicator.startsWith('A2-')))
    const feb = await tile(t, 'indicator=C2-05&period=2026-02')
    expect(cellsOf(feb.features)).toEqual(expectedCells(t, f => f.indicator === 'C2-05' && monthOf(f.at) === '2026-02'))
    const z16 = tileOf(dense().lon, dense().lat, RAW_MIN_ZOOM + 2)
    const raw = await tile(z16, 'indicator=A2-03&period=2026-02')
    expect(raw.features.map(f => f.id).sort()).toEqual(expectedIn(z16, f => f.indicator === 'A2-03' && monthOf(f.at) === '2026-02').map(e => e.f.id).sort())
  })

  it('sends a strong ETag, private caching and Vary, and answers 304 to If-None-Match', async () => {
    const t = tileOf(dense().lon, dense().lat, 12)
    const first = await tile(t)
    const etag = first.res.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]{16,}"$/)
    expect(first.res.headers.get('cache-control')).toBe('private, max-age=60')
    expect(first.res.headers.get('vary')).toMatch(/Authorization.*Cookie/)
    const again = await tile(t, undefined, { 'if-none-match': etag })
    expect(again.res.status).toBe(304)
    expect(again.bytes.length).toBe(0)
    const other = await tile(t, 'period=2026-02')
    expect(other.res.headers.get('etag')).not.toBe(etag)
    expect((await tile(t, undefined, { 'if-none-match': '"stale"' })).res.status).toBe(200)
  })

  it('an empty tile is an empty 200 body with the MVT type', async () => {
    const { res, bytes, features } = await tile({ z: 10, x: 0, y: 0 })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(MVT)
    expect(bytes.length).toBe(0)
    expect(features).toEqual([])
  })

  it('a township principal gets no feature of its sibling township', async () => {
    const { token } = await createPrincipal(ctx.t.db, { username: 'tiles-township', role: 'display', scope: regions.township, tokenKind: 'display' })
    const t = tileOf(dense().lon, dense().lat, 8)
    expect(expectedIn(t, f => f.township === regions.sibling).length).toBe(200)
    const own = await tile(t, undefined, {}, token)
    expect(cellsOf(own.features)).toEqual(expectedCells(t, f => f.township === regions.township))
    const sib = fixtures.find(f => f.township === regions.sibling)!
    const rawSibling = await tile(tileOf(sib.lon, sib.lat, 16), undefined, {}, token)
    expect(rawSibling.features.map(f => f.id)).not.toContain(sib.id)
    expect((await tile(tileOf(sib.lon, sib.lat, 16))).features.map(f => f.id)).toContain(sib.id)
  })

  describe('tile_events(), the definer function behind every tile (migration 0008)', () => {
    const everywhere = () => {
      const lons = fixtures.map(f => f.lon)
      const lats = fixtures.map(f => f.lat)
      return [Math.min(...lons) - 0.01, Math.min(...lats) - 0.01, Math.max(...lons) + 0.01, Math.max(...lats) + 0.01]
    }
    const sql = `SELECT id, indicator, source, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at
      FROM tile_events(ST_MakeEnvelope($1, $2, $3, $4, 4326), $5::text[], $6::date, $7::date) WHERE source = 'tilefix'`
    const run = async (scope: string, opts: { leaves?: string[], from?: string, to?: string, unset?: boolean } = {}) =>
      ctx.t.db.scoped(scope, 'read', async (s) => {
        if (opts.unset)
          await s.query(`SELECT set_config('riskmap.scope', '', true)`)
        return s.query<{ id: number, indicator: string, source: string, at: string }>(sql, [...everywhere(), opts.leaves ?? ctx.t.catalog.leaves('all'), opts.from ?? '2026-01-01', opts.to ?? '2026-03-01'])
      })
    const idsOf = (keep: (f: Fixture) => boolean) => fixtures.filter(keep).map(f => f.id).sort()

    it('as riskmap_app scoped to a township, a box over its sibling too returns exactly the township\'s events', async () => {
      const rows = await run(regions.township)
      expect(rows.map(r => r.id).sort()).toEqual(idsOf(f => f.township === regions.township))
      expect(rows.map(r => r.id)).not.toContain(fixtures.find(f => f.township === regions.sibling)!.id)
      const sibling = await run(regions.sibling)
      expect(sibling.map(r => r.id).sort()).toEqual(idsOf(f => f.township === regions.sibling))
      expect((await run(regions.district)).map(r => r.id).sort()).toEqual(idsOf(() => true))
      expect((await run('*')).map(r => r.id).sort()).toEqual(idsOf(() => true))
    })

    it('returns nothing without a scope, and nothing to a sibling district', async () => {
      expect(await run(regions.township, { unset: true })).toEqual([])
      expect(await run(regions.siblingDistrict)).toEqual([])
    })

    it('filters by indicator leaves and month range, and returns the columns the tile needs', async () => {
      const rows = await run(regions.township, { leaves: ['A2-03'], from: '2026-02-01', to: '2026-02-01' })
      expect(rows.map(r => r.id).sort()).toEqual(idsOf(f => f.township === regions.township && f.indicator === 'A2-03' && monthOf(f.at) === '2026-02'))
      const f = fixtures.find(f => f.id === rows[0]!.id)!
      expect(rows[0]).toEqual({ id: f.id, indicator: 'A2-03', source: 'tilefix', at: isoOf(f.at) })
      const cols = await ctx.t.db.query<{ name: string }>(`
        SELECT unnest(proargnames[5:]) AS name FROM pg_proc WHERE proname = 'tile_events'`)
      expect(cols.map(c => c.name)).toEqual(['id', 'indicator', 'occurred_at', 'source', 'geom'])
    })

    it('is the tile SQL\'s only way to the events, so the scope tests above go through it', () => {
      expect(tileFeaturesSql).toContain('tile_events(t.filter, $4::text[], $5::date, $6::date)')
      expect(tileFeaturesSql).not.toMatch(/\b(?:FROM|JOIN)\s+event\b/i)
    })

    it('is a definer function that only riskmap_app (not PUBLIC) may execute', async () => {
      const [fn] = await ctx.t.db.query<{ secdef: boolean, volatile: string, config: string[], public_exec: boolean, app_exec: boolean }>(`
        SELECT p.prosecdef AS secdef, p.provolatile AS volatile, p.proconfig AS config,
          EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE') AS public_exec,
          has_function_privilege('riskmap_app', p.oid, 'EXECUTE') AS app_exec
        FROM pg_proc p WHERE p.proname = 'tile_events'`)
      expect(fn).toEqual({ secdef: true, volatile: 's', config: ['search_path=public, pg_temp'], public_exec: false, app_exec: true })
    })
  })

  it.each([
    ['zoom 23', '/23/0/0.mvt'],
    ['x past 2^z − 1', '/3/8/0.mvt'],
    ['y past 2^z − 1', '/3/0/8.mvt'],
    ['negative x', '/3/-1/0.mvt'],
    ['non-numeric y', '/3/0/abc.mvt'],
    ['no .mvt', '/3/0/0'],
    ['fractional zoom', '/3.5/0/0.mvt'],
    ['bad period', '/3/0/0.mvt?period=2026-13'],
    ['range too long', '/3/0/0.mvt?period=2020-01&to=2026-01'],
    ['to before period', '/3/0/0.mvt?period=2026-03&to=2026-01'],
    ['no period', '/3/0/0.mvt?indicator=all'],
    ['bad indicator', '/3/0/0.mvt?period=2026-01&indicator=%27%3B--'],
  ])('%s → 400', async (_label, path) => {
    const res = await call(ctx.app, 'GET', `/api/tiles/events${path}${path.includes('?') ? '' : '?period=2026-01'}`, { auth: { bearer: ctx.adminToken } })
    expect(res.status, res.text).toBe(400)
    expect(res.body.error.code).toBe('invalid_parameter')
  })

  it('an unknown indicator → 404; no credentials → 401', async () => {
    const res = await call(ctx.app, 'GET', '/api/tiles/events/3/0/0.mvt?period=2026-01&indicator=Z9-99', { auth: { bearer: ctx.adminToken } })
    expect(res.status).toBe(404)
    expect((await call(ctx.app, 'GET', '/api/tiles/events/3/0/0.mvt?period=2026-01')).status).toBe(401)
  })
})

describe.runIf(usingServer)('server PostGIS: ST_AsMVT and the JS encoder hold the same features', () => {
  const request = (t: { z: number, x: number, y: number }, indicator = 'all') => ({ ...t, leaves: ctx.t.catalog.leaves(indicator), months: { from: '2026-01', to: '2026-03' } })

  it.each([8, 10, 12, 13, 15, 16])('zoom %i', async (z) => {
    const req = request(tileOf(dense().lon, dense().lat, z))
    const { postgis, js } = await ctx.t.db.scoped('*', 'read', async s => ({ postgis: await tileMvt(s, req), js: encodeEventTile(await tileFeatures(s, req)) }))
    const a = decodeLayer(postgis).features.map(featureKey).sort()
    const b = decodeLayer(js).features.map(featureKey).sort()
    expect(a.length).toBeGreaterThan(0)
    expect(b).toEqual(a)
  })

  it('the tile coordinates in SQL are ST_AsMVTGeom\'s', async () => {
    const t = tileOf(dense().lon, dense().lat, 14)
    const rows = await ctx.t.db.scoped('*', 'read', s => tileFeatures(s, request(t)))
    const mvtGeom = await ctx.t.db.query<{ id: number, x: number, y: number }>(`
      SELECT id, ST_X(g) AS x, ST_Y(g) AS y FROM (
        SELECT id, ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3), 4096, ${BUFFER}) AS g
        FROM event WHERE id = ANY($4::bigint[])) s`, [t.z, t.x, t.y, rows.map(r => r.id)])
    expect(mvtGeom.length).toBe(rows.length)
    const byId = new Map(mvtGeom.map(r => [r.id, r]))
    for (const r of rows)
      expect([r.x, r.y]).toEqual([byId.get(r.id!)!.x, byId.get(r.id!)!.y])
  })
})
