/** An early warning as the stream announces it (`event: warning`, health contract). */
export interface WallWarning {
  id: number
  severity: 'notice' | 'warning'
  region: string
  regionName: string
  indicator: string
  message: { zh: string, en: string }
  period: string
  at: string
}

/** A ticker line (the shape of `/api/wall/ticker` items). */
export interface TickerLine {
  kind: 'event' | 'import' | 'warning'
  at: string
  text: { zh: string, en: string }
  indicator?: string
  region?: string
  severity?: 'notice' | 'warning'
}

/** Warnings heard live that the wall keeps, newest first. */
export const MAX_LIVE_WARNINGS = 10

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0

/** The warning in a stream message's data, or null when it is not one (the stream is not trusted blindly). */
export function parseWarning(data: unknown): WallWarning | null {
  const w = data as Partial<WallWarning> | null
  if (!w || typeof w !== 'object' || !Number.isInteger(w.id) || !isText(w.region) || !isText(w.at) || Number.isNaN(Date.parse(w.at)))
    return null
  if (!w.message || !isText(w.message.zh))
    return null
  return {
    id: w.id!,
    severity: w.severity === 'warning' ? 'warning' : 'notice',
    region: w.region,
    regionName: isText(w.regionName) ? w.regionName : w.region,
    indicator: isText(w.indicator) ? w.indicator : '',
    message: { zh: w.message.zh, en: isText(w.message.en) ? w.message.en : w.message.zh },
    period: isText(w.period) ? w.period : '',
    at: w.at,
  }
}

/** `warning` added to the live list, newest first, once per id, at most MAX_LIVE_WARNINGS. */
export function addWarning(list: readonly WallWarning[], warning: WallWarning): WallWarning[] {
  return [warning, ...list.filter(w => w.id !== warning.id)].slice(0, MAX_LIVE_WARNINGS)
}

/**
 * The ticker's lines: the server's latest items with the live warnings it does not list yet
 * (the same region and message is the same warning), newest first.
 */
export function tickerLines(server: readonly TickerLine[], live: readonly WallWarning[]): TickerLine[] {
  const listed = new Set(server.filter(i => i.kind === 'warning').map(i => `${i.region ?? ''}|${i.text.zh}`))
  const extra: TickerLine[] = live
    .filter(w => !listed.has(`${w.region}|${w.message.zh}`))
    .map(w => ({ kind: 'warning', at: w.at, text: w.message, indicator: w.indicator, region: w.region, severity: w.severity }))
  return [...extra, ...server].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
}
