import type { TestDatabase } from '../helpers/test-db.ts'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importEventsCsv } from '@riskmap/server/import/events-import.ts'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { writeBigEventsCsv } from '../helpers/big-events-csv.ts'
import { importSnapshot } from '../helpers/import-snapshot.ts'
import { sleep, spawnGroup, tail } from '../helpers/server-process.ts'
import { openTestDatabase, usingServer } from '../helpers/test-db.ts'

/** PGlite is about three times slower than a server; fewer rows still keep it seconds in the transaction. */
const ROWS = usingServer ? 300_000 : 120_000
const SOURCE = 'killed-import'
/** From the start of the CLI to the kill: 20–50 s for PGlite on a busy two-core machine. */
const KILL_DEADLINE_MS = 120_000

/**
 * Runs the CLI import and SIGKILLs its whole process group as soon as `due()` says the import is
 * inside its transaction. Fails if the import ends on its own first: the test would prove nothing.
 */
async function importKilledWhen(file: string, env: Record<string, string>, due: (stderr: string) => Promise<boolean>): Promise<string> {
  const cli = spawnGroup('cli.ts', ['import', 'events', file, '--source', SOURCE], env, `cli-killed-import-${process.pid}`)
  let stderr = ''
  cli.child.stderr!.on('data', (d) => {
    stderr += d
  })
  const deadline = Date.now() + KILL_DEADLINE_MS
  try {
    for (;;) {
      if (cli.child.exitCode !== null)
        throw new Error(`the import ended (code ${cli.child.exitCode}) before it could be killed\n${tail(cli.logFile)}`)
      if (Date.now() > deadline)
        throw new Error(`the import never reached the write phase within ${KILL_DEADLINE_MS / 1000} s\n${tail(cli.logFile)}`)
      if (await due(stderr))
        break
      await sleep(50)
    }
  }
  finally {
    await cli.kill('SIGKILL')
  }
  expect(cli.child.signalCode ?? cli.child.exitCode).toBe('SIGKILL')
  return stderr.split('\r').map(s => s.trim()).filter(Boolean).at(-1) ?? ''
}

describe('fault: an import killed halfway leaves zero partial rows', () => {
  let t: TestDatabase
  let dir: string
  let file: string

  beforeAll(async () => {
    t = await openTestDatabase(inject('dbTemplate'))
    dir = mkdtempSync(join(tmpdir(), 'riskmap-faults-csv-'))
    file = join(dir, 'events.csv')
    await writeBigEventsCsv(file, ROWS)
  })

  afterAll(async () => {
    await t?.close()
    if (dir)
      rmSync(dir, { recursive: true, force: true })
  })

  it(`SIGKILL of a ${ROWS.toLocaleString('en')}-row CLI import while it writes: no event, batch, audit or rollup change`, async () => {
    const t0 = Date.now()
    const mark = (what: string) => console.info(`[faults] import kill (${t.db.kind}): ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    const before = await importSnapshot(t.db, SOURCE)
    let insertPid: number | undefined
    const lastProgress = await t.whileClosed(() => importKilledWhen(file, t.env, async (stderr) => {
      if (t.db.kind === 'embedded') {
        // PGlite runs inside the CLI process, so progress is all we can see: "write" is printed
        // after the rows are inserted and before the rollup is rebuilt and the transaction commits.
        return /\bwrite\b/.test(stderr)
      }
      // On a server, catch the backend in the middle of moving the staged rows into `event`.
      const rows = await t.db.query<{ pid: number }>(`
        SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
          AND query LIKE '%INSERT INTO event (source%'`)
      insertPid = rows[0]?.pid
      return insertPid !== undefined
    }))
    mark(`killed after "${lastProgress}"`)
    if (insertPid !== undefined) {
      // The orphaned backend finishes its statement, finds the client gone and rolls back.
      const deadline = Date.now() + 60_000
      while ((await t.db.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [insertPid])).length) {
        expect(Date.now(), 'the killed import\'s backend is still there after 60 s').toBeLessThan(deadline)
        await sleep(200)
      }
    }
    else {
      expect(lastProgress).toMatch(/^write/)
    }

    // Reopened after the kill: the embedded database's pid lock names a dead process.
    mark('rolled back and reopened')
    const after = await importSnapshot(t.db, SOURCE)
    expect(after).toEqual(before)
    expect(after.eventsFromSource).toBe(0)
    expect(after.batchesFromSource).toBe(0)

    // The same source imports cleanly afterwards: nothing half-written claims its ids.
    const small = new TextEncoder().encode(readFileSync(file, 'utf8').split('\n').slice(0, 1_001).join('\n'))
    const rerun = await importEventsCsv(t.db.transaction, t.catalog, small, 'wgs84', { actor: 'test', scope: '*', requestId: null, source: SOURCE, filename: 'small.csv' })
    mark('re-imported')
    expect(rerun.inserted).toBe(1_000)
    expect((await importSnapshot(t.db, SOURCE)).eventsFromSource).toBe(1_000)
  })
})
