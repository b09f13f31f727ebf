import type { MapLevel } from './url-state.ts'

export type WallLayer = 'choropleth' | 'points' | 'heatmap' | 'hexbins' | 'gistar' | 'blindspots' | 'patrol' | 'water'

export interface WallCamera { center: [number, number], zoom: number, bearing?: number, pitch?: number }

/** The parts of a playlist scene (wall contract) the rotation needs. */
export interface WallSceneLike {
  kind: 'map' | 'tour'
  layer: WallLayer
  indicator: string
  region: string | null
  level: MapLevel
  period: { months: number }
  camera: WallCamera | null
  durationS?: number
}

/** The shortest a scene may show, whatever the playlist or URL asks: the map needs time to draw. */
export const MIN_SCENE_MS = 2000
/** The shortest a tour stop may show: the flight plus time to read its line. */
export const MIN_TOUR_STOP_MS = 2500

/** How long `scene` stays up: its own duration, else the URL override, else the playlist interval. */
export function sceneDurationMs(scene: Pick<WallSceneLike, 'durationS'>, intervalS: number, overrideS: number | null = null): number {
  const seconds = overrideS ?? scene.durationS ?? intervalS
  return Math.max(MIN_SCENE_MS, Math.round(seconds * 1000))
}

/** Index of the scene after `index` in a playlist of `count`, wrapping round. */
export function nextScene(index: number, count: number): number {
  return count <= 0 ? 0 : (index + 1) % count
}

function monthIndex(month: string): number {
  const [y, m] = month.split('-').map(Number)
  return y! * 12 + m! - 1
}

function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String(index % 12 + 1).padStart(2, '0')}`
}

/** The `period`/`to` query for the last `months` months ending at `month` (YYYY-MM). */
export function scenePeriod(months: number, month: string): { period: string, to: string } {
  return { period: monthOf(monthIndex(month) - Math.max(1, months) + 1), to: month }
}

/**
 * How to ask for the regions of a scene at `level` under `region`. When `level` is the region's
 * own child level the server filters by `parent`; otherwise (the townships of a whole city, or a
 * region shown at its own level) every region of the level is asked for and kept by code prefix
 * (GB/T 2260: descendants share the significant digits of their ancestor's code).
 */
export function sceneRegionQuery(region: string, level: MapLevel, cityCodes: readonly string[]): { parent: string | null, prefix: string } {
  const isCity = cityCodes.includes(region)
  const isDistrict = !isCity && region.length === 6
  const childOf = isCity ? 'district' : isDistrict ? 'township' : null
  const prefix = region.length === 6 ? region.replace(/(?:00)+$/, '') : region
  return { parent: childOf === level ? region : null, prefix }
}

/** How long each of `stops` tour stops shows within a scene of `sceneMs`. */
export function tourStopMs(sceneMs: number, stops: number): number {
  return stops <= 0 ? sceneMs : Math.max(MIN_TOUR_STOP_MS, Math.floor(sceneMs / stops))
}
