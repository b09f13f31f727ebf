import type { Credentials } from './auth-headers.ts'

export interface EventTileQuery {
  indicator: string
  period: string
  to?: string | null
}

/**
 * The vector tile template for the event layers. MapLibre fills in `{z}/{x}/{y}` itself, so the
 * braces stay literal and only the query values are encoded. Absolute, because tile requests are
 * made from a worker and a relative URL would resolve against the worker script.
 */
export function eventTilesUrl(origin: string, query: EventTileQuery): string {
  const params = new URLSearchParams({ indicator: query.indicator, period: query.period })
  if (query.to)
    params.set('to', query.to)
  return `${origin}/api/tiles/events/{z}/{x}/{y}.mvt?${params.toString()}`
}

/**
 * What MapLibre's `transformRequest` should send for `url`: a same-origin API request carries the
 * bearer token when the tab uses one (a wall display); the cookie session travels on its own.
 * Nothing is added for other hosts, so a token never leaks to a configured basemap server.
 */
export function tileRequest(url: string, origin: string, credentials: Pick<Credentials, 'bearer'>): { url: string, headers?: Record<string, string> } {
  if (!credentials.bearer || !url.startsWith(`${origin}/api/`))
    return { url }
  return { url, headers: { Authorization: `Bearer ${credentials.bearer}` } }
}
