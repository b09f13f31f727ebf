import type { CompareChange } from '../compare/table.ts'
import type { PeriodComparison, PeriodRegion } from './figures.ts'
import type { ReportPeriod } from './period.ts'
import type { CellValue, Names, ReportColumn, ReportTable } from './types.ts'
import { roundFor } from './format.ts'

export const SUMMARY_ID = 'summary'
export const TOTAL_LABEL: Names = { zh: '合计', en: 'Total' }
export const noChildrenNote: Names = { zh: '本级为乡镇（街道），无下级区域。', en: 'A township has no child regions.' }

/** The tested change against the period's baseline (MoM for a month, YoY for a quarter). */
export function baselineChange(cell: { mom: CompareChange, yoy: CompareChange }, period: ReportPeriod): CompareChange {
  return period.baseline === 'mom' ? cell.mom : cell.yoy
}

/** value / whole × 100, or null when the whole is 0. */
export function share(value: number, whole: number | null | undefined): number | null {
  return whole ? roundFor('pct', (value / whole) * 100) : null
}

export const changeColumns: ReportColumn[] = [
  { key: 'change', zh: '变化', en: 'Change', kind: 'count', signed: true },
  { key: 'changePct', zh: '变化率', en: 'Change %', kind: 'pct', signed: true },
  { key: 'z', zh: 'z 值', en: 'z', kind: 'z', signed: true },
  { key: 'flag', zh: '显著性', en: 'Flag', kind: 'flag' },
]

export function changeCells(c: CompareChange): Record<string, CellValue> {
  return { change: c.change, changePct: roundFor('pct', c.changePct), z: roundFor('z', c.z), flag: c.flag }
}

/**
 * 1 张总表: the total, the 4 categories and their 10 classes for the region (value, rate, the
 * baseline, the tested change, the share of the level above), then one column per child region.
 */
export function summaryTable(cmp: PeriodComparison, region: PeriodRegion, children: PeriodRegion[], period: ReportPeriod): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'value', zh: '本期数', en: 'Value', kind: 'count' },
    { key: 'per10k', zh: '每万人', en: 'Per 10k', kind: 'rate' },
    { key: 'previous', zh: '基期数', en: 'Baseline', kind: 'count' },
    ...changeColumns,
    { key: 'share', zh: '占比', en: 'Share', kind: 'pct' },
    ...children.map(r => ({ key: r.code, zh: r.name, en: r.name, kind: 'count' as const })),
  ]
  const rows = cmp.indicators.map((ind) => {
    const cell = region.cells[ind.code]!
    const whole = ind.kind === 'category' ? region.cells.all!.value : ind.parent ? region.cells[ind.parent]!.value : null
    const change = baselineChange(cell, period)
    return {
      key: ind.code,
      label: ind.kind === 'total' ? TOTAL_LABEL : ind.name,
      depth: ind.kind === 'total' ? 0 : ind.kind === 'category' ? 1 : 2,
      cells: {
        value: cell.value,
        per10k: roundFor('rate', cell.per10k),
        previous: change.previous,
        ...changeCells(change),
        share: ind.kind === 'total' ? null : share(cell.value, whole),
        ...Object.fromEntries(children.map(r => [r.code, r.cells[ind.code]!.value])),
      },
    }
  })
  const notes: Names[] = [{
    zh: `基期：${period.baselineLabel.zh}。占比：门类占合计、大类占所属门类。z = 2(√C − √P)，|z| ≥ 2 为显著（notice），|z| ≥ 3 为高度显著（warning）。`,
    en: `Baseline: ${period.baselineLabel.en}. Share: a category of the total, a class of its category. z = 2(√C − √P); |z| ≥ 2 notice, |z| ≥ 3 warning.`,
  }]
  if (children.length === 0)
    notes.push(noChildrenNote)
  return {
    id: SUMMARY_ID,
    title: { zh: `${region.name} 总表（${period.label.zh}）`, en: `${region.name} summary (${period.label.en})` },
    columns,
    rows,
    notes,
  }
}
