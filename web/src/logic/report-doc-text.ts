import type { Report } from '../api/reports-api.ts'
import type { ReportLang } from './report-format.ts'
import en from '../i18n/reports-en.ts'
import zh from '../i18n/reports-zh-CN.ts'
import { pick } from './report-format.ts'

/**
 * The report's own words (headings, column heads, labels) in the report's language, which the
 * user picks apart from the UI's: a Chinese UI can print an English report. The web view and the
 * DOCX both take their words from here, so they say the same.
 */
export const reportWords = (lang: ReportLang) => lang === 'en' ? en : zh

/** '白城市 2026年5月 风险体检月报'; a special report on a topic names it: '… 风险体检专项报告：刑事案件'. */
export function reportTitle(report: Pick<Report, 'kind' | 'region' | 'period' | 'topic'>, lang: ReportLang): string {
  const sep = lang === 'en' ? ' · ' : ' '
  const title = [report.region.name, pick(report.period.label, lang), reportWords(lang).kindTitle[report.kind]].join(sep)
  return report.topic ? `${title}${lang === 'en' ? ': ' : '：'}${pick(report.topic.name, lang)}` : title
}

/** Wide tables (a district's townships as columns) get smaller type to fit the A4 width. */
export function reportTableDensity(columns: number): '' | 'compact' | 'dense' {
  return columns > 15 ? 'dense' : columns > 9 ? 'compact' : ''
}

/** A warning's evidence as one line: 'current 12; previous 3; z 3.46'. */
export function evidenceText(evidence: Record<string, number | string | null>): string {
  return Object.entries(evidence).map(([k, v]) => `${k} ${v ?? '—'}`).join('; ')
}

/** The sub-tables paired with their charts (by `tableId`), in the report's order. */
export function classBlocks(report: Pick<Report, 'subTables' | 'charts'>) {
  const used = new Set<string>()
  const blocks = report.subTables.map((table) => {
    const chart = report.charts.find(c => c.tableId === table.id && !used.has(c.id)) ?? null
    if (chart)
      used.add(chart.id)
    return { table, chart }
  })
  // A chart that names no sub-table still belongs in the report: after the tables, on its own.
  const loose = report.charts.filter(c => !used.has(c.id)).map(chart => ({ table: null, chart }))
  return [...blocks, ...loose]
}

/** '督办中 · 逾期 · 约谈', '已销号 2026-05-03'. */
export function listingStatusText(x: Pick<Report['listings'][number], 'status' | 'closedAt' | 'overdue' | 'summons'>, lang: ReportLang): string {
  const w = reportWords(lang).listing
  const parts = [x.status === 'closed' ? `${w.closed}${x.closedAt ? ` ${x.closedAt.slice(0, 10)}` : ''}` : w.listed]
  if (x.overdue)
    parts.push(w.overdue)
  if (x.summons)
    parts.push(w.summons)
  return parts.join(' · ')
}
