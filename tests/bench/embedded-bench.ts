import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '@riskmap/server/config.ts'
import { prepare } from '@riskmap/server/startup.ts'
import { timeIt } from './stats.ts'

export interface EmbeddedBench { firstMs: number, laterMs: number[], firstWithDemoMs: number, demoEvents: number }

/**
 * Start-up of the embedded database as `npm start` does it: the first start creates the data
 * directory, PostGIS, the schema and the boundaries; later starts reopen it.
 */
export async function benchEmbedded(log: (m: string) => void): Promise<EmbeddedBench> {
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-bench-embedded-'))
  const config = { ...loadConfig({}), databaseUrl: undefined, dataDir: dir, demo: false }
  try {
    log('embedded: first start')
    const first = await timeIt(async () => (await prepare(config)).db.close())
    const laterMs: number[] = []
    for (let i = 0; i < 3; i++) {
      log(`embedded: later start ${i + 1}`)
      laterMs.push((await timeIt(async () => (await prepare(config)).db.close())).ms)
    }
    const demoDir = mkdtempSync(join(tmpdir(), 'riskmap-bench-demo-'))
    log('embedded: first start with the demo data')
    const demo = await timeIt(async () => (await prepare({ ...config, dataDir: demoDir, demo: true })).db.close())
    rmSync(demoDir, { recursive: true, force: true })
    return { firstMs: first.ms, laterMs, firstWithDemoMs: demo.ms, demoEvents: config.demoEvents }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
