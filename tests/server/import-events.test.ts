import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import gcoord from 'gcoord'
import { describe, expect, it } from 'vitest'
import { boundaryTimes, randomPoints } from '../helpers/fixture-points.ts'
import { runCli } from '../helpers/run-cli.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()

interface Row { id: string, indicator: string, time: string, month: string, lon: number, lat: number, township: string }

/** Events written independently of the server: points with their turf township and Shanghai month. */
function fixtureRows(district: string, indicator: string, n: number, seed: number): Row[] {
  return randomPoints(district, n, seed)
    .filter(p => p.township)
    .map((p, i) => {
      const t = boundaryTimes[i % boundaryTimes.length]!
      return { id: `${indicator}-${seed}-${i}`, indicator, time: t.text, month: t.month, lon: p.lon, lat: p.lat, township: p.township! }
    })
}

function toCsv(rows: Row[], coord: (r: Row) => [number, number] = r => [r.lon, r.lat]): string {
  return ['id,indicator,occurred_at,lon,lat,note', ...rows.map((r) => {
    const [x, y] = coord(r)
    return `${r.id},${r.indicator},${r.time},${x},${y},"quoted, with comma; and 'quotes' 🚨"`
  })].join('\n')
}

function expectedCounts(rows: Row[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of rows) out[`${r.township}|${r.month}`] = (out[`${r.township}|${r.month}`] ?? 0) + 1
  return out
}

async function countsInDb(indicator: string): Promise<Record<string, number>> {
  const rows = await ctx.t.db.query<{ region: string, month: string, value: number }>(`
    SELECT u.region, to_char(u.month, 'YYYY-MM') AS month, u.value FROM rollup u
    JOIN region r ON r.code = u.region AND r.level = 'township' WHERE u.indicator = $1`, [indicator])
  return Object.fromEntries(rows.map(r => [`${r.region}|${r.month}`, r.value]))
}

async function totalEvents(): Promise<number> {
  return (await ctx.t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM event'))[0]!.n
}

const toGcj = (r: Row) => gcoord.transform([r.lon, r.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number]

describe('events import over HTTP', () => {
  it('counts per township and month equal an independent point-in-polygon count (WGS84)', async () => {
    const rows = fixtureRows('500104', 'A2-03', 600, 1)
    const res = await ctx.post('/api/import/events?crs=wgs84&source=fixture-wgs', toCsv(rows))
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201)
    expect(res.body.inserted).toBe(rows.length)
    expect(await countsInDb('A2-03')).toEqual(expectedCounts(rows))
  })

  it('the same points shifted to GCJ-02 and imported with crs=gcj02 give the same counts', async () => {
    const rows = fixtureRows('220802', 'A2-04', 800, 2)
    const res = await ctx.post('/api/import/events?crs=gcj02&source=fixture-gcj', toCsv(rows, toGcj))
    expect(res.status).toBe(201)
    expect(await countsInDb('A2-04')).toEqual(expectedCounts(rows))
    const stored = await ctx.t.db.query<{ crs: string }>(`SELECT DISTINCT input_crs AS crs FROM event WHERE source = 'fixture-gcj'`)
    expect(stored).toEqual([{ crs: 'gcj02' }])
  })

  it('the choropleth API returns the same township counts for a month', async () => {
    const rows = fixtureRows('500104', 'A2-03', 600, 1).filter(r => r.month === '2026-02')
    const { body } = await ctx.get('/api/choropleth?level=township&parent=500104&indicator=A2-03&period=2026-02')
    const expected = expectedCounts(rows)
    for (const r of body.regions)
      expect(r.value, r.code).toBe(expected[`${r.code}|2026-02`] ?? 0)
  })

  it('rejects a file with one bad row whole, naming the row and reason, and changes nothing', async () => {
    const before = await totalEvents()
    const rollupBefore = await countsInDb('A2-05')
    const rows = fixtureRows('500104', 'A2-05', 50, 3)
    const lines = toCsv(rows).split('\n')
    lines.splice(10, 0, `bad-1,A2-05,2026-02-30 10:00,106.48,29.47,x`)
    const res = await ctx.post('/api/import/events?source=fixture-bad', lines.join('\n'))
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('import_rejected')
    expect(res.body.error.details.errors).toEqual([
      { line: 11, column: 'occurred_at', reason: expect.stringMatching(/day 30 does not exist in 2026-02/) },
    ])
    expect(await totalEvents()).toBe(before)
    expect(await countsInDb('A2-05')).toEqual(rollupBefore)
  })

  it('lists every kind of bad row at once', async () => {
    const before = await totalEvents()
    const good = fixtureRows('500104', 'A2-06', 20, 4)
    const [p, q] = [good[0]!, good[1]!]
    const csv = [
      'id,indicator,occurred_at,lon,lat',
      `g1,A2-06,2026-01-05 10:00,${p.lon},${p.lat}`,
      `g2,ZZ-99,2026-01-05 10:00,${p.lon},${p.lat}`,
      `g3,A2-06,not a time,${p.lon},${p.lat}`,
      `g4,A2-06,2026-01-05 10:00,abc,${p.lat}`,
      `g5,A2-06,2026-01-05 10:00,${q.lat},${q.lon}`,
      `g6,A2-06,2026-01-05 10:00,116.4,39.9`,
      `g1,A2-06,2026-01-05 10:00,${p.lon},${p.lat}`,
      `g8,A2,2026-01-05 10:00,${p.lon},${p.lat}`,
      `'; DROP TABLE event; --,A2-06,2026-01-05 10:00,${p.lon},${p.lat}`,
    ].join('\n')
    const res = await ctx.post('/api/import/events?source=fixture-many', csv)
    expect(res.status).toBe(422)
    const errs = res.body.error.details.errors as Array<{ line: number, column: string, reason: string, hint?: string }>
    const byLine = Object.fromEntries(errs.map(e => [e.line, e]))
    expect(Object.keys(byLine).map(Number)).toEqual([3, 4, 5, 6, 7, 8, 9])
    expect(byLine[3]!.reason).toMatch(/unknown sub-class "ZZ-99"/)
    expect(byLine[4]!.reason).toMatch(/unparseable time/)
    expect(byLine[5]!.reason).toMatch(/unparseable number "abc"/)
    expect(byLine[6]!.reason).toMatch(/swapped/)
    expect(byLine[6]!.hint).toMatch(/swap the columns/)
    expect(byLine[7]!.reason).toMatch(/outside every loaded township/)
    expect(byLine[8]!.reason).toMatch(/duplicate id "g1" \(first seen on line 2\)/)
    expect(byLine[9]!.reason).toMatch(/category or class/)
    expect(await totalEvents()).toBe(before)
    // The hostile id was a value like any other: the table is still there.
    expect((await ctx.get('/api/health')).status).toBe(200)
  })

  it('rejects ids already imported from the same source', async () => {
    const rows = fixtureRows('500104', 'A2-07', 30, 5)
    expect((await ctx.post('/api/import/events?source=fixture-dup', toCsv(rows))).status).toBe(201)
    const again = await ctx.post('/api/import/events?source=fixture-dup', toCsv(rows.slice(0, 3)))
    expect(again.status).toBe(422)
    expect(again.body.error.details.errors.map((e: any) => e.reason)).toEqual(rows.slice(0, 3).map(r => `id "${r.id}" was already imported from source "fixture-dup"`))
  })

  it('explains malformed files', async () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['id,indicator,occurred_at,lon\n1,A2-06,2026-01-01,106', /missing column\(s\) lat/],
      ['id,indicator,occurred_at,lon,lat\n', /header but no rows/],
      ['id,indicator,occurred_at,lon,lat\n"1,A2-06,2026-01-01,106.5,29.5', /malformed CSV/],
      ['id,indicator,occurred_at,lon,lat\n1,A2-06,2026-01-01,106.5,29.5,extra', /6 fields but the header has 5/],
      ['id,indicator,occurred_at,lon,lat\n1,A2-06,2026-01-01,106.5,2\u00009.5', /NUL/],
    ]
    for (const [csv, reason] of cases) {
      const res = await ctx.post('/api/import/events', csv)
      expect(res.status, csv).toBe(422)
      expect(res.body.error.details.errors.map((e: any) => e.reason).join(' | '), csv).toMatch(reason)
    }
  })

  it('refuses a non-CSV content type and a bad crs', async () => {
    expect((await ctx.post('/api/import/events', 'x', 'application/json')).status).toBe(415)
    const bad = await ctx.post('/api/import/events?crs=epsg3857', 'x')
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/crs/)
  })

  it('records the import in the audit log', async () => {
    const rows = await ctx.t.db.query<{ action: string, actor: string }>(`SELECT action, actor FROM audit_log WHERE action = 'import.events'`)
    expect(rows.length).toBeGreaterThanOrEqual(3)
    await expect(ctx.t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/)
  })
})

describe('events import through the CLI', () => {
  it('imports GCJ-02 points with --crs gcj02 and gives the independent counts', async () => {
    const rows = fixtureRows('220821', 'A2-08', 400, 6)
    const file = join(tmpdir(), `riskmap-cli-${process.pid}.csv`)
    writeFileSync(file, toCsv(rows, toGcj))
    const out = await ctx.t.whileClosed(() => runCli(['import', 'events', file, '--crs', 'gcj02', '--source', 'cli'], ctx.t.env))
    expect(out.code, out.stderr).toBe(0)
    expect(out.stdout).toMatch(new RegExp(`imported ${rows.length} events`))
    expect(await countsInDb('A2-08')).toEqual(expectedCounts(rows))
  })

  it('exits non-zero listing the bad row, and writes nothing', async () => {
    const before = await totalEvents()
    const rows = fixtureRows('220821', 'A2-09', 40, 7)
    const csv = `${toCsv(rows)}\nlast,A2-09,2026-01-01 10:00,45.6,122.8,x`
    const file = join(tmpdir(), `riskmap-cli-bad-${process.pid}.csv`)
    writeFileSync(file, csv)
    const out = await ctx.t.whileClosed(() => runCli(['import', 'events', file, '--source', 'cli-bad'], ctx.t.env))
    expect(out.code).toBe(1)
    expect(out.stderr).toMatch(new RegExp(`line ${rows.length + 2}, column la[tn]: .*swapped`))
    expect(await totalEvents()).toBe(before)
  })
})
