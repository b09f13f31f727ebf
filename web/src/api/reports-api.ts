import type { ClientResponse, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const health = api.api.reports.health

/** The health-check report (issue 7): one JSON the page, the XLSX and the DOCX are all drawn from. */
export type Report = Extract<InferResponseType<typeof health.$get, 200>, { kind: unknown }>
export type ReportKind = Report['kind']
export type ReportTable = Report['summary']
export type ReportColumn = ReportTable['columns'][number]
export type ReportRow = ReportTable['rows'][number]
export type ReportCellKind = ReportColumn['kind']
export type ReportCell = ReportRow['cells'][string]
export type ReportChart = Report['charts'][number]
export type ReportSection = Report['narrative']['zh'][number]
export type ReportWarning = Report['warnings'][number]
export type ReportListing = Report['listings'][number]

export interface ReportQuery {
  kind: ReportKind
  region: string
  period: string
  topic?: string
}

/** The report as JSON, or the address of its XLSX (a sheet per table) for a download. */
export const reportsApi = {
  get: (q: ReportQuery, signal?: AbortSignal) =>
    // The route also answers an XLSX body, so its inferred response is a union; format=json is the JSON one.
    unwrap(health.$get({ query: { ...q, format: 'json' } }, withSignal(signal)) as Promise<ClientResponse<Report>>),
  xlsxUrl: (q: ReportQuery) => {
    const params = new URLSearchParams({ kind: q.kind, region: q.region, period: q.period })
    if (q.topic)
      params.set('topic', q.topic)
    params.set('format', 'xlsx')
    return `/api/reports/health?${params}`
  },
}
