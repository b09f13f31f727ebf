import { compareMonths, monthRange } from './months.ts'

/** The server refuses emerging hot spots on fewer monthly steps (hotspots/emerging-service.ts). */
export const EMERGING_MIN_MONTHS = 10
/** Months used when the view shows a single month or a short range. */
export const EMERGING_DEFAULT_MONTHS = 12

export interface EmergingRange {
  from: string
  to: string
  months: number
  /** true when the view's own period was too short and the range was widened backwards. */
  widened: boolean
}

function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - n
  return `${Math.floor(index / 12)}-${String(index % 12 + 1).padStart(2, '0')}`
}

/**
 * The months an emerging hot spot run covers: the view's range when it has at least ten months,
 * otherwise the twelve months ending at the view's last month, cut at the first month with data.
 * Null without a period. The result may still be under ten months when the data is that short;
 * the server then answers too_few_months, which the layer shows.
 */
export function emergingRange(view: { period: string | null, to: string | null }, dataFrom: string | null): EmergingRange | null {
  if (!view.period)
    return null
  const end = view.to ?? view.period
  const own = monthRange(view.period, end)
  if (own.length >= EMERGING_MIN_MONTHS)
    return { from: view.period, to: end, months: own.length, widened: false }
  let from = monthsBefore(end, EMERGING_DEFAULT_MONTHS - 1)
  if (dataFrom && compareMonths(from, dataFrom) < 0)
    from = compareMonths(dataFrom, view.period) < 0 ? dataFrom : view.period
  return { from, to: end, months: monthRange(from, end).length, widened: true }
}
