import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { createApp } from './app.ts'
import { loadConfig } from './config.ts'
import { prepare } from './startup.ts'

const config = loadConfig()
const log = (msg: string) => console.log(`[riskmap] ${msg}`)
const started = Date.now()
const deps = await prepare(config, log)

const root = new Hono()
  .route('/', createApp(deps, config))
  .use('/*', serveStatic({ root: config.webDist }))
  // The client routes (/wall, /reports…) are history-mode: serve the app shell for them.
  .get('*', serveStatic({ root: config.webDist, path: 'index.html' }))

const server = serve({ fetch: root.fetch, port: config.port, hostname: config.host }, (info) => {
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  log(`listening on http://${config.host}:${info.port}`)
})

async function shutdown() {
  // A query stuck on a lost database must not keep the process alive: give up after 5 s.
  setTimeout(() => process.exit(1), 5_000).unref()
  server.close()
  await deps.db.close().catch(() => {})
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
