import type { Ref } from 'vue'
import type { Report, ReportQuery } from '../api/reports-api.ts'
import type { ReportLang } from '../logic/report-format.ts'
import { downloadBlob } from '../api/listed-api.ts'
import { reportsApi } from '../api/reports-api.ts'
import { dispositionFilename } from '../logic/listed-filters.ts'
import { reportChartPng } from './use-report-chart.ts'
import { useSubmit } from './use-submit.ts'

function save(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
}

/** The PNG of every report chart drawn inside `root`, by chart id. */
export function collectChartPngs(root: ParentNode): Map<string, string> {
  const out = new Map<string, string>()
  for (const el of root.querySelectorAll<HTMLElement>('[data-report-chart]')) {
    const png = reportChartPng(el)
    if (png)
      out.set(el.dataset.reportChart!, png)
  }
  return out
}

/**
 * The report's exports: XLSX from the server (every table, a sheet each), DOCX built here from the
 * report JSON and the charts on the page. `docx` is loaded only when a DOCX is asked for.
 */
export function useReportExport(report: Ref<Report | null>, query: () => ReportQuery | null, lang: () => ReportLang, page: () => ParentNode | null) {
  const { pending, error, run } = useSubmit()
  const base = (r: Report) => `health-${r.kind}-${r.region.code}-${r.period.from === r.period.to ? r.period.from : `${r.period.from}_${r.period.to}`}`

  const xlsx = () => run(async () => {
    const q = query()
    if (!q || !report.value)
      return
    const { blob, disposition } = await downloadBlob(reportsApi.xlsxUrl(q))
    save(blob, dispositionFilename(disposition, `${base(report.value)}.xlsx`))
  })

  const docx = () => run(async () => {
    const r = report.value
    const root = page()
    if (!r || !root)
      return
    const { buildReportDocx } = await import('../logic/report-docx.ts')
    save(await buildReportDocx(r, lang(), collectChartPngs(root)), `${base(r)}-${lang()}.docx`)
  })

  return { pending, error, xlsx, docx }
}
