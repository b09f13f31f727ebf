import type { LonLat } from '../helpers/listed-fixture.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCaller } from '../helpers/http-client.ts'
import { haversine, offset, roomyPointIn, square } from '../helpers/listed-fixture.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

/**
 * Shoreline coverage on a square pond whose answer is known: side s = 400 m, reach r = 250 m
 * (3 minutes at 5 km/h). A guard post at the middle of the south side covers that side and
 * sqrt(r² − (s/2)²) = 150 m up each neighbouring side: 700 m of 1600. Moved 100 m south of the
 * side, it covers the side (its corners are 224 m away) and 150 − 100 = 50 m up each: 500 m.
 */
const ctx = useTestApp()
const api = adminCaller(ctx, '/api/water')
const R = 250
let c: LonLat
let pond: ReturnType<typeof square>
let sides: { south: number, east: number, total: number }

beforeAll(async () => {
  c = await roomyPointIn(ctx.t.db, regions.township, 600)
  pond = square(c, 200)
  const [sw, se, ne, nw] = pond.coordinates[0]!.map(([lon, lat]) => ({ lon: lon!, lat: lat! }))
  const south = haversine(sw!, se!)
  const east = haversine(se!, ne!)
  sides = { south, east, total: 2 * south + east + haversine(nw!, sw!) }
  const res = await api('POST', '/zones', { name: '方塘', kind: 'pond', danger: 3, geometry: pond })
  expect(res.status, res.text).toBe(201)
})

/** The covered length for a post `d` metres south of the south side's middle, from the sides' own lengths. */
function analytic(d: number): number {
  const onSouth = Math.min(sides.south, 2 * Math.sqrt(R * R - d * d))
  const up = Math.sqrt(Math.max(0, R * R - (sides.south / 2) ** 2)) - d
  return onSouth + 2 * Math.max(0, Math.min(sides.east, up))
}

async function coverage(query = '') {
  const res = await api('GET', `/shoreline-coverage${query}`)
  expect(res.status, res.text).toBe(200)
  return res.body
}

async function asset(type: string, at: LonLat) {
  const res = await api('POST', '/assets', { name: `${type} @ ${at.lon.toFixed(5)}`, type, geometry: { type: 'Point', coordinates: [at.lon, at.lat] } })
  expect(res.status, res.text).toBe(201)
  return res.body.feature
}

describe('shoreline coverage', () => {
  it('is nothing before any post, and the whole perimeter is the uncovered stretch', async () => {
    const body = await coverage()
    const zone = body.zones[0]
    expect(zone.shoreM).toBeCloseTo(sides.total, -1)
    expect(zone.coveredM).toBe(0)
    expect(body.share).toBe(0)
    expect(zone.uncovered.type).toBe('MultiLineString')
    expect(body.method.radiusM).toBe(R)
  })

  it('a warning sign covers nothing; a guard post at the side\'s middle covers the analytic length', async () => {
    const south = offset(c, 200, 180)
    await asset('warning_sign', south)
    expect((await coverage()).zones[0].coveredM).toBe(0)

    const post = await asset('guard_post', south)
    const body = await coverage()
    const zone = body.zones[0]
    expect(analytic(0)).toBeGreaterThan(690)
    expect(Math.abs(zone.coveredM - analytic(0))).toBeLessThan(0.01 * analytic(0))
    expect(zone.uncoveredM).toBeCloseTo(zone.shoreM - zone.coveredM, 0)
    expect(body.share).toBeCloseTo(zone.coveredM / zone.shoreM, 3)
    // Both stretches are lines on the boundary, and together they are the whole shoreline.
    expect(zone.covered.coordinates.length).toBeGreaterThan(0)
    expect(zone.uncovered.coordinates.length).toBeGreaterThan(0)

    const moved = offset(c, 300, 180)
    const edited = await api('PATCH', `/assets/${post.id}`, { version: 1, type: 'rescue_equipment', geometry: { type: 'Point', coordinates: [moved.lon, moved.lat] } })
    expect(edited.status, edited.text).toBe(200)
    const after = (await coverage()).zones[0]
    expect(analytic(100)).toBeGreaterThan(490)
    expect(Math.abs(after.coveredM - analytic(100))).toBeLessThan(0.01 * analytic(100))
  })

  it('overlapping reach is counted once, and a second post on the far side raises the share', async () => {
    const before = (await coverage()).share
    await asset('guard_post', offset(c, 300, 180))
    expect((await coverage()).share).toBeCloseTo(before, 4)
    await asset('guard_post', offset(c, 200, 0))
    const after = await coverage()
    expect(after.share).toBeGreaterThan(before)
    expect(Math.abs(after.zones[0].coveredM - analytic(100) - analytic(0))).toBeLessThan(0.01 * (analytic(100) + analytic(0)))
  })

  it('leaves out zones below the danger threshold and regions elsewhere', async () => {
    const low = offset(c, 450, 90)
    const res = await api('POST', '/zones', { name: '浅塘', kind: 'pond', danger: 1, geometry: square(low, 50) })
    expect(res.status, res.text).toBe(201)
    expect((await coverage()).zones.map((z: any) => z.name)).toEqual(['方塘'])
    expect((await coverage('?minDanger=1')).zones.map((z: any) => z.name)).toEqual(['方塘', '浅塘'])
    expect((await coverage(`?region=${regions.sibling}`)).zones).toEqual([])
    expect((await coverage(`?region=${regions.sibling}`)).share).toBeNull()
    expect((await api('GET', '/shoreline-coverage?minDanger=4')).status).toBe(400)
    expect((await api('GET', '/shoreline-coverage?region=999999')).status).toBe(404)
  })
})
