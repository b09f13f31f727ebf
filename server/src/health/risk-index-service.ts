import type { RiskIndexConfig } from '../analysis/risk-index-config.ts'
import type { Scoped } from '../db/database.ts'
import type { Catalog } from '../domain/catalog.ts'
import type { MonthRange } from '../queries/choropleth.ts'
import type { RegionLevel } from '../queries/regions.ts'
import { computeRiskIndex } from '../analysis/risk-index.ts'
import { globalDataMonths, referenceCounts, scoredRegions } from '../queries/risk-index.ts'
import { indexLeaves, leafCodeMap, leafValues, RATE_METHOD, readWindow, REFERENCE_MONTHS } from './risk-index-leaves.ts'

export interface RiskIndexQuery { level: RegionLevel, parent: string | null, period: MonthRange }

/**
 * The index of every child region in scope. The leaves and the reference come from every region
 * of the level, so a region's index is the same whoever asks and whichever parent is shown.
 */
export async function riskIndexOf(db: Scoped, catalog: Catalog, config: RiskIndexConfig, q: RiskIndexQuery) {
  const leaves = indexLeaves(config)
  const map = leafCodeMap(catalog, leaves)
  const regions = await scoredRegions(db, q.level, q.parent)
  const data = await globalDataMonths(db)
  const rows = regions.length ? await referenceCounts(db, { level: q.level, range: readWindow(q.period), ...map }) : []
  const set = leafValues(rows, leaves, q.period, data)
  const label = `every ${q.level} in the database (${set.regionCount}), monthly, ${set.referenceMonths[0] ?? '—'} to ${set.referenceMonths.at(-1) ?? '—'} (${set.referenceMonths.length} months with data of the ${REFERENCE_MONTHS} to the period's end)`
  const { results, card } = computeRiskIndex(
    regions.map(r => ({ code: r.code, values: set.values.get(r.code) ?? {} })),
    config,
    { leaves, reference: { label, rows: set.reference } },
  )
  return {
    regions: results.map((r, i) => ({
      code: r.code,
      name: regions[i]!.name,
      index: r.index,
      grade: r.grade,
      stageScores: r.stageScores,
      missing: r.missing,
      leaves: r.leaves,
    })),
    method: {
      ...card,
      rates: RATE_METHOD,
      periodMonths: set.periodMonths,
      referenceMonths: set.referenceMonths,
      dataMonths: data,
    },
  }
}
