import { seedDemoWall } from '@riskmap/server/seed/demo-wall.ts'
import { describe, expect, it } from 'vitest'
import { errorReplyProblems } from '../helpers/error-shape.ts'
import { adminCaller, call } from '../helpers/http-client.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const api = adminCaller(ctx, '/api/wall/playlists')

function draft(over: Record<string, unknown> = {}) {
  return {
    name: '指挥中心 "大屏"; $1 🚨',
    region: regions.district,
    kpis: [
      { kind: 'count', indicator: 'A2', label: { zh: '本月110警情' } },
      { kind: 'resolution_rate', indicator: 'D1' },
      { kind: 'days_since', indicator: 'C2' },
    ],
    scenes: [
      { kind: 'map', layer: 'choropleth', indicator: 'all', region: null, level: 'township', period: { months: 1 }, camera: null },
      { kind: 'map', title: { zh: '街道热力' }, layer: 'heatmap', indicator: 'A2-03', region: regions.township, level: 'township', period: { months: 3 }, camera: { center: [122.84, 45.62], zoom: 11, bearing: 10, pitch: 30 }, durationS: 12 },
      { kind: 'tour', layer: 'choropleth', indicator: 'A', region: null, level: 'township', period: { months: 1 }, camera: null },
    ],
    ...over,
  }
}

async function counts() {
  const [row] = await ctx.t.db.query<{ p: number, a: number }>(`
    SELECT (SELECT count(*) FROM wall_playlist)::int AS p, (SELECT count(*) FROM audit_log WHERE entity = 'wall_playlist')::int AS a`)
  return row!
}

describe('the demo playlists', () => {
  it('pass the API\'s checks, one for 白城 and one for 大渡口, flagged synthetic, only on an empty table', async () => {
    expect(await seedDemoWall(ctx.t.db, ctx.t.catalog)).toBe(2)
    expect(await seedDemoWall(ctx.t.db, ctx.t.catalog)).toBe(0)
    const list = (await api('GET', '')).body.playlists
    expect(list.map((p: any) => [p.region, p.synthetic])).toEqual([['220800', true], ['500104', true]])
    for (const p of list)
      expect(p.name).toContain('演示')
  })
})

describe('a wall playlist from creation to deletion', () => {
  it('is created with the default interval, read, listed, edited with a version and deleted, each write audited', async () => {
    const before = await counts()
    const created = await api('POST', '', draft())
    expect(created.status, created.text).toBe(201)
    const p = created.body.playlist
    expect(p).toMatchObject({ name: '指挥中心 "大屏"; $1 🚨', intervalS: 30, region: regions.district, version: 1 })
    expect(p.kpis).toEqual(draft().kpis)
    expect(p.scenes).toEqual(draft().scenes)
    expect(typeof p.updatedAt).toBe('string')
    expect(await counts()).toEqual({ p: before.p + 1, a: before.a + 1 })

    expect((await api('GET', `/${p.id}`)).body.playlist).toEqual(p)
    expect((await api('GET', '')).body.playlists.map((x: any) => x.id)).toContain(p.id)

    const edited = await api('PATCH', `/${p.id}`, { version: 1, intervalS: 3600, name: '夜班' })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.body.playlist).toMatchObject({ intervalS: 3600, name: '夜班', version: 2 })
    const stale = await api('PATCH', `/${p.id}`, { version: 1, intervalS: 60 })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('version_conflict')

    const audit = await ctx.t.db.query<{ action: string, actor: string }>(`SELECT action, actor FROM audit_log WHERE entity = 'wall_playlist' AND entity_id = $1 ORDER BY id`, [String(p.id)])
    expect(audit.map(a => a.action)).toEqual(['wall_playlist.create', 'wall_playlist.update'])

    expect((await api('DELETE', `/${p.id}?version=1`)).status).toBe(409)
    const deleted = await api('DELETE', `/${p.id}?version=2`)
    expect(deleted.status, deleted.text).toBe(200)
    expect((await api('GET', `/${p.id}`)).status).toBe(404)
    expect(await counts()).toEqual({ p: before.p, a: before.a + 3 })
  })
})

describe('validation', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['an unknown layer', { scenes: [{ ...draft().scenes[0], layer: 'satellite' }] }, /scenes\.0\.layer/],
    ['an unknown scene indicator', { scenes: [{ ...draft().scenes[0], indicator: 'Z9-99' }] }, /scenes\.0\.indicator: unknown indicator "Z9-99"/],
    ['an unknown KPI indicator', { kpis: [{ kind: 'count', indicator: 'Q1' }] }, /kpis\.0\.indicator: unknown indicator "Q1"/],
    ['a resolution rate of a non-resolution class', { kpis: [{ kind: 'resolution_rate', indicator: 'A2' }] }, /kpis\.0\.indicator: a resolution rate is defined for D1, D2, D3/],
    ['an unknown KPI kind', { kpis: [{ kind: 'average', indicator: 'A2' }] }, /kpis\.0\.kind/],
    ['an unknown root region', { region: '220899' }, /region: unknown region "220899"/],
    ['a malformed region code', { region: '22080; DROP' }, /region: expected a 6-digit/],
    ['an unknown scene region', { scenes: [{ ...draft().scenes[0], region: '220802999000' }] }, /scenes\.0\.region: unknown region "220802999000"/],
    ['a scene region outside the playlist region', { scenes: [{ ...draft().scenes[0], region: regions.siblingDistrict }] }, /scenes\.0\.region: region 220821 does not lie under/],
    ['an interval below 5 s', { intervalS: 4 }, /intervalS: at least 5 seconds/],
    ['an interval above an hour', { intervalS: 3601 }, /intervalS: at most 3600 seconds/],
    ['a fractional interval', { intervalS: 7.5 }, /intervalS/],
    ['no KPI', { kpis: [] }, /kpis: at least 1 KPI tile/],
    ['nine KPIs', { kpis: Array.from({ length: 9 }, () => ({ kind: 'count', indicator: 'A' })) }, /kpis: at most 8 KPI tiles/],
    ['no scene', { scenes: [] }, /scenes: at least 1 scene/],
    ['21 scenes', { scenes: Array.from({ length: 21 }, () => draft().scenes[0]) }, /scenes: at most 20 scenes/],
    ['a period of 6 months', { scenes: [{ ...draft().scenes[0], period: { months: 6 } }] }, /scenes\.0\.period\.months/],
    ['a camera off the globe', { scenes: [{ ...draft().scenes[0], camera: { center: [190, 45], zoom: 9 } }] }, /scenes\.0\.camera\.center/],
    ['a very long name', { name: '名'.repeat(201) }, /name: at most 200 characters/],
    ['an extra field', { colour: 'red' }, /colour|unrecognized/i],
  ]
  for (const [what, over, message] of cases) {
    it(`refuses ${what} with a 400 naming the field, writing nothing`, async () => {
      const before = await counts()
      const r = await api('POST', '', draft(over))
      expect(r.status, r.text).toBe(400)
      expect(errorReplyProblems(r, [])).toEqual([])
      expect(r.body.error.message).toMatch(message)
      expect(await counts()).toEqual(before)
    })
  }

  it('checks a PATCH the same way, against the stored fields it keeps', async () => {
    const p = (await api('POST', '', draft())).body.playlist
    const narrowed = await api('PATCH', `/${p.id}`, { version: 1, region: regions.township })
    // The stored scenes include the township itself, which lies under the township: accepted.
    expect(narrowed.status, narrowed.text).toBe(200)
    const moved = await api('PATCH', `/${p.id}`, { version: 2, region: regions.sibling })
    expect(moved.status).toBe(400)
    expect(moved.body.error.message).toMatch(/scenes\.1\.region: region 220802009000 does not lie under the playlist's region 220802103000/)
    expect((await api('PATCH', `/${p.id}`, { version: 2 })).status).toBe(400)
    expect((await api('GET', `/${p.id}`)).body.playlist.version).toBe(2)
  })
})

describe('access', () => {
  it('lets only admins write, and shows each principal the playlists in its scope', async () => {
    const mine = (await api('POST', '', draft({ region: regions.township, scenes: [draft().scenes[0]] }))).body.playlist
    const other = (await api('POST', '', draft({ region: regions.sibling, scenes: [draft().scenes[0]] }))).body.playlist
    const editor = (await createPrincipal(ctx.t.db, { username: 'wall-editor', role: 'editor', scope: '*' })).token
    const display = (await createPrincipal(ctx.t.db, { username: 'wall-display', role: 'display', scope: regions.township, tokenKind: 'display' })).token
    const townAdmin = (await createPrincipal(ctx.t.db, { username: 'wall-town-admin', role: 'admin', scope: regions.township })).token
    const as = (token: string, method: string, path: string, body?: unknown) =>
      call(ctx.app, method, `/api/wall/playlists${path}`, { auth: { bearer: token }, ...(body ? { body: JSON.stringify(body) } : {}) })

    expect((await as(editor, 'POST', '', draft())).status).toBe(403)
    expect((await as(display, 'POST', '', draft())).status).toBe(403)
    expect((await as(editor, 'PATCH', `/${mine.id}`, { version: 1, name: 'x' })).status).toBe(403)
    expect((await as(editor, 'DELETE', `/${mine.id}`)).status).toBe(403)

    const seen = (await as(display, 'GET', '')).body.playlists.map((x: any) => x.id)
    expect(seen).toContain(mine.id)
    expect(seen).not.toContain(other.id)
    expect((await as(display, 'GET', `/${other.id}`)).status).toBe(404)
    expect((await as(display, 'GET', `/${mine.id}`)).status).toBe(200)

    // A township admin can neither see nor touch the sibling's playlist, nor create one there.
    expect((await as(townAdmin, 'PATCH', `/${other.id}`, { version: 1, name: 'x' })).status).toBe(404)
    expect((await as(townAdmin, 'DELETE', `/${other.id}`)).status).toBe(404)
    const outside = await as(townAdmin, 'POST', '', draft({ region: regions.sibling, scenes: [draft().scenes[0]] }))
    expect(outside.status).toBe(400)
    expect(outside.body.error.message).toMatch(/region: unknown region/)
    expect((await as(townAdmin, 'POST', '', draft({ region: regions.township, scenes: [draft().scenes[0]] }))).status).toBe(201)
  })
})
