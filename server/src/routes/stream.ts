import type { AppEnv } from '../http/env.ts'
import { Hono } from 'hono'
import { streamSSE } from 'hono/streaming'
import { credentialStillValid } from '../http/authenticate.ts'
import { allow, read } from '../http/scoped.ts'
import { liveBus } from '../live/bus.ts'
import { importMessageFor, warningMessageFor } from '../live/stream-messages.ts'
import { dataVersion, visibleRegionCodes } from '../queries/wall-live.ts'

const DEFAULT_HEARTBEAT_MS = 15_000
const RETRY_MS = 3000

function heartbeatMs(): number {
  const v = Number(process.env.RISKMAP_SSE_HEARTBEAT_MS)
  return Number.isFinite(v) && v >= 10 ? v : DEFAULT_HEARTBEAT_MS
}

/**
 * Server-Sent Events for the wall: `hello`, then `import` after every committed import whose
 * regions the principal can see, and a `heartbeat` that keeps proxies from closing an idle line
 * and tells the client the data version. `warning` carries each new early warning (issue 7) whose
 * region the principal can see.
 */
export const streamRoutes = new Hono<AppEnv>()
  .get('/', allow('read'), async (c) => {
    const scope = c.get('principal').scope
    // Read before the stream opens: the scope's regions and the data version, in one transaction.
    const start = await read(c, async db => ({
      version: await dataVersion(db),
      visible: scope === '*' ? null : new Set(await visibleRegionCodes(db)),
    }))
    // Nginx and similar proxies buffer responses unless told not to.
    c.header('X-Accel-Buffering', 'no')
    return streamSSE(c, async (stream) => {
      let seq = 0
      let version = Math.max(start.version, liveBus.latestImportId)
      const now = () => ({ serverTime: new Date().toISOString(), dataVersion: version })
      await stream.write(`retry: ${RETRY_MS}\n\n`)
      await stream.writeSSE({ event: 'hello', id: String(++seq), data: JSON.stringify(now()) })

      const unsubscribe = liveBus.onImport((a) => {
        version = Math.max(version, a.importId ?? 0)
        const message = importMessageFor(a, start.visible, version)
        if (message && !stream.aborted)
          void stream.writeSSE({ event: 'import', id: String(++seq), data: JSON.stringify(message) }).catch(() => {})
      })
      const unsubscribeWarnings = liveBus.onWarning((w) => {
        const message = warningMessageFor(w, start.visible)
        if (message && !stream.aborted)
          void stream.writeSSE({ event: 'warning', id: String(++seq), data: JSON.stringify(message) }).catch(() => {})
      })
      // Each beat reads the data version again, so that imports made by another process (the CLI)
      // reach the wall too; a database that cannot answer must not end the stream.
      let revoked: () => void = () => {}
      const beat = async () => {
        // A revoked token, an ended session or a changed role or scope ends the stream: the
        // client reconnects and is refused (401) or gets a stream of its new scope.
        if (!(await credentialStillValid(c).catch(() => true))) {
          revoked()
          return
        }
        const current = await read(c, db => dataVersion(db)).catch(() => 0)
        version = Math.max(version, current, liveBus.latestImportId)
        if (!stream.aborted)
          await stream.writeSSE({ event: 'heartbeat', id: String(++seq), data: JSON.stringify(now()) })
      }
      const timer = setInterval(() => void beat().catch(() => {}), heartbeatMs())
      // The stream lives until the client goes away; then nothing of it may stay subscribed.
      await new Promise<void>((resolve) => {
        revoked = resolve
        stream.onAbort(resolve)
        c.req.raw.signal.addEventListener('abort', () => resolve(), { once: true })
      })
      clearInterval(timer)
      unsubscribe()
      unsubscribeWarnings()
    })
  })
