import type { InputParameter } from '../fixtures/bad-input.ts'
import type { Auth, Reply } from '../helpers/http-client.ts'
import { createApp } from '@riskmap/server/app.ts'
import { beforeAll, describe, expect, it } from 'vitest'
import { badCsvCorpus, geojsonCorpus, geojsonEndpoints, hostileJsonValues, hostileValues, inputParameters } from '../fixtures/bad-input.ts'
import { databaseChecksum } from '../helpers/db-checksum.ts'
import { errorReplyProblems } from '../helpers/error-shape.ts'
import { call, login } from '../helpers/http-client.ts'
import { createPrincipal, TEST_PASSWORD } from '../helpers/principals.ts'
import { eventsCsv, regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
let session: Auth
let secrets: string[]
let checksumBefore: string

beforeAll(async () => {
  await createPrincipal(ctx.t.db, { username: 'corpus-admin', role: 'admin', scope: '*' })
  // Log in before the corpus: its failed logins will throttle this IP.
  session = (await login(ctx.app, 'corpus-admin', TEST_PASSWORD)).auth
  secrets = [...Object.values(ctx.t.env), process.env.DATABASE_URL ?? ''].filter(Boolean)
  checksumBefore = await databaseChecksum(ctx.t.db)
})

function send(p: InputParameter, value: unknown): Promise<Reply> {
  const auth = p.session ? session : { bearer: ctx.adminToken }
  let path = p.path
  let body: string | undefined = p.json ? JSON.stringify(p.json) : p.csv
  if (p.in === 'query') {
    const url = new URL(path, 'http://riskmap.test')
    url.searchParams.set(p.name, String(value))
    path = url.pathname + url.search
  }
  else if (p.in === 'path') {
    path = path.replace(`{${p.name}}`, encodeURIComponent(String(value)))
  }
  else {
    body = JSON.stringify({ ...p.json, [p.name]: value })
  }
  const app = p.freshApp ? createApp(ctx.t, { publicRead: false, ratePerSecond: 10_000, rateBurst: 100_000, sessionHours: 1 }) : ctx.app
  return call(app, p.method, path, { auth, body, contentType: p.csv === undefined ? 'application/json' : 'text/csv' })
}

function problemsOf(p: InputParameter, res: Reply): string[] {
  // A free-text filter may answer 200, but a hostile value must not match anything.
  if (p.freeText && res.status === 200)
    return res.body?.entries?.length === 0 ? [] : [`200 with ${res.body?.entries?.length} entries`]
  return errorReplyProblems(res, secrets)
}

describe('hostile values in every parameter → a clean 4xx', () => {
  const label = (p: InputParameter) => `${p.method} ${p.path.split('?')[0]} ${p.in} ${p.name}`
  it.each(inputParameters.map(p => [label(p), p] as [string, InputParameter]))('%s', async (_label, p) => {
    const values: Array<[string, unknown]> = p.in === 'json' ? [...hostileValues, ...hostileJsonValues] : hostileValues
    const problems: string[] = []
    for (const [name, value] of values) {
      const res = await send(p, value)
      problems.push(...problemsOf(p, res).map(x => `${name}: ${x}`))
    }
    expect(problems).toEqual([])
  })
})

describe('malformed CSV → a clean 4xx from both importers', () => {
  const importers = [
    ['events', '/api/import/events?source=corpus', ['id', 'indicator', 'occurred_at', 'lon', 'lat']],
    ['values', '/api/import/values?source=corpus', ['region', 'indicator', 'month', 'value']],
  ] as const
  const cases = badCsvCorpus.flatMap(c => importers.map(([kind, path, header]) => [`${kind}: ${c.name}`, c, path, header] as const))
  it.each(cases)('%s', async (_label, c, path, header) => {
    const res = await call(ctx.app, 'POST', path, { auth: { bearer: ctx.adminToken }, body: c.body([...header]), contentType: c.contentType ?? 'text/csv' })
    expect(errorReplyProblems(res, secrets)).toEqual([])
    expect([415, 422]).toContain(res.status)
  })
})

describe('oversize and hostile JSON bodies', () => {
  it.each(['/api/auth/login', '/api/admin/users', '/api/auth/tokens'])('a JSON body over 1 MB to %s → 413', async (path) => {
    const body = JSON.stringify({ username: 'admin', password: 'p'.repeat(1024 * 1024 + 10) })
    const res = await call(ctx.app, 'POST', path, { auth: session, body })
    expect(res.status).toBe(413)
    expect(errorReplyProblems(res, secrets)).toEqual([])
  })

  it.each(['{', '{"username":', '[]', 'null', '"text"', '\u0000'])('malformed JSON %j to login and admin users → 400', async (body) => {
    for (const path of ['/api/auth/login', '/api/admin/users']) {
      const res = await call(ctx.app, 'POST', path, { auth: session, body })
      expect(res.status, path).toBe(400)
      expect(errorReplyProblems(res, secrets)).toEqual([])
    }
  })

  const cases = geojsonCorpus.flatMap(([name, value]) => geojsonEndpoints.map(e => [`${name} → ${e.path}`, value, e] as const))
  it.each(cases)('geoJSON %s is refused', async (_label, value, e) => {
    const v = value()
    const res = await call(ctx.app, e.method, e.path, { auth: e.session ? session : { bearer: ctx.adminToken }, body: typeof v === 'string' ? v : JSON.stringify(v) })
    expect(errorReplyProblems(res, secrets)).toEqual([])
  })
})

describe('after the whole corpus', () => {
  it('the database checksum is unchanged', async () => {
    expect(await databaseChecksum(ctx.t.db)).toBe(checksumBefore)
  })
})

describe('hostile but valid CSV content is stored as plain text', () => {
  const formula = '=cmd|\' /C calc\'!A0'
  it('a formula-injection cell is kept verbatim as an attribute', async () => {
    const [header, ...rows] = eventsCsv(regions.township, 2, { idPrefix: 'f' }).split('\n')
    const csv = [`${header},note`, ...rows.map(r => `${r},"${formula}"`)].join('\n')
    const res = await call(ctx.app, 'POST', '/api/import/events?source=formula', { auth: { bearer: ctx.adminToken }, body: csv, contentType: 'text/csv' })
    expect(res.status, res.text).toBe(201)
    const stored = await ctx.t.db.query<{ note: string }>(`SELECT attrs->>'note' AS note FROM event WHERE source = 'formula'`)
    expect(stored.map(s => s.note)).toEqual([formula, formula])
  })

  it('cRLF and LF files import the same rows, with no stray carriage returns', async () => {
    const lf = eventsCsv(regions.township, 3, { idPrefix: 'nl' })
    for (const [source, body] of [['lf', lf], ['crlf', lf.replaceAll('\n', '\r\n')]]) {
      const res = await call(ctx.app, 'POST', `/api/import/events?source=${source}`, { auth: { bearer: ctx.adminToken }, body, contentType: 'text/csv' })
      expect(res.status, res.text).toBe(201)
      expect(res.body.inserted).toBe(3)
    }
    const ids = await ctx.t.db.query<{ source: string, ids: string }>(`SELECT source, string_agg(source_id, ',' ORDER BY source_id) AS ids FROM event WHERE source IN ('lf', 'crlf') GROUP BY source ORDER BY source`)
    expect(ids.map(r => r.ids)).toEqual(['nl-0,nl-1,nl-2', 'nl-0,nl-1,nl-2'])
  })
})
