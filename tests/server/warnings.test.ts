import type { WarningAnnouncement } from '@riskmap/server/live/bus.ts'
import type { Reply } from '../helpers/http-client.ts'
import { liveBus } from '@riskmap/server/live/bus.ts'
import { warningMessageFor } from '@riskmap/server/live/stream-messages.ts'
import { warningsForReport } from '@riskmap/server/queries/warnings-report.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { errorReplyProblems } from '../helpers/error-shape.ts'
import { call } from '../helpers/http-client.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { runCli } from '../helpers/run-cli.ts'
import { eventsCsv, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
const tokens: Record<string, string> = {}
const T = regions.township
const S = regions.sibling
const MONTH = '2025-06'
const PREV = '2025-05'

// The test's own Poisson z (METHODS.md): 2(√C − √P).
const z = (c: number, p: number) => 2 * (Math.sqrt(c) - Math.sqrt(p))

beforeAll(async () => {
  for (const [name, role, scope] of [
    ['w-editor', 'editor', '*'],
    ['w-analyst', 'analyst', '*'],
    ['w-town-editor', 'editor', T],
    ['w-sibling-editor', 'editor', S],
    ['w-district-admin', 'admin', regions.district],
  ] as const)
    tokens[name] = (await createPrincipal(ctx.t.db, { username: name, role, scope })).token
})

function as(who: string | null) {
  return (method: string, path: string, body?: unknown): Promise<Reply> =>
    call(ctx.app, method, `/api${path}`, {
      auth: { bearer: who ? tokens[who]! : ctx.adminToken },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
}
const admin = as(null)

async function plant(rows: Array<[region: string, indicator: string, month: string, value: number]>) {
  const csv = ['region,indicator,month,value', ...rows.map(r => r.join(','))].join('\n')
  const res = await call(ctx.app, 'POST', '/api/import/values?source=warnings-test', { auth: { bearer: ctx.adminToken }, body: csv, contentType: 'text/csv' })
  expect(res.status, res.text).toBe(201)
}

async function warnings(query = '', who: string | null = null) {
  const res = await as(who)('GET', `/warnings?limit=1000${query}`)
  expect(res.status, res.text).toBe(200)
  return res.body.warnings as any[]
}

async function counts() {
  const rows = await ctx.t.db.query<{ w: number, r: number, a: number }>(`
    SELECT (SELECT count(*) FROM warning)::int AS w, (SELECT count(*) FROM warning_rule)::int AS r,
      (SELECT count(*) FROM audit_log WHERE entity IN ('warning', 'warning_rule'))::int AS a`)
  return rows[0]!
}

const heard: WarningAnnouncement[] = []

describe('warnings on planted fixture counts', () => {
  beforeAll(async () => {
    liveBus.onWarning(w => heard.push(w))
    // T: B2-01 2 → 14 (z = 4.66, C + P = 16): fires for B2-01 and its class B2.
    // S: B2-01 0 → 4 (z = 4.00 but C + P = 4 < 6): small-count noise, must not fire.
    await plant([[T, 'B2-01', PREV, 2], [T, 'B2-01', MONTH, 14], [S, 'B2-01', PREV, 0], [S, 'B2-01', MONTH, 4], [S, 'B2-02', PREV, 3], [S, 'B2-02', MONTH, 2]])
    // One homicide (C2-01) in T breaks the zero target; the events import evaluates too.
    const res = await call(ctx.app, 'POST', '/api/import/events?source=warnings-test', { auth: { bearer: ctx.adminToken }, body: eventsCsv(T, 1, { idPrefix: 'w', indicator: 'C2-01', at: '2025-06-15 12:00:00' }), contentType: 'text/csv' })
    expect(res.status, res.text).toBe(201)
  })

  it('ships the default rules, marked synthetic', async () => {
    const res = await admin('GET', '/warning-rules')
    expect(res.status).toBe(200)
    expect(res.body.rules.map((r: any) => [r.kind, r.indicator, r.synthetic])).toEqual([
      ['mom_significant', '*class', true],
      ['mom_significant', '*subclass', true],
      ['escalation_ratio', null, true],
      ['zero_target', 'C2-01', true],
    ])
  })

  it('the imports raised exactly the warnings an independent computation expects, with their evidence', async () => {
    expect(z(14, 2)).toBeGreaterThanOrEqual(3)
    expect(z(4, 0)).toBeGreaterThanOrEqual(3) // significant by |z| alone …
    expect(4 + 0).toBeLessThan(6) // … but a small count
    const list = await warnings()
    expect(list.map(w => `${w.rule}|${w.region}|${w.indicator}|${w.period}`).sort()).toEqual([
      `mom_significant|${T}|B2-01|${MONTH}`,
      `mom_significant|${T}|B2|${MONTH}`,
      `zero_target|${T}|C2-01|${MONTH}`,
    ].sort())
    const sub = list.find(w => w.indicator === 'B2-01')
    expect(sub.evidence).toMatchObject({ current: 14, previous: 2, change: 12, changePct: 600, baselineMonth: PREV, minZ: 3, minTotal: 6 })
    expect(sub.evidence.z).toBeCloseTo(z(14, 2), 2)
    expect(sub.severity).toBe('warning')
    expect(sub.status).toBe('open')
    expect(sub.indicatorName.zh).toBe('征地拆迁信访')
    expect(sub.message.zh).toContain('2 → 14')
    const zero = list.find(w => w.rule === 'zero_target')
    expect(zero.evidence).toEqual({ count: 1, target: 0 })
    // Every new warning was announced on the bus once, after its commit.
    expect(heard.map(h => h.id).sort()).toEqual(list.map(w => w.id).sort())
    expect(heard.find(h => h.indicator === 'B2-01')).toMatchObject({ region: T, regionName: sub.regionName, period: MONTH, severity: 'warning', indicatorName: { zh: '征地拆迁信访' } })
  })

  it('the report query returns them for the district and the month range', async () => {
    const rows = await ctx.t.db.scoped('*', 'read', db => warningsForReport(db, { region: regions.district, from: PREV, to: MONTH }))
    expect(rows).toHaveLength(3)
    expect(rows[0]).toMatchObject({ period: MONTH, region: T })
    expect(await ctx.t.db.scoped('*', 'read', db => warningsForReport(db, { region: regions.siblingDistrict, from: PREV, to: MONTH }))).toEqual([])
  })

  it('a re-evaluation is idempotent: nothing new, nothing duplicated', async () => {
    const before = await counts()
    const res = await admin('POST', `/warnings/evaluate?period=${MONTH}`)
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ fired: 3, inserted: 0, updated: 0 })
    expect((await counts()).w).toBe(before.w)
  })

  it('scope: a township sees its own warnings only; the SSE filter follows the scope', async () => {
    expect(await warnings('', 'w-sibling-editor')).toEqual([])
    expect((await warnings('', 'w-town-editor')).length).toBe(3)
    expect((await warnings(`&region=${S}`)).length).toBe(0)
    expect((await warnings('&severity=notice')).length).toBe(0)
    const a = heard[0]!
    expect(warningMessageFor(a, new Set([S]))).toBeNull()
    expect(warningMessageFor(a, new Set([T]))).toEqual(a)
    expect(warningMessageFor(a, null)).toEqual(a)
  })

  it('acknowledge, then close with a required note; audited; wrong roles and states refused', async () => {
    const w = (await warnings()).find(w => w.indicator === 'B2-01')
    const before = await counts()
    // Analysts are read-only; the sibling township does not see it.
    expect((await as('w-analyst')('POST', `/warnings/${w.id}/ack`, { note: 'x' })).status).toBe(403)
    expect((await as('w-sibling-editor')('POST', `/warnings/${w.id}/ack`, { note: 'x' })).status).toBe(404)
    const noNote = await as('w-town-editor')('POST', `/warnings/${w.id}/close`, { note: '  ' })
    expect(noNote.status).toBe(400)
    expect(errorReplyProblems(noNote, [])).toEqual([])
    expect(await counts()).toEqual(before)

    const ack = await as('w-town-editor')('POST', `/warnings/${w.id}/ack`, { note: '已转交信访局核查' })
    expect(ack.status, ack.text).toBe(200)
    expect(ack.body.warning).toMatchObject({ status: 'acknowledged', ackNote: '已转交信访局核查', ackedBy: expect.stringMatching(/^w-town-editor/) })
    expect((await as('w-town-editor')('POST', `/warnings/${w.id}/ack`, {})).status).toBe(409)
    const close = await as('w-town-editor')('POST', `/warnings/${w.id}/close`, { note: '核查属实，已化解' })
    expect(close.status, close.text).toBe(200)
    expect(close.body.warning).toMatchObject({ status: 'closed', closeNote: '核查属实，已化解', closedBy: expect.stringMatching(/^w-town-editor/) })
    expect((await as('w-town-editor')('POST', `/warnings/${w.id}/close`, { note: 'again' })).status).toBe(409)
    expect((await warnings('&status=closed')).map(x => x.id)).toEqual([w.id])
    const audit = await ctx.t.db.query<{ action: string, actor: string }>(`SELECT action, actor FROM audit_log WHERE entity = 'warning' AND entity_id = $1 ORDER BY id`, [String(w.id)])
    expect(audit.map(a => a.action)).toEqual(['warning.ack', 'warning.close'])
    expect(audit.every(a => a.actor.startsWith('w-town-editor'))).toBe(true)
  })

  it('new data refreshes the evidence of an open warning and leaves a closed one as decided', async () => {
    await plant([[T, 'B2-01', MONTH, 20]])
    const list = await warnings()
    expect(list).toHaveLength(3)
    expect(list.find(w => w.indicator === 'B2').evidence).toMatchObject({ current: 20, previous: 2 })
    expect(list.find(w => w.indicator === 'B2-01').evidence).toMatchObject({ current: 14, previous: 2 })
  })

  it('an evaluation that fails does not fail the import', async () => {
    await ctx.t.db.query(`INSERT INTO warning_rule (kind, name, indicator, params, created_by, updated_by) VALUES ('mom_significant', 'broken', 'B2', '{"minZ": "high"}', 't', 't')`)
    await plant([[T, 'B2-02', MONTH, 1]])
    await ctx.t.db.query(`DELETE FROM warning_rule WHERE name = 'broken'`)
    const values = await ctx.t.db.query(`SELECT value FROM indicator_value WHERE region = $1 AND indicator = 'B2-02'`, [T])
    expect(values).toEqual([{ value: 1 }])
  })
})

describe('warning rules', () => {
  it('admins create, edit and delete rules, audited; a rate rule fires by its threshold', async () => {
    const body = { kind: 'rate_threshold', name: '征地信访 每万人', indicator: 'B2-01', params: { per10k: 0.0001, minCount: 5 }, severity: 'notice' }
    expect((await as('w-editor')('POST', '/warning-rules', body)).status).toBe(403)
    const created = await admin('POST', '/warning-rules', body)
    expect(created.status, created.text).toBe(201)
    expect(created.body.rule).toMatchObject({ kind: 'rate_threshold', params: { per10k: 0.0001, minCount: 5, minPopulation: 1000 }, version: 1, synthetic: false })
    const id = created.body.rule.id

    const res = await admin('POST', `/warnings/evaluate?period=${MONTH}`)
    expect(res.status, res.text).toBe(200)
    const rate = (await warnings()).filter(w => w.rule === 'rate_threshold')
    // T has 20 ≥ 5; S has 4 < minCount: not a warning whatever its rate.
    expect(rate.map(w => w.region)).toEqual([T])
    const [pop] = await ctx.t.db.query<{ population: number }>('SELECT population FROM region WHERE code = $1', [T])
    expect(rate[0].evidence).toMatchObject({ count: 20, population: pop!.population, threshold: 0.0001 })
    expect(rate[0].evidence.per10k).toBeCloseTo(20 * 10_000 / pop!.population, 2)
    expect(rate[0].severity).toBe('notice')

    expect((await admin('PATCH', `/warning-rules/${id}`, { version: 2, params: { per10k: 1 } })).status).toBe(409)
    const edited = await admin('PATCH', `/warning-rules/${id}`, { version: 1, params: { per10k: 1.5 }, enabled: false })
    expect(edited.status, edited.text).toBe(200)
    expect(edited.body.rule).toMatchObject({ version: 2, enabled: false, params: { per10k: 1.5 } })
    expect((await admin('DELETE', `/warning-rules/${id}?version=1`)).status).toBe(409)
    expect((await admin('DELETE', `/warning-rules/${id}?version=2`)).status).toBe(200)
    // The warning stays, without its rule.
    expect((await warnings()).find(w => w.rule === 'rate_threshold').ruleId).toBeNull()
    const audit = await ctx.t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'warning_rule' AND entity_id = $1 ORDER BY id`, [String(id)])
    expect(audit.map(a => a.action)).toEqual(['warning_rule.create', 'warning_rule.update', 'warning_rule.delete'])
  })

  it('the CLI evaluates a month (riskmap warnings evaluate --period), audited as the CLI user', async () => {
    const created = await admin('POST', '/warning-rules', { kind: 'zero_target', name: 'cli zero target', indicator: 'B2-01', severity: 'notice' })
    expect(created.status, created.text).toBe(201)
    const id = created.body.rule.id as number
    expect((await warnings()).filter(w => w.ruleId === id)).toEqual([])

    const bad = await ctx.t.whileClosed(() => runCli(['warnings', 'evaluate', '--period', '2025-13'], ctx.t.env))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--period must be a month/)
    const out = await ctx.t.whileClosed(() => runCli(['warnings', 'evaluate', '--period', MONTH], ctx.t.env))
    expect(out.code, out.stderr).toBe(0)
    expect(out.stdout).toMatch(new RegExp(`evaluated \\d+ rules for ${MONTH}: \\d+ warnings hold, [1-9]\\d* new`))

    // T (20) and S (4) both broke the zero target in MONTH; the CLI's evaluation wrote exactly those.
    const fired = (await warnings()).filter(w => w.ruleId === id)
    expect(fired.map(w => [w.region, w.period, w.evidence.count]).sort()).toEqual([[S, MONTH, 4], [T, MONTH, 20]].sort())
    const [audit] = await ctx.t.db.query<{ actor: string, after: { ids: number[] } }>(`SELECT actor, after FROM audit_log WHERE action = 'warnings.evaluate' ORDER BY id DESC LIMIT 1`)
    expect(audit!.actor).toMatch(/^cli:/)
    expect(audit!.after.ids).toEqual(expect.arrayContaining(fired.map(w => w.id)))
    expect((await admin('DELETE', `/warning-rules/${id}?version=1`)).status).toBe(200)
  })

  it.each([
    ['a z below 2', { kind: 'mom_significant', name: 'x', indicator: 'B2', params: { minZ: 1 } }, /params.minZ/],
    ['an unknown parameter', { kind: 'mom_significant', name: 'x', indicator: 'B2', params: { minz: 3 } }, /params/],
    ['no indicator', { kind: 'yoy_significant', name: 'x', params: {} }, /indicator/],
    ['an unknown indicator', { kind: 'zero_target', name: 'x', indicator: 'Z9-99' }, /unknown indicator/],
    ['an indicator for the escalation ratio', { kind: 'escalation_ratio', name: 'x', indicator: 'A' }, /takes no indicator/],
    ['a rate without its threshold', { kind: 'rate_threshold', name: 'x', indicator: 'A' }, /params.per10k/],
    ['an unknown kind', { kind: 'mom', name: 'x', indicator: 'A' }, /kind/],
    ['an empty name', { kind: 'zero_target', name: ' ', indicator: 'A' }, /name/],
  ])('refuses %s with a 400 and writes nothing', async (_, body, message) => {
    const before = await counts()
    const res = await admin('POST', '/warning-rules', body)
    expect(res.status, res.text).toBe(400)
    expect(errorReplyProblems(res, [])).toEqual([])
    expect(res.body.error.message).toMatch(message)
    expect(await counts()).toEqual(before)
  })

  it('a district admin may not create or change a global rule, but may create one for its district', async () => {
    const da = as('w-district-admin')
    expect((await da('POST', '/warning-rules', { kind: 'zero_target', name: 'x', indicator: 'C2-01' })).status).toBe(403)
    const rules = (await da('GET', '/warning-rules')).body.rules
    expect(rules.length).toBeGreaterThanOrEqual(4)
    expect((await da('PATCH', `/warning-rules/${rules[0].id}`, { version: rules[0].version, name: 'mine' })).status).toBe(403)
    expect((await da('POST', '/warning-rules', { kind: 'zero_target', name: 'x', indicator: 'C2-01', region: regions.siblingDistrict })).status).toBe(404)
    const own = await da('POST', '/warning-rules', { kind: 'zero_target', name: '区命案零目标', indicator: 'C2-01', region: regions.district })
    expect(own.status, own.text).toBe(201)
    expect((await da('DELETE', `/warning-rules/${own.body.rule.id}?version=1`)).status).toBe(200)
  })
})

describe('stage escalation', () => {
  const A = [20, 20, 20, 20, 20, 20]
  const rising = [2, 3, 4, 6, 8, 10]
  const flat = [4, 4, 4, 4, 4, 4]
  const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']
  let towns: string[] = []

  beforeAll(async () => {
    const res = await admin('GET', '/regions?level=township&parent=500104')
    towns = res.body.features.map((f: any) => f.properties.code).sort().slice(0, 2)
    await plant(months.flatMap((m, i) => [
      [towns[0]!, 'A1-01', m, A[i]!],
      [towns[0]!, 'B2-03', m, rising[i]!],
      [towns[1]!, 'A1-01', m, A[i]!],
      [towns[1]!, 'B2-03', m, flat[i]!],
    ] as Array<[string, string, string, number]>))
  })

  it('gives the monthly ratio, the Mann-Kendall trend and the turning flag per township', async () => {
    const res = await admin('GET', `/stage-escalation?parent=500104&period=${MONTH}&months=6`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.months).toEqual(months)
    expect(res.body.method.turning).toMatch(/trend is significantly up/)
    const up = res.body.townships.find((t: any) => t.code === towns[0])
    expect(up.months.map((m: any) => m.ratio)).toEqual(rising.map((d, i) => d / A[i]!))
    expect(up.months.map((m: any) => m.emerging)).toEqual(A)
    // Every later month is higher: S = n(n − 1)/2 = 15, z = (S − 1)/√(n(n − 1)(2n + 5)/18).
    expect(up.trend).toMatchObject({ s: 15, direction: 'up' })
    expect(up.trend.z).toBeCloseTo(14 / Math.sqrt((6 * 5 * 17) / 18), 6)
    // Recent ratio 24/60 = 0.4 above the pooled (24 + 12) / 120 = 0.3.
    expect(up.recentRatio).toBeCloseTo(0.4, 10)
    expect(up.recentPooled).toBeCloseTo(0.3, 10)
    expect(up.turning).toBe(true)
    const level = res.body.townships.find((t: any) => t.code === towns[1])
    expect(level.trend.direction).toBe('none')
    expect(level.turning).toBe(false)
    expect(res.body.townships.filter((t: any) => t.turning).map((t: any) => t.code)).toEqual([towns[0]])
  })

  it('an escalation-ratio rule fires for the turning township only', async () => {
    const created = await admin('POST', '/warning-rules', { kind: 'escalation_ratio', name: '升级比', region: '500104', params: { ratio: 0.35, months: 6 } })
    expect(created.status, created.text).toBe(201)
    const res = await admin('POST', `/warnings/evaluate?period=${MONTH}`)
    expect(res.status).toBe(200)
    const esc = (await warnings()).filter(w => w.rule === 'escalation_ratio')
    expect(esc.map(w => w.region)).toEqual([towns[0]])
    expect(esc[0]).toMatchObject({ indicator: 'stage_escalation', indicatorName: { zh: '阶段升级比' } })
    expect(esc[0].evidence).toMatchObject({ recentRatio: 0.4, emerging: 60, downstream: 24, trend: 'up', threshold: 0.35 })
  })

  it('refuses unknown and out-of-scope parents and bad months', async () => {
    expect((await admin('GET', '/stage-escalation?parent=999999&period=2025-06')).status).toBe(404)
    expect((await as('w-town-editor')('GET', `/stage-escalation?parent=500104&period=2025-06`)).status).toBe(404)
    const bad = await admin('GET', '/stage-escalation?parent=500104&period=2025-13')
    expect(bad.status).toBe(400)
    expect(errorReplyProblems(bad, [])).toEqual([])
    expect((await admin('GET', '/stage-escalation?parent=500104&period=2025-06&months=3')).status).toBe(400)
  })
})
