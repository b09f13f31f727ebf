import type { Database } from '../db/database.ts'
import type { IndicatorUpsert } from '../queries/indicators.ts'
import { catalog, CATALOG_VERSION } from '../catalog/indicator-catalog.ts'
import { currentCatalogVersion, upsertIndicator } from '../queries/indicators.ts'

/** Flattens the catalog definition into rows, parents before children, in display order. */
export function catalogRows(): { rows: IndicatorUpsert[], lineage: Array<[string, string]> } {
  const rows: IndicatorUpsert[] = []
  const lineage: Array<[string, string]> = []
  const base = { version: CATALOG_VERSION, departmentZh: null, departmentEn: null, polarity: null, geolocated: null }
  for (const cat of catalog) {
    rows.push({ ...base, code: cat.code, kind: 'category', parent: null, nameZh: cat.name.zh, nameEn: cat.name.en, stage: cat.stage, sort: rows.length })
    for (const cls of cat.classes) {
      const dept = { departmentZh: cls.department.zh, departmentEn: cls.department.en }
      rows.push({ ...base, ...dept, code: cls.code, kind: 'class', parent: cat.code, nameZh: cls.name.zh, nameEn: cls.name.en, stage: cat.stage, sort: rows.length })
      for (const sub of cls.subclasses) {
        rows.push({
          ...base,
          ...dept,
          code: sub.code,
          kind: 'subclass',
          parent: cls.code,
          nameZh: sub.name.zh,
          nameEn: sub.name.en,
          stage: cat.stage,
          polarity: sub.polarity,
          geolocated: sub.geolocated,
          sort: rows.length,
        })
        for (const old of sub.replaces ?? []) lineage.push([sub.code, old])
      }
    }
  }
  return { rows, lineage }
}

/**
 * Installs the catalog version shipped with this build if the database has an older one.
 * Codes are never deleted: a sub-class dropped from the definition is marked retired, so that
 * history recorded under it stays readable.
 */
export async function seedCatalog(db: Database): Promise<boolean> {
  if (await currentCatalogVersion(db) >= CATALOG_VERSION)
    return false
  const { rows, lineage } = catalogRows()
  await db.transaction(async (client) => {
    await client.query(
      'INSERT INTO catalog_version (version, effective_from, note) VALUES ($1, $2, $3)',
      [CATALOG_VERSION, '2000-01-01', `catalog v${CATALOG_VERSION}: ${rows.length} nodes`],
    )
    for (const row of rows) await upsertIndicator(client, row)
    for (const [code, replaces] of lineage) {
      await client.query('INSERT INTO indicator_lineage (code, replaces) VALUES ($1, $2) ON CONFLICT DO NOTHING', [code, replaces])
    }
    await client.query(
      'UPDATE indicator SET version_retired = $1 WHERE version_retired IS NULL AND NOT (code = ANY($2::text[]))',
      [CATALOG_VERSION, rows.map(r => r.code)],
    )
  })
  return true
}
