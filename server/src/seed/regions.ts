import type { Database } from '../db/database.ts'
import { loadRegions } from '@riskmap/geodata/regions.ts'
import { appendAudit } from '../queries/audit.ts'
import { insertRegion, rebuildRegionIndexes } from '../queries/regions.ts'

const levelOrder = { city: 0, district: 1, township: 2 } as const

/** Loads the committed demo boundaries (geodata/out) into an empty region table. */
export async function seedRegions(db: Database): Promise<number> {
  const existing = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM region')
  if (existing[0]!.n > 0)
    return 0
  const full = loadRegions('full').features
  const display = new Map(loadRegions('display').features.map(f => [f.properties.code, f.geometry]))
  const ordered = [...full].sort((a, b) => levelOrder[a.properties.level] - levelOrder[b.properties.level] || a.properties.code.localeCompare(b.properties.code))
  const repaired: string[] = []
  await db.transaction(async (client) => {
    for (const f of ordered) {
      const p = f.properties
      const res = await insertRegion(client, {
        ...p,
        geometry: JSON.stringify(f.geometry),
        displayGeometry: JSON.stringify(display.get(p.code) ?? f.geometry),
      })
      if (res.repaired)
        repaired.push(p.code)
    }
    await rebuildRegionIndexes(client)
    await appendAudit(client, { actor: 'system', action: 'seed.regions', entity: 'region', entityId: null, before: null, after: { count: ordered.length, repaired }, requestId: null })
  })
  if (repaired.length)
    console.warn(`[seed] repaired invalid geometry with ST_MakeValid: ${repaired.join(', ')}`)
  return ordered.length
}
