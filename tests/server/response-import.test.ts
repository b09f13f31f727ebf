import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { badCsvCorpus } from '../fixtures/bad-input.ts'
import { errorReplyProblems } from '../helpers/error-shape.ts'
import { call } from '../helpers/http-client.ts'
import { runCli } from '../helpers/run-cli.ts'
import { pointsIn, regions } from '../helpers/scope-fixture.ts'
import { scopedUsers } from '../helpers/scoped-principals.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
let users: Awaited<ReturnType<typeof scopedUsers>>
const [a, b, c] = pointsIn(regions.township, 3) as [{ lon: number, lat: number }, { lon: number, lat: number }, { lon: number, lat: number }]
const [s] = pointsIn(regions.sibling, 1) as [{ lon: number, lat: number }]
const header = 'name,type,lon,lat,staff,duty,contact'

beforeAll(async () => {
  users = await scopedUsers(ctx, ['editor', 'analyst'], ['township'])
})

function upload(csv: string, query = '', auth: any = { bearer: ctx.adminToken }) {
  return call(ctx.app, 'POST', `/api/import/response-units${query}`, { auth, body: csv, contentType: 'text/csv' })
}

async function counts() {
  const [row] = await ctx.t.db.query<{ u: number, a: number }>(`
    SELECT (SELECT count(*) FROM response_unit)::int AS u, (SELECT count(*) FROM audit_log WHERE entity = 'response_unit')::int AS a`)
  return row!
}

describe('response units from CSV', () => {
  it('imports every row with codes or Chinese type names, duty text and contacts, and audits the import', async () => {
    const csv = [
      header,
      `"洮北区 ""一号"" 岗亭; $1",治安岗亭,${a.lon},${a.lat},3,1-5 08:00-18:00; 22:00-06:00,0436-1234567`,
      `物业服务中心,property_management,${b.lon},${b.lat},,,`,
      `夜巡队,巡逻队,${c.lon},${c.lat},6,"5,6 20:00-04:00",`,
    ].join('\n')
    const before = await counts()
    const res = await upload(csv, '?filename=units.csv')
    expect(res.status, res.text).toBe(201)
    expect(res.body).toMatchObject({ kind: 'response-units', rowsRead: 3, inserted: 3, encoding: 'utf-8' })
    const rows = await ctx.t.db.query<any>(`SELECT name, type, staff, duty, contact, region, created_by FROM response_unit WHERE id = ANY($1::bigint[]) ORDER BY id`, [res.body.ids])
    expect(rows).toEqual([
      { name: '洮北区 "一号" 岗亭; $1', type: 'security_post', staff: 3, duty: [{ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' }, { start: '22:00', end: '06:00' }], contact: '0436-1234567', region: regions.township, created_by: expect.stringMatching(/^test-admin/) },
      { name: '物业服务中心', type: 'property_management', staff: 0, duty: [], contact: '', region: regions.township, created_by: expect.any(String) },
      { name: '夜巡队', type: 'patrol_team', staff: 6, duty: [{ days: [5, 6], start: '20:00', end: '04:00' }], contact: '', region: regions.township, created_by: expect.any(String) },
    ])
    expect(await counts()).toEqual({ u: before.u + 3, a: before.a + 1 })
    const [audit] = await ctx.t.db.query<any>(`SELECT after FROM audit_log WHERE action = 'import.response_units' ORDER BY id DESC LIMIT 1`)
    expect(audit.after).toMatchObject({ filename: 'units.csv', inserted: 3, ids: res.body.ids })
  })

  it('refuses the whole file when any row is bad, reporting every bad row with its line and column', async () => {
    const csv = [
      header,
      `good,volunteer,${a.lon},${a.lat},1,,`,
      `bad type,fire_brigade,${a.lon},${a.lat},1,,`,
      `bad staff,volunteer,${a.lon},${a.lat},-2,,`,
      `overlap,volunteer,${a.lon},${a.lat},1,08:00-12:00; 3 11:00-13:00,`,
      `swapped,volunteer,${a.lat},${a.lon},1,,`,
      `beijing,volunteer,116.397,39.909,1,,`,
      `good,volunteer,${a.lon},${a.lat},1,,`,
      `nan,volunteer,NaN,${a.lat},1,,`,
      `bad duty,volunteer,${a.lon},${a.lat},1,mornings,`,
    ].join('\n')
    const before = await counts()
    const res = await upload(csv)
    expect(res.status, res.text).toBe(422)
    expect(res.body.error).toMatchObject({ code: 'import_rejected', message: '8 bad row(s) out of 9; nothing was imported' })
    const errors = res.body.error.details.errors.map((e: any) => [e.line, e.column, e.reason])
    expect(errors).toEqual([
      [3, 'type', expect.stringMatching(/unknown unit type "fire_brigade"; expected one of security_post \(治安岗亭\)/)],
      [4, 'staff', expect.stringMatching(/not a whole number/)],
      [5, 'duty', expect.stringMatching(/duty windows overlap: window 1 \(08:00-12:00\) and window 2 \(3 11:00-13:00\)/)],
      [6, 'lat', expect.stringMatching(/swapped/)],
      [7, 'lon', expect.stringMatching(/outside every loaded township/)],
      [8, 'name', 'duplicate of line 2 (same name and position)'],
      [9, 'lon', expect.stringMatching(/unparseable number "NaN"/)],
      [10, 'duty', expect.stringMatching(/"mornings" is not \[days \]HH:MM-HH:MM/)],
    ])
    expect(await counts()).toEqual(before)
  })

  it('refuses unknown and missing columns, empty files and a non-CSV content type', async () => {
    const unknown = await upload(`name,type,lon,lat,staf\nx,volunteer,${a.lon},${a.lat},1`)
    expect(unknown.status).toBe(422)
    expect(unknown.body.error.details.errors[0]).toMatchObject({ line: 1, column: 'staf', reason: expect.stringMatching(/unknown column\(s\) "staf"; the columns are name, type, lon, lat, staff, duty, contact/) })
    expect((await upload('name,type,lon\nx,volunteer,1')).body.error.details.errors[0]).toMatchObject({ line: 1, column: 'lat', reason: expect.stringMatching(/missing column/) })
    expect((await upload('')).status).toBe(422)
    expect((await upload(header)).body.error.details.errors[0].reason).toMatch(/no rows/)
    expect((await call(ctx.app, 'POST', '/api/import/response-units', { auth: { bearer: ctx.adminToken }, body: 'x', contentType: 'application/json' })).status).toBe(415)
    expect((await upload(header, '?crs=epsg3857')).status).toBe(400)
  })

  it.each(badCsvCorpus.map(x => [x.name, x] as const))('bad CSV: %s → a clean 4xx, nothing written', async (_name, bad) => {
    const before = await counts()
    const body = bad.body(header.split(','))
    const res = await call(ctx.app, 'POST', '/api/import/response-units', { auth: { bearer: ctx.adminToken }, body, contentType: bad.contentType ?? 'text/csv' })
    expect(errorReplyProblems(res, [])).toEqual([])
    expect(await counts()).toEqual(before)
  })

  it('a township editor cannot import a unit into the sibling township; an analyst cannot import at all', async () => {
    const before = await counts()
    const res = await upload(`${header}\nmine,volunteer,${a.lon},${a.lat},1,,\ntheirs,volunteer,${s.lon},${s.lat},1,,`, '', users.get('editor-township')!.session)
    expect(res.status, res.text).toBe(422)
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ line: 3, column: 'lon', reason: expect.stringMatching(`outside every loaded township of your region scope ${regions.township}`) })])
    expect((await upload(`${header}\nmine,volunteer,${a.lon},${a.lat},1,,`, '', users.get('analyst-township')!.session)).status).toBe(403)
    expect(await counts()).toEqual(before)
    const ok = await upload(`${header}\nmine,volunteer,${a.lon},${a.lat},1,,`, '', users.get('editor-township')!.session)
    expect(ok.status, ok.text).toBe(201)
  })
})

describe('response units through the CLI', () => {
  it('imports with `riskmap import units FILE` and exits 1 listing the bad rows', async () => {
    const before = await counts()
    const good = join(tmpdir(), `riskmap-units-${process.pid}.csv`)
    writeFileSync(good, `${header}\ncli post,police_station,${b.lon},${b.lat},12,,110\ncli team,volunteer,${c.lon},${c.lat},2,6-7 09:00-17:00,`)
    const out = await ctx.t.whileClosed(() => runCli(['import', 'units', good], ctx.t.env))
    expect(out.code, out.stderr).toBe(0)
    expect(out.stdout).toMatch(/imported 2 response units from 2 rows/)
    expect((await counts()).u).toBe(before.u + 2)

    const bad = join(tmpdir(), `riskmap-units-bad-${process.pid}.csv`)
    writeFileSync(bad, `${header}\ncli bad,volunteer,${b.lon},${b.lat},x,,`)
    const rejected = await ctx.t.whileClosed(() => runCli(['import', 'units', bad], ctx.t.env))
    expect(rejected.code).toBe(1)
    expect(rejected.stderr).toMatch(/line 2, column staff: staff "x" is not a whole number/)
    expect((await counts()).u).toBe(before.u + 2)
  })
})
