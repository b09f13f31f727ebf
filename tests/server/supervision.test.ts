import type { Reply } from '../helpers/http-client.ts'
import { listingsForReport } from '@riskmap/server/queries/supervision-report.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { errorReplyProblems } from '../helpers/error-shape.ts'
import { call } from '../helpers/http-client.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const tokens: Record<string, string> = {}

// The test's own month arithmetic and clock reading (Asia/Shanghai is UTC+8 all year).
function shift(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + n, 1))
  return d.toISOString().slice(0, 7)
}
const shanghaiNow = new Date(Date.now() + 8 * 3600_000).toISOString()
const today = shanghaiNow.slice(0, 10)
/** The last complete month: the data below is planted up to it, so it is also the latest data month. */
const last = shift(shanghaiNow.slice(0, 7), -1)
const window3 = [shift(last, -2), shift(last, -1), last]

beforeAll(async () => {
  for (const [name, role, scope] of [
    ['sv-editor', 'editor', '*'],
    ['sv-analyst', 'analyst', '*'],
    ['sv-display', 'display', '*'],
    ['sv-town-editor', 'editor', regions.township],
    ['sv-district-editor', 'editor', regions.district],
  ] as const)
    tokens[name] = (await createPrincipal(ctx.t.db, { username: name, role, scope })).token
})

function as(who: string | null) {
  return (method: string, path: string, body?: unknown): Promise<Reply> =>
    call(ctx.app, method, `/api/supervision${path}`, {
      auth: { bearer: who ? tokens[who]! : ctx.adminToken },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
}
const admin = as(null)
const editor = as('sv-editor')

/** Delivered monthly values through the real importer (the rollup is rebuilt for those months). */
async function plant(region: string, indicator: string, values: Record<string, number>) {
  const csv = ['region,indicator,month,value', ...Object.entries(values).map(([m, v]) => `${region},${indicator},${m},${v}`)].join('\n')
  const res = await call(ctx.app, 'POST', '/api/import/values?source=supervision-test', { auth: { bearer: ctx.adminToken }, body: csv, contentType: 'text/csv' })
  expect(res.status, res.text).toBe(201)
}

function draft(over: Record<string, unknown> = {}) {
  return {
    region: regions.township,
    reason: '连续三个月诉求量居全区前列; "quoted" $1',
    unit: '洮北区信访局',
    plan: '每周排查矛盾纠纷，建立台账',
    deadline: '2099-06-30',
    indicator: 'B2-01',
    thresholdKind: 'count',
    threshold: 5,
    monthsRequired: 3,
    ...over,
  }
}

async function snapshot() {
  const [row] = await ctx.t.db.query<{ s: string }>(`
    SELECT concat_ws('|',
      (SELECT count(*) || ':' || md5(coalesce(string_agg(id || '/' || version || '/' || status || '/' || deadline || '/' || threshold, ',' ORDER BY id), '')) FROM supervision_listing),
      (SELECT count(*) FROM supervision_note),
      (SELECT count(*) FROM audit_log WHERE entity = 'supervision_listing')) AS s`)
  return row!.s
}

async function auditOf(id: number) {
  return ctx.t.db.query<{ action: string, actor: string, before: any, after: any }>(
    `SELECT action, actor, before, after FROM audit_log WHERE entity = 'supervision_listing' AND entity_id = $1 ORDER BY id`,
    [String(id)],
  )
}

describe('a supervision listing from listing to 销号 on evidence', () => {
  it('lists, takes notes, refuses a close while a month is over the threshold (409 with the numbers), then closes once every month is under', async () => {
    // Over the threshold in the middle month.
    await plant(regions.township, 'B2-01', { [window3[0]!]: 3, [window3[1]!]: 9, [window3[2]!]: 4 })

    const created = await editor('POST', '', draft())
    expect(created.status, created.text).toBe(201)
    const l = created.body.listing
    expect(l).toMatchObject({ region: regions.township, regionLevel: 'township', status: 'listed', version: 1, listedOn: today, overdue: false, summons: false, closure: null, indicator: 'B2-01', threshold: 5, monthsRequired: 3 })
    const id: number = l.id

    expect((await editor('POST', '', draft({ reason: 'again' }))).body.error.code).toBe('already_listed')

    const note = await editor('POST', `/${id}/notes`, { text: '第一周：走访12户，化解纠纷3起' })
    expect(note.status, note.text).toBe(201)
    expect(note.body.note).toMatchObject({ text: '第一周：走访12户，化解纠纷3起', author: expect.stringContaining('sv-editor') })

    const edited = await editor('PATCH', `/${id}`, { version: 1, plan: '每周排查，每月通报', deadline: '2099-12-31' })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.body.listing).toMatchObject({ version: 2, plan: '每周排查，每月通报', deadline: '2099-12-31', noteCount: 1, latestNote: '第一周：走访12户，化解纠纷3起' })
    const stale = await editor('PATCH', `/${id}`, { version: 1, plan: 'lost update' })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } })

    const before = await snapshot()
    const refused = await editor('POST', `/${id}/close`, { kind: 'indicators' })
    expect(refused.status, refused.text).toBe(409)
    expect(errorReplyProblems(refused, [])).toEqual([])
    expect(refused.body.error.code).toBe('evidence_insufficient')
    const ev = refused.body.error.details.evidence
    expect(ev).toMatchObject({ from: window3[0], to: last, threshold: 5, thresholdKind: 'count', monthsRequired: 3, met: false })
    expect(ev.months.map((m: any) => [m.month, m.value, m.under])).toEqual([[window3[0], 3, true], [window3[1], 9, false], [window3[2], 4, true]])
    expect(refused.body.error.message).toContain(`${window3[1]}: 9`)
    expect(await snapshot()).toBe(before)

    // The department re-delivers the middle month, now under the threshold (5 counts: at or under).
    await plant(regions.township, 'B2-01', { [window3[1]!]: 5 })
    const closed = await editor('POST', `/${id}/close`, { kind: 'indicators', version: 2 })
    expect(closed.status, closed.text).toBe(200)
    const c = closed.body.listing
    expect(c).toMatchObject({ status: 'closed', version: 3, overdue: false, summons: false, closure: { kind: 'indicators', by: expect.stringContaining('sv-editor') } })
    expect(c.closure.evidence.months.map((m: any) => [m.month, m.value, m.under])).toEqual([[window3[0], 3, true], [window3[1], 5, true], [window3[2], 4, true]])
    for (const [m, v] of [[window3[0], 3], [window3[1], 5], [window3[2], 4]])
      expect(c.closure.detail).toContain(`${m}: ${v}`)

    // Closed is final.
    expect((await editor('POST', `/${id}/notes`, { text: 'late' })).body.error.code).toBe('closed')
    expect((await editor('PATCH', `/${id}`, { version: 3, plan: 'x' })).body.error.code).toBe('closed')
    expect((await admin('POST', `/${id}/close`, { kind: 'admin_reason', reason: 'twice' })).status).toBe(409)

    const got = await editor('GET', `/${id}`)
    expect(got.body.notes.map((n: any) => n.text)).toEqual(['第一周：走访12户，化解纠纷3起'])

    const audit = await auditOf(id)
    expect(audit.map(a => a.action)).toEqual(['supervision.create', 'supervision.note', 'supervision.update', 'supervision.close'])
    expect(audit.every(a => a.actor.includes('sv-editor'))).toBe(true)
    expect(audit[0]!.before).toBeNull()
    expect(audit[2]!.before.plan).toBe('每周排查矛盾纠纷，建立台账')
    expect(audit[3]!.before.status).toBe('listed')
    expect(audit[3]!.after.closure.evidence.months).toHaveLength(3)
  })

  it('checks a per-10k threshold against the region population, and a class indicator over its sub-classes', async () => {
    const [town] = await ctx.t.db.query<{ population: number }>('SELECT population FROM region WHERE code = $1', [regions.sibling])
    const pop = town!.population
    expect(pop).toBeGreaterThan(0)
    // Two sub-classes of B2 in the sibling township; per 10k = (sum / population) × 10 000.
    await plant(regions.sibling, 'B2-01', { [window3[1]!]: 2, [window3[2]!]: 1 })
    await plant(regions.sibling, 'B2-02', { [window3[2]!]: 3 })
    const expectedPer10k = (v: number) => Math.round((v / pop) * 1e4 * 1e4) / 1e4
    const threshold = expectedPer10k(3) // month 2 (2) is under, the last month (1 + 3 = 4) is over
    const id = (await admin('POST', '', draft({ region: regions.sibling, indicator: 'B2', thresholdKind: 'per10k', threshold, monthsRequired: 2 }))).body.listing.id
    const refused = await admin('POST', `/${id}/close`, { kind: 'indicators' })
    expect(refused.status).toBe(409)
    const months = refused.body.error.details.evidence.months
    expect(months.map((m: any) => [m.month, m.value, m.per10k, m.under])).toEqual([[window3[1], 2, expectedPer10k(2), true], [window3[2], 4, expectedPer10k(4), false]])
    const raised = await admin('PATCH', `/${id}`, { version: 1, threshold: expectedPer10k(4) })
    expect(raised.status).toBe(200)
    const closed = await admin('POST', `/${id}/close`, { kind: 'indicators' })
    expect(closed.status, closed.text).toBe(200)
    expect(closed.body.listing.closure.evidence).toMatchObject({ population: pop, met: true })
  })
})

describe('closing by an admin\'s written reason', () => {
  it('is for admins only; an editor is refused and nothing is written; an empty reason is a 400', async () => {
    const id = (await editor('POST', '', draft({ region: regions.district, indicator: 'A' }))).body.listing.id
    const before = await snapshot()
    const refused = await editor('POST', `/${id}/close`, { kind: 'admin_reason', reason: '已整改到位' })
    expect(refused.status).toBe(403)
    expect(errorReplyProblems(refused, [])).toEqual([])
    for (const reason of ['', '   '])
      expect((await admin('POST', `/${id}/close`, { kind: 'admin_reason', reason })).status).toBe(400)
    expect((await admin('POST', `/${id}/close`, { kind: 'admin_reason' })).status).toBe(400)
    expect((await admin('POST', `/${id}/close`, { kind: 'admin_reason', reason: 'ok', version: 9 })).body.error.code).toBe('version_conflict')
    expect(await snapshot()).toBe(before)

    const closed = await admin('POST', `/${id}/close`, { kind: 'admin_reason', reason: '区政府专题会议决定销号（2026年第5次）' })
    expect(closed.status, closed.text).toBe(200)
    expect(closed.body.listing).toMatchObject({ status: 'closed', closure: { kind: 'admin_reason', detail: '区政府专题会议决定销号（2026年第5次）', evidence: null, by: expect.stringContaining('test-admin') } })
    expect((await auditOf(id)).map(a => a.action)).toEqual(['supervision.create', 'supervision.close'])
  })

  it('analyst and display may read but not write', async () => {
    const before = await snapshot()
    for (const who of ['sv-analyst', 'sv-display']) {
      expect((await as(who)('GET', '')).status).toBe(200)
      expect((await as(who)('POST', '', draft({ region: regions.siblingDistrict }))).status).toBe(403)
      expect((await as(who)('POST', '/1/notes', { text: 'x' })).status).toBe(403)
      expect((await as(who)('POST', '/1/close', { kind: 'indicators' })).status).toBe(403)
    }
    expect(await snapshot()).toBe(before)
  })
})

describe('overdue → summons (约谈)', () => {
  it('flags an open listing past its deadline in the list, the detail, the map and the report; never once closed', async () => {
    const late = (await admin('POST', '', draft({ region: regions.siblingDistrict, indicator: 'A2', listedOn: '2025-01-10', deadline: '2025-03-31' }))).body.listing
    expect(late).toMatchObject({ overdue: true, summons: true })
    const due = (await admin('POST', '', draft({ region: regions.siblingDistrict, indicator: 'B1', listedOn: '2025-01-10', deadline: today }))).body.listing
    expect(due).toMatchObject({ overdue: false, summons: false })

    const overdue = await admin('GET', '?overdue=true')
    expect(overdue.body.listings.map((l: any) => l.id)).toContain(late.id)
    expect(overdue.body.listings.every((l: any) => l.overdue && l.summons && l.status === 'listed')).toBe(true)
    const notOverdue = await admin('GET', '?overdue=false')
    expect(notOverdue.body.listings.map((l: any) => l.id)).toContain(due.id)
    expect(notOverdue.body.listings.map((l: any) => l.id)).not.toContain(late.id)

    const geo = await admin('GET', '/geojson?status=listed')
    expect(geo.status).toBe(200)
    const f = geo.body.features.find((x: any) => x.id === late.id)
    expect(f.properties).toMatchObject({ region: regions.siblingDistrict, level: 'district', status: 'listed', overdue: true, summons: true })
    expect(f.geometry.type).toBe('MultiPolygon')

    await admin('POST', `/${late.id}/notes`, { text: '约谈区长，限期两周' })
    const report = await listingsForReport(ctx.t.db, { region: regions.city, from: '2025-01-01', to: today })
    const r = report.find(x => x.id === late.id)!
    expect(r).toMatchObject({ region: regions.siblingDistrict, status: 'listed', listedAt: '2025-01-10', deadline: '2025-03-31', overdue: true, summons: true, closure: null, closedAt: null, latestNote: '约谈区长，限期两周' })
    expect(r.regionName.length).toBeGreaterThan(0)
    // Listed after the window: not in it. Another district's region: not in the township's report.
    expect((await listingsForReport(ctx.t.db, { region: regions.city, from: '2024-01-01', to: '2024-12-31' })).find(x => x.id === late.id)).toBeUndefined()
    expect((await listingsForReport(ctx.t.db, { region: regions.district, from: '2025-01-01', to: today })).find(x => x.id === late.id)).toBeUndefined()

    const closed = await admin('POST', `/${late.id}/close`, { kind: 'admin_reason', reason: '约谈后整改完毕' })
    expect(closed.body.listing).toMatchObject({ status: 'closed', overdue: false, summons: false })
    const after = (await listingsForReport(ctx.t.db, { region: regions.city, from: today, to: today })).find(x => x.id === late.id)!
    expect(after).toMatchObject({ status: 'closed', closedAt: today, overdue: false, summons: false, closure: { kind: 'admin_reason', detail: '约谈后整改完毕' } })
    expect((await admin('GET', '/geojson?status=listed')).body.features.map((x: any) => x.id)).not.toContain(late.id)
  })
})

describe('region scope (row-level security)', () => {
  it('a township editor sees and writes only its own township; a district editor sees both', async () => {
    const town = as('sv-town-editor')
    const mine = await town('POST', '', draft({ indicator: 'C1', threshold: 1 }))
    expect(mine.status, mine.text).toBe(201)
    const theirs = (await admin('POST', '', draft({ region: regions.sibling, indicator: 'C1', threshold: 1 }))).body.listing.id
    await admin('POST', `/${theirs}/notes`, { text: 'sibling note' })

    const before = await snapshot()
    const outside = await town('POST', '', draft({ region: regions.sibling, indicator: 'C2' }))
    expect(outside.status).toBe(403)
    expect(outside.body.error.code).toBe('outside_scope')
    expect((await town('POST', '', draft({ region: regions.district, indicator: 'C2' }))).status).toBe(403)
    expect((await town('GET', `/${theirs}`)).status).toBe(404)
    expect((await town('POST', `/${theirs}/notes`, { text: 'x' })).status).toBe(404)
    expect((await town('POST', `/${theirs}/close`, { kind: 'indicators' })).status).toBe(404)
    expect((await town('PATCH', `/${theirs}`, { version: 1, plan: 'x' })).status).toBe(404)
    expect(await snapshot()).toBe(before)

    const seen = (await town('GET', '')).body.listings
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((l: any) => l.region === regions.township)).toBe(true)
    expect((await town('GET', '/geojson')).body.features.every((f: any) => f.properties.region === regions.township)).toBe(true)
    const both = (await as('sv-district-editor')('GET', '')).body.listings.map((l: any) => l.id)
    expect(both).toEqual(expect.arrayContaining([mine.body.listing.id, theirs]))
    expect((await as('sv-district-editor')('GET', `?region=${regions.sibling}`)).body.listings.every((l: any) => l.region === regions.sibling)).toBe(true)

    // The database itself hides the sibling's listing and its notes from the township scope.
    const rows = await ctx.t.db.scoped(regions.township, 'read', async q => ({
      listings: await q.query<{ region: string }>('SELECT region FROM supervision_listing'),
      notes: await q.query<{ text: string }>('SELECT text FROM supervision_note'),
    }))
    expect(rows.listings.every(r => r.region === regions.township)).toBe(true)
    expect(rows.notes.map(n => n.text)).not.toContain('sibling note')
    await expect(ctx.t.db.scoped(regions.township, 'write', q => q.query(`INSERT INTO supervision_note (listing_id, text, author) VALUES ($1, 'x', 'y')`, [theirs]))).rejects.toThrow(/row-level security/)
  })
})

describe('bad input: a clear 4xx and nothing written', () => {
  const cases: Array<[string, () => unknown, number, RegExp]> = [
    ['unknown region (county code)', () => draft({ region: '999999' }), 400, /unknown region code 999999/],
    ['unknown region (township code)', () => draft({ region: '220802999999' }), 400, /unknown region code/],
    ['malformed region', () => draft({ region: '2208' }), 400, /region/],
    ['a city', () => draft({ region: regions.city }), 400, /district or a township, not a city/],
    ['deadline with slashes', () => draft({ deadline: '2099/06/30' }), 400, /deadline: expected a date as YYYY-MM-DD/],
    ['deadline not a real date', () => draft({ deadline: '2099-02-30' }), 400, /deadline: not a real date/],
    ['missing deadline', () => ({ ...draft(), deadline: undefined }), 400, /deadline/],
    ['deadline before listedOn', () => draft({ listedOn: '2026-03-01', deadline: '2026-02-28' }), 400, /deadline: must not be before listedOn/],
    ['threshold < 0', () => draft({ threshold: -1 }), 400, /threshold: must be 0 or more/],
    ['threshold as text', () => draft({ threshold: '5' }), 400, /threshold/],
    ['monthsRequired 0', () => draft({ monthsRequired: 0 }), 400, /monthsRequired: at least 1/],
    ['monthsRequired fractional', () => draft({ monthsRequired: 1.5 }), 400, /monthsRequired/],
    ['unknown threshold kind', () => draft({ thresholdKind: 'percent' }), 400, /thresholdKind/],
    ['unknown indicator', () => draft({ indicator: 'Z9-99' }), 400, /unknown code "Z9-99"/],
    ['empty reason', () => draft({ reason: '   ' }), 400, /reason: must not be empty/],
    ['empty unit', () => draft({ unit: '' }), 400, /unit: must not be empty/],
    ['a status on create', () => draft({ status: 'closed' }), 400, /status/],
    ['not JSON', () => '{"region":', 400, /./],
  ]
  it.each(cases)('%s', async (_label, body, status, message) => {
    const before = await snapshot()
    const res = await admin('POST', '', body())
    expect(res.status, res.text).toBe(status)
    expect(res.body.error.message).toMatch(message)
    expect(errorReplyProblems(res, [])).toEqual([])
    expect(await snapshot()).toBe(before)
  })

  it('notes, edits and closes refuse bad bodies and unknown ids', async () => {
    const id = (await admin('POST', '', draft({ indicator: 'D1' }))).body.listing.id
    const before = await snapshot()
    for (const [method, path, body, status] of [
      ['POST', `/${id}/notes`, { text: '  ' }, 400],
      ['POST', `/${id}/notes`, {}, 400],
      ['POST', `/${id}/close`, { kind: 'vote' }, 400],
      ['POST', `/${id}/close`, {}, 400],
      ['PATCH', `/${id}`, { version: 1 }, 400],
      ['PATCH', `/${id}`, { version: 1, region: regions.sibling }, 400],
      ['PATCH', `/${id}`, { version: 1, deadline: '2000-01-01' }, 400],
      ['PATCH', `/${id}`, { version: 1, threshold: -0.5 }, 400],
      ['PATCH', `/${id}`, { version: 1, indicator: 'Q' }, 400],
      ['POST', '/999999/notes', { text: 'x' }, 404],
      ['POST', '/999999/close', { kind: 'indicators' }, 404],
      ['GET', '/999999', undefined, 404],
      ['GET', '/abc', undefined, 400],
      ['GET', '?status=open', undefined, 400],
      ['GET', '?overdue=yes', undefined, 400],
      ['GET', '?region=abc', undefined, 400],
    ] as const) {
      const res = await admin(method, path, body)
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}: ${res.text}`).toBe(status)
      expect(errorReplyProblems(res, [])).toEqual([])
    }
    expect(await snapshot()).toBe(before)
  })
})
