import type { WallOverlay } from './wall-overlays.ts'
import type { WallLayer } from './wall-scenes.ts'
import { BLIND_SPOT_COLORS } from '../map/layers/blind-spots.ts'
import { ASSET_COLORS, DANGER_COLORS, ROUTE_COLOR, SHORE_COLORS } from '../map/layers/water-source.ts'
import { classColors, NO_DATA_COLOR } from './color-ramp.ts'
import { CATEGORY_COLORS, categoryOf } from './event-colors.ts'
import { GI_CLASSES } from './gistar-classes.ts'
import { hexClasses } from './hex-classes.ts'
import { PATROL_COLORS, PATROL_TYPES } from './patrol-types.ts'
import { ASSET_TYPES, DANGER_LEVELS } from './water-form.ts'

/**
 * An i18n key with its parameters (a parameter may itself be a key to translate first), or an
 * indicator whose catalogue name is the text.
 */
export type LegendText = { key: string, params?: Record<string, string | number | { key: string }> } | { indicator: string }

export interface LegendItem {
  color: string
  /** How the swatch is drawn: an area, a line, a dashed line or a dot. */
  shape: 'fill' | 'line' | 'dash' | 'dot'
  label: LegendText
}

export interface WallLegendSpec {
  title: LegendText
  items: LegendItem[]
  /** A continuous ramp (the heatmap), drawn as one bar from low to high. */
  ramp?: string[]
}

export interface LegendInput {
  layer: WallLayer
  indicator: string
  /** Choropleth class edges of the regions on show. */
  breaks: readonly number[]
  /** Whether some region on show has no figure. */
  noData: boolean
  hexCounts: readonly number[]
  overlay: Pick<WallOverlay, 'layer' | 'breaks'> | null
}

/** Same stops as the workspace heatmap (map/layers/events-heatmap.ts), low to high. */
const HEAT_RAMP = ['rgba(40, 120, 255, 0.5)', 'rgba(56, 225, 255, 0.8)', '#9dff8a', '#ffe45c', '#ffffff']

/** Class edges of counts read best whole; small edges keep one decimal so classes stay apart. */
const num = (v: number) => String(Math.abs(v) >= 10 ? Math.round(v) : Math.round(v * 10) / 10)
function range(from: number, to: number): LegendText {
  return from === to
    ? { key: 'wall.legend.exactly', params: { value: num(from) } }
    : { key: 'wall.legend.range', params: { from: num(from), to: num(to) } }
}

function choropleth(input: LegendInput): WallLegendSpec {
  const items: LegendItem[] = classColors(input.breaks).reverse().map(c => ({ color: c.color, shape: 'fill', label: range(c.from, c.to) }))
  if (input.noData)
    items.push({ color: NO_DATA_COLOR, shape: 'fill', label: { key: 'wall.legend.noData' } })
  return { title: { key: 'wall.legend.choropleth' }, items }
}

function blindSpots(breaks: readonly number[]): LegendItem[] {
  return BLIND_SPOT_COLORS.map((color, i) => {
    const from = breaks[i] ?? 1
    const next = breaks[i + 1]
    return { color, shape: 'fill' as const, label: next === undefined ? { key: 'wall.legend.atLeast', params: { value: from } } : range(from, next - 1) }
  }).reverse()
}

function water(): LegendItem[] {
  return [
    ...[...DANGER_LEVELS].reverse().map(d => ({ color: DANGER_COLORS[d], shape: 'fill' as const, label: { key: 'wall.legend.danger', params: { level: { key: `water.danger.${d}` } } } })),
    { color: SHORE_COLORS.uncovered, shape: 'line', label: { key: 'water.coverage.uncovered' } },
    { color: SHORE_COLORS.covered, shape: 'line', label: { key: 'water.coverage.covered' } },
    ...ASSET_TYPES.map(a => ({ color: ASSET_COLORS[a], shape: 'dot' as const, label: { key: `water.asset.${a}` } })),
    { color: ROUTE_COLOR, shape: 'dash', label: { key: 'water.legend.routes' } },
  ]
}

/** What the legend shows for the scene on screen: its classes, colours and labels, in display order. */
export function wallLegend(input: LegendInput): WallLegendSpec {
  const overlay = input.overlay?.layer === input.layer ? input.overlay : null
  switch (input.layer) {
    case 'gistar':
      return { title: { key: 'wall.legend.gistar' }, items: GI_CLASSES.map(c => ({ color: c.color, shape: 'fill', label: { key: `hotspots.gistar.bins.${c.key}` } })) }
    case 'blindspots':
      return { title: { key: 'wall.legend.blindspots' }, items: overlay ? blindSpots(overlay.breaks ?? []) : [] }
    case 'patrol':
      return { title: { key: 'wall.legend.patrol' }, items: PATROL_TYPES.map(p => ({ color: PATROL_COLORS[p], shape: p === 'drone_night_route' ? 'dash' : 'fill', label: { key: `patrol.type.${p}` } })) }
    case 'water':
      return { title: { key: 'wall.legend.water' }, items: water() }
    case 'heatmap':
      return { title: { key: 'wall.legend.heatmap' }, items: [], ramp: HEAT_RAMP }
    case 'hexbins':
      return { title: { key: 'wall.legend.hexbins' }, items: hexClasses(input.hexCounts).reverse().map(c => ({ color: c.color, shape: 'fill', label: range(c.from, c.to) })) }
    case 'points': {
      const only = categoryOf(input.indicator)
      const categories = only ? [only] : Object.keys(CATEGORY_COLORS)
      return { title: { key: 'wall.legend.points' }, items: categories.map(c => ({ color: CATEGORY_COLORS[c]!, shape: 'dot', label: { indicator: c } })) }
    }
    default:
      return choropleth(input)
  }
}
