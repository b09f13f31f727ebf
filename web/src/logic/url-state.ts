import type { Classify, Compare, Normalize } from '../api/client.ts'
import type { HotspotView } from './gistar-state.ts'
import type { LayerToggles } from './map-layer-toggles.ts'
import { parseTray, serializeTray } from './compare-tray.ts'
import { parseHotspotQuery, serializeHotspotQuery } from './gistar-state.ts'
import { DEFAULT_LAYERS, parseLayers, serializeLayers } from './map-layer-toggles.ts'
import { isMonth } from './months.ts'

export type MapLevel = 'district' | 'township'
export type Lang = 'zh-CN' | 'en'

/** Everything needed to reopen a view exactly: it lives in the URL query. */
export interface ViewState {
  /** City whose districts form the root level. */
  city: string | null
  level: MapLevel
  /** City code at district level, district code at township level. */
  parent: string | null
  indicator: string
  period: string | null
  to: string | null
  normalize: Normalize
  compare: Compare
  classify: Classify
  k: number
  selected: string | null
  lang: Lang
  /** Map layers switched on (`layers=choropleth,points,heatmap,hex500`). */
  layers: LayerToggles
  /** The hot spot analysis on show (`hotspot=gistar&hsize=500&correction=none`); absent when off. */
  hotspot?: HotspotView
  /** The regions in the compare tray (`tray=a,b,c`; not `compare=`, which is MoM/YoY); absent when empty. */
  tray?: string[]
  /** The map coloured by the composite risk index (`indicator=risk_index`); `indicator` is then 'all'. */
  theme?: 'risk_index'
}

export const DEFAULT_VIEW: Readonly<ViewState> = {
  city: null,
  level: 'district',
  parent: null,
  indicator: 'all',
  period: null,
  to: null,
  normalize: 'none',
  compare: 'none',
  classify: 'quantile',
  k: 5,
  selected: null,
  lang: 'zh-CN',
  layers: DEFAULT_LAYERS,
}

type QueryValue = string | null | undefined | (string | null)[]
export type RawQuery = Record<string, QueryValue>

const REGION_CODE = /^\d{6}(?:\d{6})?$/
const INDICATOR_CODE = /^(?:all|[A-D](?:\d{1,2}(?:-\d{2})?)?)$/

function first(value: QueryValue): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? value as T : fallback
}

function regionCode(value: string | undefined): string | null {
  return value && REGION_CODE.test(value) ? value : null
}

/** Read a view from a query; anything invalid falls back to its default rather than failing. */
export function parseViewQuery(query: RawQuery): ViewState {
  const level = oneOf(first(query.level), ['district', 'township'] as const, DEFAULT_VIEW.level)
  const parent = regionCode(first(query.parent))
  const kRaw = Number(first(query.k))
  const period = first(query.period)
  const to = first(query.to)
  const indicator = first(query.indicator)
  const townshipWithoutParent = level === 'township' && !parent
  const tray = parseTray(first(query.tray))
  return {
    city: level === 'district' ? parent : regionCode(first(query.city)),
    level: townshipWithoutParent ? 'district' : level,
    parent: townshipWithoutParent ? regionCode(first(query.city)) : parent,
    indicator: indicator && INDICATOR_CODE.test(indicator) ? indicator : DEFAULT_VIEW.indicator,
    period: isMonth(period) ? period : null,
    to: isMonth(to) && isMonth(period) && to > period ? to : null,
    normalize: oneOf(first(query.normalize), ['none', 'per10k'] as const, DEFAULT_VIEW.normalize),
    compare: oneOf(first(query.compare), ['none', 'mom', 'yoy'] as const, DEFAULT_VIEW.compare),
    classify: oneOf(first(query.classify), ['quantile', 'jenks', 'equal'] as const, DEFAULT_VIEW.classify),
    k: Number.isInteger(kRaw) && kRaw >= 3 && kRaw <= 9 ? kRaw : DEFAULT_VIEW.k,
    selected: regionCode(first(query.selected)),
    lang: oneOf(first(query.lang), ['zh-CN', 'en'] as const, DEFAULT_VIEW.lang),
    layers: parseLayers(first(query.layers)),
    hotspot: parseHotspotQuery(query),
    ...(tray.length ? { tray } : {}),
    ...(indicator === 'risk_index' ? { theme: 'risk_index' as const } : {}),
  }
}

/** Write a view to a query, in a stable key order; the city is written only where `parent` does not imply it. */
export function serializeViewQuery(view: ViewState): Record<string, string> {
  const out: Record<string, string> = { level: view.level }
  if (view.parent)
    out.parent = view.parent
  if (view.city && view.level === 'township')
    out.city = view.city
  out.indicator = view.theme === 'risk_index' ? 'risk_index' : view.indicator
  if (view.period)
    out.period = view.period
  if (view.to)
    out.to = view.to
  out.normalize = view.normalize
  out.compare = view.compare
  out.classify = view.classify
  out.k = String(view.k)
  if (view.selected)
    out.selected = view.selected
  out.lang = view.lang
  const layers = serializeLayers(view.layers)
  if (layers !== undefined)
    out.layers = layers
  Object.assign(out, serializeHotspotQuery(view.hotspot))
  const tray = serializeTray(view.tray ?? [])
  if (tray)
    out.tray = tray
  return out
}

export function sameQuery(a: RawQuery, b: RawQuery): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    if ((first(a[key]) ?? null) !== (first(b[key]) ?? null))
      return false
  }
  return true
}
