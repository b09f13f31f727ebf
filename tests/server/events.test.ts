import gcoord from 'gcoord'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPrincipal } from '../helpers/principals.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const hostile = 'O\'Brien "quoted"; $1 洮北 🚨'
let ownId: number
let siblingId: number
let townshipToken: string

// Points given in GCJ-02: the event keeps them as input and stores their WGS84 conversion.
const [own] = pointsIn(regions.township, 1).map(p => gcoord.transform([p.lon, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number])
const [sib] = pointsIn(regions.sibling, 1).map(p => gcoord.transform([p.lon, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number])

beforeAll(async () => {
  const csv = [
    'id,indicator,occurred_at,lon,lat,channel,note',
    `ev-own,C2-05,2026-02-01T00:30:00+08:00,${own![0]},${own![1]},110,"${hostile.replaceAll('"', '""')}"`,
    `ev-sib,A2-01,2026-02-03 12:00:00,${sib![0]},${sib![1]},12345,plain`,
  ].join('\n')
  const res = await ctx.post('/api/import/events?crs=gcj02&source=details', csv)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const ids = await ctx.t.db.query<{ id: number, source_id: string }>(`SELECT id, source_id FROM event WHERE source = 'details'`)
  ownId = ids.find(r => r.source_id === 'ev-own')!.id
  siblingId = ids.find(r => r.source_id === 'ev-sib')!.id
  townshipToken = (await createPrincipal(ctx.t.db, { username: 'events-township', role: 'analyst', scope: regions.township })).token
})

describe('gET /api/events/:id', () => {
  it('returns the event with its indicator, WGS84 position, input coordinates, township and attributes', async () => {
    const { status, body } = await ctx.get(`/api/events/${ownId}`)
    expect(status).toBe(200)
    const [lon, lat] = gcoord.transform(own!, gcoord.GCJ02, gcoord.WGS84) as [number, number]
    expect(body).toMatchObject({
      id: ownId,
      source: 'details',
      sourceId: 'ev-own',
      indicator: { code: 'C2-05', name: { zh: '电信网络诈骗', en: 'Telecom and online fraud' } },
      occurredAt: '2026-01-31T16:30:00Z',
      input: { crs: 'gcj02', lon: own![0], lat: own![1] },
      township: { code: regions.township, name: expect.any(String) },
      attrs: { channel: '110', note: hostile },
    })
    expect(body.lon).toBeCloseTo(lon, 6)
    expect(body.lat).toBeCloseTo(lat, 6)
    expect(Math.abs(body.lon - own![0]) + Math.abs(body.lat - own![1])).toBeGreaterThan(1e-4)
  })

  it('a township principal reads its own events; a sibling township\'s event is 404, as an unknown one', async () => {
    expect((await ctx.get(`/api/events/${ownId}`, townshipToken)).status).toBe(200)
    const hidden = await ctx.get(`/api/events/${siblingId}`, townshipToken)
    expect(hidden.status).toBe(404)
    expect(hidden.body.error.code).toBe('unknown_event')
    const unknown = await ctx.get('/api/events/999999999', townshipToken)
    expect(unknown).toEqual({ status: 404, body: { error: { code: 'unknown_event', message: 'unknown event 999999999' } } })
    expect((await ctx.get(`/api/events/${siblingId}`)).status).toBe(200)
  })

  it.each(['abc', '0', '-1', '1.5', '1e3', '9999999999999999', '%27%3B--'])('id %s → 400', async (id) => {
    const { status, body } = await ctx.get(`/api/events/${id}`)
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_parameter')
  })
})
