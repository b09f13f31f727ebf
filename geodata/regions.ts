import type { FeatureCollection, MultiPolygon } from 'geojson'
import { readFileSync } from 'node:fs'

export type RegionLevel = 'city' | 'district' | 'township'

/** Properties of every feature in out/regions*.geojson; README.md explains each flag. */
export interface RegionFeatureProps {
  /** 6-digit GB/T 2260 code for cities and districts, 12-digit NBS statistical code for townships. */
  code: string
  name: string
  level: RegionLevel
  parent: string | null
  population: number
  /** True when the population is a seeded stand-in, not a census figure. */
  populationSynthetic: boolean
  /** True when the geometry is not the real boundary (synthetic townships, partial cities). */
  approximate: boolean
  /** Where the geometry came from. */
  source: string
}

export type RegionCollection = FeatureCollection<MultiPolygon, RegionFeatureProps>

const FILES = {
  full: new URL('./out/regions.geojson', import.meta.url),
  display: new URL('./out/regions-display.geojson', import.meta.url),
} as const

/** Reads the committed boundaries in WGS84: 'full' for analysis, 'display' (≈50 m, shared borders kept) for maps. */
export function loadRegions(kind: 'full' | 'display'): RegionCollection {
  return JSON.parse(readFileSync(FILES[kind], 'utf8')) as RegionCollection
}
