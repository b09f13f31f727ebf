/** 'YYYY-MM' for one month, 'YYYY-MM – YYYY-MM' for a range (the server echoes `to` = period for one month). */
export function periodLabel(period: string | undefined, to?: string | null): string {
  if (!period)
    return ''
  return to && to !== period ? `${period} – ${to}` : period
}
