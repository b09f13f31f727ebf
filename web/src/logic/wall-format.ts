export type ChangeFlag = 'none' | 'notice' | 'warning'

export interface WallChange {
  previous: number | null
  change: number | null
  changePct: number | null
  z: number | null
  flag: ChangeFlag
}

export interface ChangeView {
  arrow: '▲' | '▼' | '＝' | ''
  /** `+12.5%`, `−3%`, or the absolute change when the previous value was 0 (no percentage then). */
  text: string
  flag: ChangeFlag
  direction: 'up' | 'down' | 'flat' | 'none'
}

/**
 * How a MoM/YoY change is shown on a tile: an arrow, the percentage (METHODS.md: empty when the
 * previous value is 0, so the absolute change is shown instead) and the significance flag that
 * colours it. Nothing to compare gives an empty view.
 */
export function changeView(c: WallChange | null | undefined, locale: string): ChangeView {
  if (!c || c.change === null || !Number.isFinite(c.change))
    return { arrow: '', text: '—', flag: 'none', direction: 'none' }
  const direction = c.change > 0 ? 'up' : c.change < 0 ? 'down' : 'flat'
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '＝'
  const magnitude = c.changePct !== null && Number.isFinite(c.changePct)
    ? `${Math.abs(c.changePct).toLocaleString(locale, { maximumFractionDigits: Math.abs(c.changePct) < 10 ? 1 : 0 })}%`
    : Math.abs(c.change).toLocaleString(locale, { maximumFractionDigits: 1 })
  const sign = direction === 'up' ? '+' : direction === 'down' ? '−' : ''
  return { arrow, text: `${sign}${magnitude}`, flag: c.flag, direction }
}

/** A tile's value: whole counts and days, percentages to one decimal; '—' for none. */
export function tileValue(value: number | null | undefined, unit: 'count' | 'percent' | 'days', locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value))
    return '—'
  if (unit === 'percent')
    return value.toLocaleString(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })
  return Math.round(value).toLocaleString(locale)
}

/** `HH:MM` of a moment in the wall's own clock, 24-hour, for the "data as of" banner. */
export function clockTime(at: Date | null): string {
  if (!at || Number.isNaN(at.getTime()))
    return '--:--'
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
}
