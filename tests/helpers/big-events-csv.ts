import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { generateBenchEvents } from '@riskmap/geodata/demo/index.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { catalog } from '@riskmap/server/catalog/indicator-catalog.ts'

/**
 * Writes an events CSV of `total` valid rows (points inside the townships, 24 months up to
 * 2026-06) to `file`: big enough that an import spends seconds in its transaction.
 */
export async function writeBigEventsCsv(file: string, total: number, seed = 'riskmap-faults'): Promise<number> {
  const regions = loadRegions('full').features.map(f => ({ ...f.properties, geometry: f.geometry }))
  const out = createWriteStream(file)
  let chunk = ['id,indicator,occurred_at,lon,lat']
  let rows = 0
  for (const e of generateBenchEvents({ regions, catalog, endMonth: '2026-06', total, seed })) {
    chunk.push(`${e.id},${e.indicator},${e.occurredAt},${e.lon},${e.lat}`)
    rows++
    if (chunk.length >= 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`))
        await once(out, 'drain')
      chunk = []
    }
  }
  out.end(chunk.join('\n'))
  await once(out, 'finish')
  return rows
}
