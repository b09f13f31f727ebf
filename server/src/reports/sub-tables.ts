import type { IndicatorNode } from '../domain/catalog.ts'
import type { PeriodComparison } from './figures.ts'
import type { ReportPeriod } from './period.ts'
import type { ReportColumn, ReportRow, ReportTable } from './types.ts'
import { baselineChange, changeCells, changeColumns, noChildrenNote, share } from './summary-table.ts'

export const subTableId = (cls: string) => `class-${cls}`
/** The analysis rows under the region's own row: the baseline, the change and the shares. */
export const ANALYSIS_ROWS = { baseline: 'baseline', change: 'change', share: 'share' } as const

/**
 * One 分表 per major class: rows are the region and its child regions, columns its sub-classes,
 * the class total and the tested change. Three more rows give the region's baseline, change and
 * share of the class per sub-class: the structure and the causes the narrative cites.
 */
export function subTable(cls: IndicatorNode, cmp: PeriodComparison, regionCode: string, period: ReportPeriod): ReportTable {
  const subs = cls.children ?? []
  const columns: ReportColumn[] = [
    ...subs.map(s => ({ key: s.code, zh: s.name.zh, en: s.name.en, kind: 'count' as const })),
    { key: 'total', zh: `${cls.name.zh}合计`, en: `${cls.name.en} total`, kind: 'count' },
    ...changeColumns,
  ]
  const regionRow = (r: PeriodComparison['regions'][number], depth: number): ReportRow => ({
    key: r.code,
    label: { zh: r.name, en: r.name },
    depth,
    cells: {
      ...Object.fromEntries(subs.map(s => [s.code, r.cells[s.code]!.value])),
      total: r.cells[cls.code]!.value,
      ...changeCells(baselineChange(r.cells[cls.code]!, period)),
    },
  })
  const region = cmp.regions.find(r => r.code === regionCode)!
  const children = cmp.regions.filter(r => r.code !== regionCode)
  const empty = { change: null, changePct: null, z: null, flag: null }
  const of = (code: string) => baselineChange(region.cells[code]!, period)
  const total = region.cells[cls.code]!.value
  const rows: ReportRow[] = [
    regionRow(region, 0),
    ...children.map(r => regionRow(r, 1)),
    {
      key: ANALYSIS_ROWS.baseline,
      label: { zh: `基期（${period.spokenBaseline.zh}）`, en: `Baseline (${period.spokenBaseline.en})` },
      depth: 0,
      cells: { ...Object.fromEntries(subs.map(s => [s.code, of(s.code).previous])), total: of(cls.code).previous, ...empty },
    },
    {
      key: ANALYSIS_ROWS.change,
      label: { zh: '变化', en: 'Change' },
      depth: 0,
      format: { kind: 'count', signed: true },
      cells: { ...Object.fromEntries(subs.map(s => [s.code, of(s.code).change])), total: of(cls.code).change, ...empty },
    },
    {
      key: ANALYSIS_ROWS.share,
      label: { zh: `占${cls.name.zh}比重`, en: `Share of ${cls.name.en}` },
      depth: 0,
      format: { kind: 'pct' },
      cells: { ...Object.fromEntries(subs.map(s => [s.code, share(region.cells[s.code]!.value, total)])), total: null, ...empty },
    },
  ]
  return {
    id: subTableId(cls.code),
    title: { zh: `${cls.name.zh} 分表（${region.name}，${period.label.zh}）`, en: `${cls.name.en} (${region.name}, ${period.label.en})` },
    columns,
    rows,
    notes: children.length ? [] : [noChildrenNote],
  }
}
