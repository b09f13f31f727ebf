import type { CompareChange } from '../compare/table.ts'
import type { IndicatorNode } from '../domain/catalog.ts'
import type { ReportListing } from '../queries/supervision-report.ts'
import type { ReportWarning } from '../queries/warnings-report.ts'
import type { PeriodComparison, PeriodRegion } from './figures.ts'
import type { Lang } from './paragraph.ts'
import type { ReportPeriod } from './period.ts'
import type { Names, ReportTable } from './types.ts'
import { ParagraphWriter } from './paragraph.ts'
import { baselineChange } from './summary-table.ts'

/** Everything the written report is generated from: the tables it cites and the figures behind them. */
export interface NarrativeInput {
  region: { code: string, name: string, level: string }
  children: Array<{ code: string, name: string }>
  period: ReportPeriod
  /** 'all', or the category or class a special report is about. */
  focus: string
  catalogTree: IndicatorNode[]
  summary: ReportTable
  subTables: ReportTable[]
  /** The region's comparison cells (for smallCount and worsening, which the tables do not carry). */
  figures: PeriodRegion
  /** Per class: the sub-class comparison of the region and its children. */
  classFigures: Map<string, PeriodComparison>
  warnings: ReportWarning[]
  listings: ReportListing[]
}

export class NarrativeContext {
  readonly tables: Map<string, ReportTable>
  constructor(readonly input: NarrativeInput, readonly lang: Lang) {
    this.tables = new Map([input.summary, ...input.subTables].map(t => [t.id, t]))
  }

  t(zh: string, en: string): string {
    return this.lang === 'zh' ? zh : en
  }

  name(n: Names): string {
    return n[this.lang]
  }

  writer(): ParagraphWriter {
    return new ParagraphWriter(this.tables)
  }

  get spoken() {
    return this.name(this.input.period.spoken)
  }

  get base() {
    return this.name(this.input.period.spokenBaseline)
  }

  /** The categories a report covers: all four, or the one its topic is or belongs to. */
  get categories(): IndicatorNode[] {
    const f = this.input.focus
    return this.input.catalogTree.filter(c => f === 'all' || c.code === f || (c.children ?? []).some(k => k.code === f))
  }

  /** The classes a report covers. */
  get classes(): IndicatorNode[] {
    const f = this.input.focus
    return this.categories.flatMap(c => c.children ?? []).filter(k => f === 'all' || k.code === f || this.categories.some(c => c.code === f))
  }

  node(code: string): IndicatorNode | undefined {
    return this.input.catalogTree.flatMap(c => [c, ...(c.children ?? [])]).find(n => n.code === code)
  }

  /** The name of a summary row ('all' reads as "all indicators"). */
  label(code: string): string {
    return code === 'all' ? this.t('全部指标合计', 'all indicators combined') : this.name(this.node(code)!.name)
  }

  change(code: string): CompareChange {
    return baselineChange(this.input.figures.cells[code]!, this.input.period)
  }

  /** A change worth writing about: flagged by |z|, and not a small count no exact test would call. */
  significant(c: CompareChange): boolean {
    return c.flag !== 'none' && !c.smallCount
  }
}
