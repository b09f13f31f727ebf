import type { CoverageView } from './coverage-state.ts'
import { coverageToken, parseCoverageToken } from './coverage-state.ts'

/** Hex cell sizes (metres, centre to centre across flats) the server keeps counts for. */
export const HEX_SIZES = [250, 500, 1000] as const
export type HexSize = (typeof HEX_SIZES)[number]

/** Which map layers are switched on; the choropleth is on unless turned off. */
export interface LayerToggles {
  choropleth: boolean
  points: boolean
  heatmap: boolean
  hexbins: boolean
  hexSize: HexSize
  /** Response units on the map (`units`); absent when off. */
  units?: boolean
  /** Patrol zones and routes on the map (`patrol`); absent when off. */
  patrol?: boolean
  /** The patrol plan on show, its posts and route (`plans`); absent when off. */
  plans?: boolean
  /** Blind spots: hexagons with events beyond 5-minute reach (`blindspots`); absent when off. */
  blindspots?: boolean
  /** Drowning prevention: water zones, assets, drone routes, shoreline coverage (`water`); absent when off. */
  water?: boolean
  /** Supervision listings (挂牌督办): listed regions outlined, overdue ones hatched (`supervision`); absent when off. */
  supervision?: boolean
  /** The choropleth coloured by 1/3/5-minute coverage instead of the indicator (`cover3`, `cover5m12`). */
  coverage?: CoverageView
}

export const DEFAULT_LAYERS: Readonly<LayerToggles> = {
  choropleth: true,
  points: false,
  heatmap: false,
  hexbins: false,
  hexSize: 500,
}

const HEX_TOKEN = /^hex(250|500|1000)$/

/**
 * Read the `layers` query value, a comma list such as `choropleth,points,hex500`. A missing value
 * means the default (the choropleth alone), so links from before the event layers still open the
 * same view; unknown tokens are ignored.
 */
export function parseLayers(value: string | undefined): LayerToggles {
  if (value === undefined)
    return { ...DEFAULT_LAYERS }
  const tokens = new Set(value.slice(0, 200).split(','))
  const hex = [...tokens].map(t => HEX_TOKEN.exec(t)).find(m => m !== null)
  const coverage = [...tokens].map(parseCoverageToken).find(c => c !== null)
  return {
    choropleth: tokens.has('choropleth'),
    points: tokens.has('points'),
    heatmap: tokens.has('heatmap'),
    hexbins: hex !== undefined,
    hexSize: hex ? Number(hex[1]) as HexSize : DEFAULT_LAYERS.hexSize,
    ...(tokens.has('units') ? { units: true } : {}),
    ...(tokens.has('patrol') ? { patrol: true } : {}),
    ...(tokens.has('plans') ? { plans: true } : {}),
    ...(tokens.has('blindspots') ? { blindspots: true } : {}),
    ...(tokens.has('water') ? { water: true } : {}),
    ...(tokens.has('supervision') ? { supervision: true } : {}),
    ...(coverage ? { coverage } : {}),
  }
}

/** The `layers` query value, or undefined for the default so existing links stay as they were. */
export function serializeLayers(layers: LayerToggles): string | undefined {
  const tokens: string[] = []
  if (layers.choropleth)
    tokens.push('choropleth')
  if (layers.points)
    tokens.push('points')
  if (layers.heatmap)
    tokens.push('heatmap')
  if (layers.hexbins)
    tokens.push(`hex${layers.hexSize}`)
  if (layers.units)
    tokens.push('units')
  if (layers.patrol)
    tokens.push('patrol')
  if (layers.plans)
    tokens.push('plans')
  if (layers.blindspots)
    tokens.push('blindspots')
  if (layers.water)
    tokens.push('water')
  if (layers.supervision)
    tokens.push('supervision')
  if (layers.coverage)
    tokens.push(coverageToken(layers.coverage))
  const value = tokens.join(',')
  return value === 'choropleth' ? undefined : value
}
