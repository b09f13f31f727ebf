import type { Queryable } from './db/database.ts'
import type { ImportResult } from './import/import-context.ts'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from './config.ts'
import { inputCrsList } from './import/coords.ts'
import { importEventsCsv } from './import/events-import.ts'
import { sourcePattern } from './import/import-context.ts'
import { ImportRejected } from './import/row-error.ts'
import { importValuesCsv } from './import/values-import.ts'
import { insertRoadEdges } from './queries/road-network.ts'
import { roadEdgesFromGeoJson, RoadImportError } from './response/road-import.ts'
import { importUnitsCsv } from './response/units-import.ts'
import { prepare } from './startup.ts'
import { evaluateWarnings } from './warnings/service.ts'

const usage = `usage:
  riskmap import events FILE.csv [--crs wgs84|cgcs2000|gcj02|bd09] [--source NAME]
  riskmap import values FILE.csv [--source NAME]
  riskmap import units FILE.csv [--crs wgs84|cgcs2000|gcj02|bd09]   (response units: name,type,lon,lat[,staff,duty,contact])
  riskmap import roads FILE.geojson [--replace]   (road network for pgRouting reach: LineStrings with highway, name, oneway, maxspeed; docs/road-network.md)
  riskmap warnings evaluate --period YYYY-MM   (every enabled early-warning rule for that month, e.g. from cron at the start of a month; docs/early-warnings.md)`

function die(message: string, code = 2): never {
  console.error(message)
  process.exit(code)
}

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: { crs: { type: 'string', default: 'wgs84' }, source: { type: 'string', default: 'csv' }, replace: { type: 'boolean' }, period: { type: 'string' }, help: { type: 'boolean' } },
})
const [command, kind, file] = positionals
if (opts.help)
  die(usage)
if (command === 'warnings' && kind === 'evaluate')
  await evaluateCommand(opts.period)
if (command !== 'import' || (kind !== 'events' && kind !== 'values' && kind !== 'units' && kind !== 'roads') || !file)
  die(usage)

/** `riskmap warnings evaluate --period YYYY-MM`: the per-period evaluation, with the owner's rights. */
async function evaluateCommand(period: string | undefined): Promise<never> {
  if (!period || !/^\d{4}-(?:0[1-9]|1[0-2])$/.test(period))
    die('--period must be a month, YYYY-MM')
  const deps = await prepare({ ...loadConfig(), demo: false })
  try {
    const who = { actor: `cli:${process.env.USER ?? 'unknown'}`, scope: '*', requestId: null }
    const r = await deps.db.transaction(client => evaluateWarnings(client, deps.catalog, [period], who))
    console.log(`evaluated ${r.rules} rules for ${period}: ${r.fired} warnings hold, ${r.inserted} new, ${r.updated} refreshed`)
  }
  finally {
    await deps.db.close()
  }
  process.exit(0)
}
if (!(inputCrsList as readonly string[]).includes(opts.crs!))
  die(`--crs must be one of ${inputCrsList.join(', ')}`)
if (!sourcePattern.test(opts.source!))
  die('--source must be 1–64 letters, digits, _ . or -')

let bytes: Uint8Array
try {
  bytes = readFileSync(file)
}
catch (err) {
  die(`cannot read ${file}: ${(err as Error).message}`)
}

const config = { ...loadConfig(), demo: false }
const deps = await prepare(config)
const user = process.env.USER ?? 'unknown'
let lastLog = 0
const ctx = {
  actor: `cli:${user}`,
  // The CLI has the database itself in hand; it imports with the owner's rights, for every region.
  scope: '*',
  requestId: null,
  source: opts.source!,
  filename: basename(file),
  onProgress(phase: string, done: number, total?: number) {
    const now = Date.now()
    if (now - lastLog < 500 && done !== total)
      return
    lastLog = now
    process.stderr.write(`\r${phase.padEnd(6)} ${done.toLocaleString('en')}${total ? ` / ${total.toLocaleString('en')}` : ''} rows   `)
  },
}

let exitCode = 0
try {
  const started = Date.now()
  if (kind === 'roads') {
    const edges = roadEdgesFromGeoJson(new TextDecoder().decode(bytes), config.reachSpeeds.walkKmh)
    const n = await deps.db.transaction(async (client) => {
      const q: Queryable = { query: async (sql, params) => (await client.query(sql, params)).rows }
      const [loaded] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM road_edge')
      if (loaded!.n > 0 && !opts.replace)
        throw new RoadImportError(`road_edge already holds ${loaded!.n} edges; pass --replace to load this network instead`)
      await q.query('DELETE FROM road_edge')
      return insertRoadEdges(q, edges)
    })
    console.log(`imported ${n} road edges (${new Set(edges.flatMap(e => [e.source, e.target])).size} nodes)`)
  }
  else if (kind === 'units') {
    const units = await importUnitsCsv(deps.db.transaction, bytes, opts.crs as (typeof inputCrsList)[number], ctx)
    console.log(`imported ${units.inserted} response units from ${units.rowsRead} rows (ids ${units.ids[0]}–${units.ids.at(-1)})`)
  }
  else {
    const result: ImportResult = kind === 'events'
      ? await importEventsCsv(deps.db.transaction, deps.catalog, bytes, opts.crs as (typeof inputCrsList)[number], ctx)
      : await importValuesCsv(deps.db.transaction, deps.catalog, bytes, ctx)
    process.stderr.write('\n')
    console.log(`imported ${result.inserted} ${kind}${result.updated ? `, updated ${result.updated}` : ''} from ${result.rowsRead} rows in ${((Date.now() - started) / 1000).toFixed(1)} s (months ${result.months.join(', ')})`)
  }
}
catch (err) {
  process.stderr.write('\n')
  if (err instanceof RoadImportError) {
    console.error(`rejected: ${err.message}; nothing was imported`)
    exitCode = 1
  }
  else if (!(err instanceof ImportRejected)) {
    throw err
  }
  else {
    console.error(`rejected: ${err.errors.length} bad row(s) out of ${err.rowsRead}; nothing was imported`)
    for (const e of err.errors)
      console.error(`  line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${e.reason}${e.hint ? ` (hint: ${e.hint})` : ''}`)
    exitCode = 1
  }
}
finally {
  await deps.db.close()
}
process.exit(exitCode)
