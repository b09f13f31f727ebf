import type { CategoryDef } from '../../server/src/catalog/indicator-catalog.ts'

export type { CategoryDef }

export interface DemoRegion {
  code: string
  level: 'city' | 'district' | 'township'
  parent: string | null
  population: number
  geometry: GeoJSON.MultiPolygon
}

/** One monthly aggregate for a non-geolocated sub-class. */
export interface DemoValue { region: string, indicator: string, month: string, value: number }

/** One point event for a geolocated sub-class; occurredAt carries an explicit +08:00 offset. */
export interface DemoEvent {
  id: string
  indicator: string
  occurredAt: string
  lon: number
  lat: number
  attrs: Record<string, string>
}

export const DEFAULT_SEED = 'riskmap-demo-v1'
