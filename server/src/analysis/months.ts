/** Calendar-month arithmetic on 'YYYY-MM' strings. */
export function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1
}

export function monthFromIndex(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`
}

export function addMonths(m: string, n: number): string {
  return monthFromIndex(monthIndex(m) + n)
}

export function monthSpan(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from) + 1
}

export function monthRange(from: string, to: string): string[] {
  return Array.from({ length: monthSpan(from, to) }, (_, i) => addMonths(from, i))
}
