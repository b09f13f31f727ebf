import type { EmbeddedBench } from './embedded-bench.ts'
import type { ServerBench } from './server-bench.ts'
import { writeFileSync } from 'node:fs'
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
const embedded = await benchEmbedded(log)
const report = render(server, embedded)
writeFileSync(new URL('./RESULTS.md', import.meta.url), report)
console.log(report)

function render(s: ServerBench, e: EmbeddedBench): string {
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

## Embedded database start-up (PGlite + postgis)

| start | time |
|---|---|
| first (create the data directory, PostGIS, schema, boundaries, catalog) | ${(e.firstMs / 1000).toFixed(1)} s |
| later (reopen) | ${e.laterMs.map(ms => `${(ms / 1000).toFixed(1)} s`).join(', ')} |
| first with the demo data (${e.demoEvents.toLocaleString('en')} events + 24 months of values), as \`npm start\` | ${(e.firstWithDemoMs / 1000).toFixed(1)} s |
`
}
