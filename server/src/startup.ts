import type { Config } from './config.ts'
import type { Database } from './db/database.ts'
import type { Deps } from './http/env.ts'
import { openDatabase } from './db/database.ts'
import { loadCatalog } from './domain/catalog.ts'
import { seedFirstAdmin } from './seed/admin.ts'
import { seedCatalog } from './seed/catalog.ts'
import { seedDemo } from './seed/demo.ts'
import { seedRegions } from './seed/regions.ts'

/** Opens the database, applies migrations, loads boundaries and catalog, and (optionally) demo data. */
export async function prepare(config: Config, log: (msg: string) => void = () => {}): Promise<Deps & { db: Database }> {
  const db = await openDatabase(config)
  log(`database: ${db.kind}`)
  const regions = await seedRegions(db)
  if (regions)
    log(`loaded ${regions} regions`)
  if (await seedCatalog(db))
    log('installed the indicator catalog')
  const catalog = await loadCatalog(db)
  const generated = await seedFirstAdmin(db, config.adminPassword)
  if (generated)
    log(`created user "admin" with password ${generated} (shown once; change it, or set RISKMAP_ADMIN_PASSWORD before the first start)`)
  if (config.demo) {
    const started = Date.now()
    if (await seedDemo(db, catalog, { events: config.demoEvents, log }))
      log(`loaded synthetic demo data in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  return { db, catalog }
}
