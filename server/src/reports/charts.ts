import type { IndicatorNode } from '../domain/catalog.ts'
import type { ReportPeriod } from './period.ts'
import type { ReportChart, ReportTable } from './types.ts'
import { ANALYSIS_ROWS } from './sub-tables.ts'

/**
 * One 统计图 per major class, drawn from its sub-table: the region's sub-classes this period
 * against the baseline, so the structure and the change are seen together.
 */
export function classChart(cls: IndicatorNode, table: ReportTable, regionCode: string, period: ReportPeriod): ReportChart {
  const subs = cls.children ?? []
  const row = (key: string) => table.rows.find(r => r.key === key)!
  const data = (key: string) => subs.map(s => row(key).cells[s.code] as number | null)
  return {
    id: `chart-${cls.code}`,
    title: { zh: `${cls.name.zh}：本期与${period.spokenBaseline.zh}`, en: `${cls.name.en}: ${period.spoken.en} and ${period.spokenBaseline.en}` },
    kind: 'bar',
    tableId: table.id,
    categories: subs.map(s => s.name),
    series: [
      { name: { zh: `本期（${period.label.zh}）`, en: `Current (${period.label.en})` }, data: data(regionCode) },
      { name: { zh: `基期（${period.spokenBaseline.zh}）`, en: `Baseline (${period.spokenBaseline.en})` }, data: data(ANALYSIS_ROWS.baseline) },
    ],
  }
}
