const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value)
}

function toIndex(month: string): number {
  const [, y, m] = MONTH.exec(month)!
  return Number(y) * 12 + Number(m) - 1
}

function fromIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String(index % 12 + 1).padStart(2, '0')}`
}

/** Every month from `first` to `last` inclusive; empty when either is invalid or they are reversed. */
export function monthRange(first: string, last: string): string[] {
  if (!isMonth(first) || !isMonth(last))
    return []
  const out: string[] = []
  for (let i = toIndex(first); i <= toIndex(last); i++)
    out.push(fromIndex(i))
  return out
}

export function compareMonths(a: string, b: string): number {
  return toIndex(a) - toIndex(b)
}

/** Clamp a month into [first, last]; undefined input gives `fallback`. */
export function clampMonth(month: string | undefined, first: string, last: string, fallback: string): string {
  if (!isMonth(month))
    return fallback
  if (compareMonths(month, first) < 0)
    return first
  if (compareMonths(month, last) > 0)
    return last
  return month
}
