import type { PlantedValues } from '../helpers/planted-values.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { importPlanted } from '../helpers/planted-values.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

// GET /api/risk-index against an index computed here from the planted counts, written out from
// the method's definition (docs/health-check-methods.md §3) without the server's modules: monthly
// EB rates per 10k for every district, min–max over the reference (every district × every month
// with data in the 12 to the period's end), reversal of D1–D4, stage means, stage weights, 0–100.

const ctx = useTestApp()
const city = '220800'
const CLASSES = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'D3', 'D4']
const stageOf = (leaf: string) => ({ A: 'emerging', B: 'escalation', C: 'intensification', D: 'resolution' })[leaf[0]!]!

// township → sub-class → month → value; one township in each of four districts. Only 2026-02 and
// 2026-03 hold data, so the reference is 6 districts × 2 months.
const planted: PlantedValues = {
  220802001000: { 'A1-01': { '2026-03': 40, '2026-02': 20 }, 'B2-01': { '2026-03': 12 }, 'C2-01': { '2026-03': 2 }, 'D1-01': { '2026-03': 30, '2026-02': 10 } },
  220821100000: { 'A1-01': { '2026-03': 5, '2026-02': 15 }, 'B2-01': { '2026-02': 6 }, 'D1-01': { '2026-03': 2 } },
  220822100000: { 'A2-01': { '2026-03': 9 }, 'C2-01': { '2026-02': 1 } },
  500104001000: { 'A1-01': { '2026-03': 25 }, 'B2-01': { '2026-03': 3, '2026-02': 3 }, 'D1-01': { '2026-02': 8 } },
}
const MONTHS = ['2026-02', '2026-03']

interface Config { stageWeights: Record<string, number>, leafWeights: Record<string, number>, thresholds: number[] }
const DEFAULTS: Config = { stageWeights: { emerging: 1, escalation: 2, intensification: 3, resolution: 1 }, leafWeights: {}, thresholds: [25, 50, 75] }

let districts: Array<{ code: string, population: number }>
const districtOf = new Map<string, string>()

function count(district: string, leaf: string, month: string): number {
  let n = 0
  for (const [township, subs] of Object.entries(planted)) {
    if (districtOf.get(township) !== district)
      continue
    for (const [code, months] of Object.entries(subs)) {
      if (code.startsWith(`${leaf}-`))
        n += months[month] ?? 0
    }
  }
  return n
}

/** Marshall's global EB per person, × 10,000 (no district is below the suppression limit). */
function eb(counts: number[], pops: number[]): number[] {
  const sumO = counts.reduce((a, b) => a + b, 0)
  const sumP = pops.reduce((a, b) => a + b, 0)
  const theta = sumO / sumP
  const s2 = Math.max(0, counts.reduce((a, o, i) => a + pops[i]! * (o / pops[i]! - theta) ** 2, 0) / sumP - theta / (sumP / counts.length))
  return counts.map((o, i) => {
    const w = s2 + theta / pops[i]! > 0 ? s2 / (s2 + theta / pops[i]!) : 0
    return (w * (o / pops[i]!) + (1 - w) * theta) * 10_000
  })
}

function expectedIndex(period: string[], cfg: Config): Map<string, { index: number, grade: string }> {
  const pops = districts.map(d => d.population)
  const score = new Map(districts.map(d => [d.code, {} as Record<string, number>]))
  // A leaf equal everywhere in the reference ranks nothing and is left out.
  const informative = new Set<string>()
  for (const leaf of CLASSES) {
    const ref = MONTHS.flatMap(m => eb(districts.map(d => count(d.code, leaf, m)), pops))
    const min = Math.min(...ref)
    const max = Math.max(...ref)
    if (max === min)
      continue
    informative.add(leaf)
    const values = eb(districts.map(d => period.reduce((s, m) => s + count(d.code, leaf, m), 0)), pops).map(v => v / period.length)
    districts.forEach((d, i) => {
      const n = Math.min(1, Math.max(0, (values[i]! - min) / (max - min)))
      score.get(d.code)![leaf] = leaf.startsWith('D') ? 1 - n : n
    })
  }
  const out = new Map<string, { index: number, grade: string }>()
  for (const d of districts) {
    let num = 0
    let den = 0
    for (const stage of ['emerging', 'escalation', 'intensification', 'resolution']) {
      const leaves = CLASSES.filter(l => stageOf(l) === stage && informative.has(l) && (cfg.leafWeights[l] ?? 1) > 0)
      if (!leaves.length)
        continue
      const v = leaves.reduce((a, l) => a + (cfg.leafWeights[l] ?? 1), 0)
      const s = leaves.reduce((a, l) => a + (cfg.leafWeights[l] ?? 1) * score.get(d.code)![l]!, 0) / v
      num += cfg.stageWeights[stage]! * s
      den += cfg.stageWeights[stage]!
    }
    const index = (100 * num) / den
    const [a, b, c] = cfg.thresholds
    out.set(d.code, { index, grade: index >= c! ? 'red' : index >= b! ? 'orange' : index >= a! ? 'yellow' : 'blue' })
  }
  return out
}

beforeAll(async () => {
  await importPlanted(ctx, planted, 'risk-index-fixture')
  districts = await ctx.t.db.query(`SELECT code, population FROM region WHERE level = 'district' ORDER BY code`)
  for (const t of Object.keys(planted))
    districtOf.set(t, (await ctx.t.db.query<{ parent: string }>('SELECT parent FROM region WHERE code = $1', [t]))[0]!.parent)
})

const indexUrl = (extra = '') => `/api/risk-index?level=district&parent=${city}&period=2026-03${extra}`
const put = (body: unknown, token = ctx.adminToken) => ctx.app.request('/api/risk-index/config', { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` } })

function expectIndexes(regions: any[], want: Map<string, { index: number, grade: string }>) {
  expect(regions.length).toBeGreaterThan(0)
  for (const r of regions) {
    expect(r.index, r.code).toBeCloseTo(want.get(r.code)!.index, 9)
    expect(r.grade, r.code).toBe(want.get(r.code)!.grade)
  }
}

describe('gET /api/risk-index', () => {
  it('equals the independent computation for one month, with the method card', async () => {
    const { status, body } = await ctx.get(indexUrl())
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body.regions.map((r: any) => r.code)).toEqual(['220802', '220821', '220822', '220881', '220882'])
    expectIndexes(body.regions, expectedIndex(['2026-03'], DEFAULTS))
    // The indexes are not all alike: the fixture tells the districts apart.
    expect(new Set(body.regions.map((r: any) => r.grade)).size).toBeGreaterThan(1)
    expect(body.config).toEqual({ version: 0, scope: null })
    expect(body.method).toMatchObject({ leafLevel: 'class', thresholds: [25, 50, 75], referenceMonths: MONTHS, periodMonths: ['2026-03'] })
    expect(body.method.normalisation).toMatchObject({ method: 'minmax', referenceSize: 12 })
    expect(body.method.leaves.filter((l: any) => l.reversed).map((l: any) => l.code)).toEqual(['D1', 'D2', 'D3', 'D4'])
    expect(body.method.grades.map((g: any) => g.grade)).toEqual(['blue', 'yellow', 'orange', 'red'])
  })

  it('a range uses the mean monthly rate over its months', async () => {
    const { body } = await ctx.get(indexUrl('&period=2026-02&to=2026-03').replace('period=2026-03&', ''))
    expectIndexes(body.regions, expectedIndex(MONTHS, DEFAULTS))
  })

  it('gives the same index to a township user, whose view holds only its own region', async () => {
    const all = (await ctx.get('/api/risk-index?level=township&parent=220802&period=2026-03')).body.regions
    const { token } = await createPrincipal(ctx.t.db, { username: 'ri-township', role: 'display', scope: '220802001000' })
    const { status, body } = await ctx.get('/api/risk-index?level=township&parent=220802&period=2026-03', token)
    expect(status).toBe(200)
    expect(body.regions.map((r: any) => r.code)).toEqual(['220802001000'])
    expect(body.regions[0].index).toBe(all.find((r: any) => r.code === '220802001000').index)
    expect((await ctx.get(`/api/risk-index?level=township&parent=220821&period=2026-03`, token)).status).toBe(404)
  })

  it('refuses bad parameters', async () => {
    const r = await ctx.get('/api/risk-index?level=city&period=2026-3')
    expect(r.status).toBe(400)
    expect(r.body.error.message).toMatch(/level/)
    expect(r.body.error.message).toMatch(/period/)
    expect((await ctx.get('/api/risk-index?level=township&parent=220800&period=2026-03')).status).toBe(400)
  })
})

describe('gET/PUT /api/risk-index/config', () => {
  it('round trip: defaults, a new weight changes the index exactly as computed, audited', async () => {
    const before = await ctx.get('/api/risk-index/config')
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({ version: 0, scope: null, config: before.body.defaults })
    expect(before.body.leaves.class).toHaveLength(10)

    const cfg: Config = { stageWeights: { emerging: 2, escalation: 3, intensification: 5, resolution: 0.5 }, leafWeights: { A1: 3, D1: 0 }, thresholds: [20, 40, 60] }
    const res = await put({ ...cfg, version: 0 })
    const saved = await res.json() as any
    expect(res.status, JSON.stringify(saved)).toBe(200)
    expect(saved).toMatchObject({ version: 1, scope: '*', config: { ...cfg, leafLevel: 'class', normalisation: 'minmax' } })
    expect((await ctx.get('/api/risk-index/config')).body).toMatchObject({ version: 1, config: cfg })

    const { body } = await ctx.get(indexUrl())
    expect(body.config).toEqual({ version: 1, scope: '*' })
    expectIndexes(body.regions, expectedIndex(['2026-03'], cfg))

    const audit = await ctx.t.db.query<{ actor: string, after: any }>(`SELECT actor, after FROM audit_log WHERE action = 'risk_index_config.update' ORDER BY id`)
    expect(audit).toHaveLength(1)
    expect(audit[0]!.after).toMatchObject({ version: 1, config: cfg })
  })

  it('409 for a stale version, and nothing written', async () => {
    const current = (await ctx.get('/api/risk-index/config')).body
    const res = await put({ ...DEFAULTS, version: current.version - 1 })
    expect(res.status).toBe(409)
    expect(((await res.json()) as any).error.code).toBe('version_conflict')
    expect((await ctx.get('/api/risk-index/config')).body.version).toBe(current.version)
  })

  it('403 for a non-admin; a district admin writes its own row, inherited until then', async () => {
    const editor = await createPrincipal(ctx.t.db, { username: 'ri-editor', role: 'editor', scope: '*' })
    expect((await put({ version: 1 }, editor.token)).status).toBe(403)
    const admin = await createPrincipal(ctx.t.db, { username: 'ri-district-admin', role: 'admin', scope: '220802' })
    const inherited = (await ctx.get('/api/risk-index/config', admin.token)).body
    expect(inherited).toMatchObject({ scope: '*', version: 1 })
    const res = await put({ version: inherited.version }, admin.token)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ scope: '220802', version: 2, config: { stageWeights: DEFAULTS.stageWeights } })
    expect((await ctx.get('/api/risk-index/config')).body).toMatchObject({ scope: '*', version: 1 })
  })

  it('400 naming the field for a bad configuration, and nothing written', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ version: 1, stageWeights: { emerging: 3, escalation: 2, intensification: 1, resolution: 1 } }, /stageWeights.*rise/],
      [{ version: 1, leafWeights: { Z9: 1 } }, /leafWeights/],
      [{ version: 1, thresholds: [50, 40, 90] }, /thresholds/],
      [{ version: 1, normalisation: 'zscore' }, /normalisation/],
      [{ version: 1, surprise: true }, /surprise/],
      [{ stageWeights: DEFAULTS.stageWeights }, /version/],
    ]
    for (const [body, message] of cases) {
      const res = await put(body)
      const json = await res.json() as any
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(json.error.message).toMatch(message)
    }
    expect((await ctx.get('/api/risk-index/config')).body.version).toBe(1)
  })
})
