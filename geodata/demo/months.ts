/** The `count` months ending with `endMonth` (inclusive), oldest first, as YYYY-MM. */
export function demoMonths(endMonth: string, count = 24): string[] {
  const match = /^(\d{4})-(\d{2})$/.exec(endMonth)
  if (!match)
    throw new Error(`endMonth must be YYYY-MM, got ${endMonth}`)
  const end = Number(match[1]) * 12 + Number(match[2]) - 1
  if (Number(match[2]) < 1 || Number(match[2]) > 12)
    throw new Error(`bad month in ${endMonth}`)
  const months: string[] = []
  for (let i = end - count + 1; i <= end; i++) months.push(formatMonth(i))
  return months
}

function formatMonth(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** 0 = January. */
export function monthOfYear(month: string): number {
  return Number(month.slice(5, 7)) - 1
}

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), monthOfYear(month) + 1, 0)).getUTCDate()
}

/** Months since the middle of the window, in years: negative early, positive late. */
export function yearsFromMiddle(index: number, count: number): number {
  return (index - (count - 1) / 2) / 12
}
