import type { Database } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import { generateDemoEvents, generateDemoValues } from '@riskmap/geodata/demo/index.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { catalog as catalogDefinition } from '../catalog/indicator-catalog.ts'
import { importEventsCsv } from '../import/events-import.ts'
import { currentShanghaiMonth } from '../import/time.ts'
import { importValuesCsv } from '../import/values-import.ts'
import { seedDemoPatrol } from './demo-patrol.ts'
import { seedDemoUnits } from './demo-units.ts'
import { seedDemoWall } from './demo-wall.ts'
import { seedDemoWater } from './demo-water.ts'

/**
 * Loads the synthetic demo data on first start, through the same import pipeline as real files,
 * marked synthetic in import_batch (and so on screen). Skipped when any data is already loaded.
 */
export async function seedDemo(db: Database, catalog: Catalog, opts: { events: number, endMonth?: string, log?: (msg: string) => void }): Promise<boolean> {
  const loaded = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM import_batch) AS any')
  if (loaded[0]!.any)
    return false
  const log = opts.log ?? (() => {})
  const endMonth = opts.endMonth ?? currentShanghaiMonth()
  const regions = loadRegions('full').features.map(f => ({ ...f.properties, geometry: f.geometry }))
  const ctx = { actor: 'system', scope: '*', requestId: null, filename: 'synthetic demo data', synthetic: true }

  const values = generateDemoValues({ regions, catalog: catalogDefinition, endMonth })
  const valuesCsv = ['region,indicator,month,value', ...values.map(v => `${v.region},${v.indicator},${v.month},${v.value}`)].join('\n')
  const v = await importValuesCsv(db.transaction, catalog, new TextEncoder().encode(valuesCsv), { ...ctx, source: 'demo' })
  log(`demo values: ${v.inserted} rows`)

  if (opts.events > 0) {
    const lines = ['id,indicator,occurred_at,lon,lat,synthetic,channel']
    for (const e of generateDemoEvents({ regions, catalog: catalogDefinition, endMonth, total: opts.events }))
      lines.push(`${e.id},${e.indicator},${e.occurredAt},${e.lon},${e.lat},true,${e.attrs.channel ?? ''}`)
    const r = await importEventsCsv(db.transaction, catalog, new TextEncoder().encode(lines.join('\n')), 'wgs84', { ...ctx, source: 'demo' })
    log(`demo events: ${r.inserted} rows`)
  }
  await seedDemoPatrol(db, log)
  log(`demo response units: ${await seedDemoUnits(db)}`)
  log(`demo water: ${JSON.stringify(await seedDemoWater(db))}`)
  log(`demo wall playlists: ${await seedDemoWall(db, catalog)}`)
  return true
}
