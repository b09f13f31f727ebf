import type { EmbeddedBench } from './embedded-bench.ts'
import type { ServerBench } from './server-bench.ts'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { benchEmbedded } from './embedded-bench.ts'
import { machineLine } from './machine.ts'
import { benchServer } from './server-bench.ts'
import { fmt } from './stats.ts'
import { startThrowawayCluster } from './throwaway-cluster.ts'

/**
 * `pnpm bench`: 1M seeded events imported into server PostGIS, choropleth latency beside the bare
 * rollup SQL, and embedded start-up times, all in one run, written to tests/bench/RESULTS.md.
 */
const log = (m: string) => console.log(`[bench] ${m}`)
const cluster = process.env.DATABASE_URL ? null : startThrowawayCluster()
let server: ServerBench
try {
  server = await benchServer(process.env.DATABASE_URL ?? cluster!.url, log)
}
finally {
  cluster?.stop()
}
// RISKMAP_BENCH_ONLY=server measures only server PostGIS (import, choropleth, tiles).
const embedded = process.env.RISKMAP_BENCH_ONLY === 'server' ? null : await benchEmbedded(log)
const resultsFile = new URL('./RESULTS.md', import.meta.url)
// The wall soak (wall-soak.ts) appends its own section; a new run keeps it.
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : ''
const soak = previous.indexOf('\n## Wall display soak')
const report = render(server, embedded) + (soak >= 0 ? previous.slice(soak) : '')
writeFileSync(resultsFile, report)
console.log(report)

function render(s: ServerBench, e: EmbeddedBench | null): string {
  const row = (name: string, p: ServerBench['choroplethApi']) => `| ${name} | ${fmt(p.p50)} | ${fmt(p.p95)} | ${fmt(p.p99)} | ${p.n} |`
  const ratio = s.choroplethApi.p50 / s.choroplethSql.p50
  const scopedRatio = s.choroplethApi.p50 / s.choroplethScopedSql.p50
  return `# Benchmark results

Written by \`pnpm bench\` (tests/bench/run.ts). All numbers below come from one run.

- **Date:** ${new Date().toISOString()}
- **Machine:** ${machineLine()}
- **Server database:** ${s.postgres}${process.env.DATABASE_URL ? '' : ' (throwaway cluster started by the benchmark)'}

## Import: ${s.events.toLocaleString('en')} events (seeded, synthetic) into server PostGIS

| step | time |
|---|---|
| generate the CSV (${s.csvMB.toFixed(1)} MB, not part of the import) | ${(s.generateMs / 1000).toFixed(1)} s |
| parse and check rows in JS | ${(s.phases.parse! / 1000).toFixed(1)} s |
| stage into PostgreSQL | ${((s.phases.stage! - s.phases.parse!) / 1000).toFixed(1)} s |
| township by point-in-polygon, duplicate and outside checks | ${((s.phases.check! - s.phases.stage!) / 1000).toFixed(1)} s |
| insert into \`event\` | ${((s.phases.write! - s.phases.check!) / 1000).toFixed(1)} s |
| rollup rebuild and commit | ${((s.importMs - s.phases.write!) / 1000).toFixed(1)} s |
| **whole import** | **${(s.importMs / 1000).toFixed(1)} s = ${Math.round(s.events / (s.importMs / 1000)).toLocaleString('en')} rows/s** |

Target: ≤ 60 s (goal 15 s).

## Choropleth latency (ms), townships of one district, one month, indicator = all

| what | p50 | p95 | p99 | n |
|---|---|---|---|---|
${row('API: `GET /api/choropleth` through the Hono app as a city-scoped analyst (authentication, validation, row-level security, rollup query, classification, JSON)', s.choroplethApi)}
${row('bare rollup SQL (the same query through pg, owner rights, no transaction)', s.choroplethSql)}
${row('the same SQL as the API runs it: scoped READ ONLY transaction as riskmap_app (row-level security)', s.choroplethScopedSql)}
${row('API: every township in scope (123 in 白城), with year-on-year comparison', s.choroplethAllTownshipsApi)}

API p50 / bare SQL p50 = **${ratio.toFixed(2)}×**; API p50 / scoped SQL p50 = **${scopedRatio.toFixed(2)}×** (target: p50 ≤ 20 ms and within 2×).
Row-level security itself costs ${fmt(s.choroplethScopedSql.p50 - s.choroplethSql.p50)} ms at p50 (scoped SQL minus bare SQL): its policies make
the planner read the rollup through the (indicator, month) index for every region rather than by primary key.

## Event vector tiles (server PostGIS, ST_AsMVT)

${s.tiles.tiles.length} fixed tiles, z8–z16 at three places in 白城 (events at fixed ranks of the seeded data), indicator = all,
period ${s.tiles.period}, as an analyst scoped to ${s.tiles.scope}. Tiles: mean ${(s.tiles.apiBytes.mean / 1024).toFixed(1)} KB, largest ${(s.tiles.apiBytes.max / 1024).toFixed(1)} KB.

| what | p50 (ms) | p95 (ms) | p99 (ms) | n | tiles/s (4 concurrent) |
|---|---|---|---|---|---|
| API: \`GET /api/tiles/events/{z}/{x}/{y}.mvt\` over HTTP (node server on loopback: authentication, validation, scoped READ ONLY transaction, ST_AsMVT, ETag) | ${fmt(s.tiles.apiLatency.p50)} | ${fmt(s.tiles.apiLatency.p95)} | ${fmt(s.tiles.apiLatency.p99)} | ${s.tiles.apiLatency.n} | ${s.tiles.apiTilesPerSecond.toFixed(0)} |
| pgbench: the identical tile SQL in the same scoped transaction, same tiles (\`-M simple\`; latency from \`-c 1\`, throughput from \`-c 4 -j 2\`) | ${fmt(s.tiles.pgbenchLatency.p50)} | ${fmt(s.tiles.pgbenchLatency.p95)} | ${fmt(s.tiles.pgbenchLatency.p99)} | ${s.tiles.pgbenchLatency.n} | ${s.tiles.pgbenchTilesPerSecond.toFixed(0)} |

API p50 / pgbench p50 = **${(s.tiles.apiLatency.p50 / s.tiles.pgbenchLatency.p50).toFixed(2)}×**; API tiles/s / pgbench tiles/s = **${(s.tiles.apiTilesPerSecond / s.tiles.pgbenchTilesPerSecond).toFixed(2)}**.
The pgbench script is generated from the same \`tileMvtSql\` the server runs (tests/bench/tile-bench.ts).

${e ? embeddedSection(e) : '## Embedded database start-up (PGlite + postgis)\n\nNot measured in this run (`RISKMAP_BENCH_ONLY=server`).\n'}`
}

function embeddedSection(e: EmbeddedBench): string {
  return `## Embedded database start-up (PGlite + postgis)

| start | time |
|---|---|
| first (create the data directory, PostGIS, schema, boundaries, catalog) | ${(e.firstMs / 1000).toFixed(1)} s |
| later (reopen) | ${e.laterMs.map(ms => `${(ms / 1000).toFixed(1)} s`).join(', ')} |
| first with the demo data (${e.demoEvents.toLocaleString('en')} events + 24 months of values), as \`npm start\` | ${(e.firstWithDemoMs / 1000).toFixed(1)} s |
`
}
