import type { ServerProcess } from '../helpers/server-process.ts'
import type { TestDatabase } from '../helpers/test-db.ts'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { writeBigEventsCsv } from '../helpers/big-events-csv.ts'
import { importSnapshot } from '../helpers/import-snapshot.ts'
import { createPrincipal } from '../helpers/principals.ts'
import { serveTestDatabase } from '../helpers/server-process.ts'
import { openTestDatabase } from '../helpers/test-db.ts'

const SOURCE = 'timed-out-import'

describe('fault: a statement timeout answers 503', () => {
  let t: TestDatabase
  let server: ServerProcess
  let dir: string
  let token: string

  beforeAll(async () => {
    t = await openTestDatabase(inject('dbTemplate'))
    token = (await createPrincipal(t.db, { username: 'timeout-admin', role: 'admin', scope: '*' })).token
    dir = mkdtempSync(join(tmpdir(), 'riskmap-faults-timeout-'))
    await writeBigEventsCsv(join(dir, 'events.csv'), 300_000)
  })

  afterAll(async () => {
    await server?.stop()
    await t?.close()
    if (dir)
      rmSync(dir, { recursive: true, force: true })
  })

  // PGlite does not enforce statement_timeout; there pg's query_timeout answers (200 ms + 1 s grace,
  // see server/src/db/database.ts), which the 300k-row import's larger statements outlast.
  it('an import whose statements outlast RISKMAP_STATEMENT_TIMEOUT_MS=200 gets 503 timeout with Retry-After, and writes nothing', async () => {
    const before = await importSnapshot(t.db, SOURCE)
    server = await serveTestDatabase(t, { RISKMAP_STATEMENT_TIMEOUT_MS: '200' }, `statement-timeout-${t.db.kind}`)
    const started = Date.now()
    const res = await fetch(`${server.url}/api/import/events?source=${SOURCE}`, {
      method: 'POST',
      body: readFileSync(join(dir, 'events.csv')),
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'text/csv' },
      signal: AbortSignal.timeout(60_000),
    })
    const body = await res.json() as { error?: { code: string, message: string } }
    console.info(`[faults] statement timeout: ${res.status} ${JSON.stringify(body)} after ${Date.now() - started} ms`)
    expect(res.status).toBe(503)
    expect(body.error?.code).toBe('timeout')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    // Nothing about the database leaks into the answer.
    expect(JSON.stringify(body)).not.toMatch(/postgres|statement|canceling|\bat\b.*\.ts/i)

    // The server is fine afterwards: a cheap request still answers.
    const health = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(30_000) })
    expect(health.status).toBe(200)
    await server.stop()
    expect(await importSnapshot(t.db, SOURCE)).toEqual(before)
  })
})
