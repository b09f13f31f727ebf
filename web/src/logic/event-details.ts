/**
 * A timestamp as wall-clock time in Asia/Shanghai, whatever the viewer's time zone: event times
 * are recorded and reported in Beijing time (UTC+8, no daylight saving).
 */
export function formatShanghaiTime(iso: string | null | undefined, locale: string): string {
  if (!iso)
    return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime()))
    return iso
  return date.toLocaleString(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
}

/** `lon, lat` to six decimals (about 0.1 m), the precision events are stored with. */
export function formatCoordinates(lon: number | null | undefined, lat: number | null | undefined): string {
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
    return '—'
  return `${lon.toFixed(6)}, ${lat.toFixed(6)}`
}

/** An event's free-form attributes as sorted rows; nested values are shown as JSON. */
export function attributeRows(attrs: unknown): { key: string, value: string }[] {
  if (!attrs || typeof attrs !== 'object' || Array.isArray(attrs))
    return []
  return Object.entries(attrs as Record<string, unknown>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value: value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value) }))
}
