/** Numbers for display: integers stay whole, rates keep up to two decimals. */
export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value))
    return '—'
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) < 10 ? 2 : 1
  return value.toLocaleString(locale, { maximumFractionDigits: digits })
}

export function formatSigned(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value))
    return '—'
  const text = formatNumber(Math.abs(value), locale)
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text
}

/** `changePct` is a percentage already (12.5 means +12.5%). */
export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value))
    return '—'
  const text = Math.abs(value).toLocaleString(locale, { maximumFractionDigits: 1 })
  return value > 0 ? `+${text}%` : value < 0 ? `−${text}%` : `${text}%`
}

/** A timestamp as local date and time, to the second; '—' for none. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso)
    return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime()))
    return iso
  return date.toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
}
