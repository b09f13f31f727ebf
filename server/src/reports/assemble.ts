import type { Catalog } from '../domain/catalog.ts'
import type { MonthRange } from '../queries/choropleth.ts'
import type { CompareCount } from '../queries/compare.ts'
import type { RegionRow } from '../queries/regions.ts'
import type { ReportListing } from '../queries/supervision-report.ts'
import type { ReportWarning } from '../queries/warnings-report.ts'
import type { ReportPeriod } from './period.ts'
import type { Report, ReportKind } from './types.ts'
import { classChart } from './charts.ts'
import { classCatalog, majorClasses, periodComparison } from './figures.ts'
import { reportMethod } from './method.ts'
import { writeNarrative } from './narrative.ts'
import { subTable } from './sub-tables.ts'
import { summaryTable } from './summary-table.ts'

export interface ReportData {
  kind: ReportKind
  period: ReportPeriod
  topic: string | null
  /** The region first, then its children. */
  regions: RegionRow[]
  counts: CompareCount[]
  dataMonths: MonthRange | null
  warnings: ReportWarning[]
  listings: ReportListing[]
  synthetic: boolean
  generatedAt: string
}

/** The whole report from what the database gave: pure, so every table, chart and sentence is testable. */
export function assembleReport(catalog: Catalog, d: ReportData): Report {
  const [regionRow, ...childRows] = d.regions
  const cmp = periodComparison(catalog, d.regions, d.counts, d.period, d.dataMonths)
  const [region, ...children] = cmp.regions
  const classes = majorClasses(catalog)
  const classFigures = new Map(classes.map(({ node }) => [node.code, periodComparison(classCatalog(catalog, node), d.regions, d.counts, d.period, d.dataMonths)]))
  const summary = summaryTable(cmp, region!, children, d.period)
  const subTables = classes.map(({ node }) => subTable(node, classFigures.get(node.code)!, regionRow!.code, d.period))
  const charts = classes.map(({ node }, i) => classChart(node, subTables[i]!, regionRow!.code, d.period))
  const topicNode = d.topic ? classes.flatMap(c => [c.category, c.node]).find(n => n.code === d.topic)! : null
  const narrative = writeNarrative({
    region: { code: regionRow!.code, name: regionRow!.name, level: regionRow!.level },
    children: childRows.map(r => ({ code: r.code, name: r.name })),
    period: d.period,
    focus: d.topic ?? 'all',
    catalogTree: catalog.tree,
    summary,
    subTables,
    figures: region!,
    classFigures,
    warnings: d.warnings,
    listings: d.listings,
  })
  return {
    kind: d.kind,
    region: { code: regionRow!.code, name: regionRow!.name, level: regionRow!.level },
    topic: topicNode && { code: topicNode.code, name: topicNode.name },
    period: { label: d.period.label, from: d.period.months[0]!, to: d.period.end, baseline: d.period.baselineLabel },
    generatedAt: d.generatedAt,
    synthetic: d.synthetic,
    summary,
    subTables,
    charts,
    narrative,
    warnings: d.warnings,
    listings: d.listings,
    method: reportMethod(cmp.method, d.period, d.synthetic),
  }
}
