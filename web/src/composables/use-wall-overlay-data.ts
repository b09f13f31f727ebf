import type { FeatureCollection } from 'geojson'
import type { WallScene } from '../api/wall-api.ts'
import type { WallOverlay, WallOverlayLayer } from '../logic/wall-overlays.ts'
import { onBeforeUnmount, watch } from 'vue'
import { blindSpotsApi } from '../api/blind-spots-api.ts'
import { api, unwrap, withSignal } from '../api/client.ts'
import { waterApi } from '../api/water-api.ts'
import { defaultHotspotSize } from '../logic/gistar-state.ts'
import { isWallOverlay } from '../logic/wall-overlays.ts'
import { scenePeriod } from '../logic/wall-scenes.ts'
import { blindSpotBreaks } from '../map/layers/blind-spots.ts'
import { GISTAR_SOURCE } from '../map/layers/gistar-cells.ts'
import { PATROL_SOURCE } from '../map/layers/patrol-source.ts'
import { WATER_SOURCES } from '../map/layers/water-source.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useWallStore } from '../stores/wall.ts'

const collection = (features: unknown[]): FeatureCollection => ({ type: 'FeatureCollection', features: features as FeatureCollection['features'] })

interface Load { scene: WallScene, region: string, month: string, isCity: boolean, signal: AbortSignal }
type Loaded = Pick<WallOverlay, 'sources' | 'breaks'>

/**
 * Each overlay from the API the workspace uses for it: Gi* over the hexagons of the scene's region
 * (1 km cells for a whole city, 500 m below), blind spots of the scene's months, the patrol zones
 * and the water zones, assets, routes and shoreline coverage of the region.
 */
const loaders: Record<WallOverlayLayer, (q: Load) => Promise<Loaded>> = {
  async gistar({ scene, region, month, isCity, signal }) {
    const { period, to } = scenePeriod(scene.period.months, month)
    const size = String(isCity ? 1000 : defaultHotspotSize('township')) as '500' | '1000'
    const query = { parent: region, grid: 'hex' as const, size, indicator: scene.indicator, period, to, correction: 'none' as const }
    const cells = await unwrap(api.api.hotspots.gistar.$get({ query }, withSignal(signal)))
    return { sources: { [GISTAR_SOURCE]: cells as unknown as FeatureCollection } }
  },
  async blindspots({ scene, region, month, signal }) {
    const spots = await blindSpotsApi.list({ region, months: String(scene.period.months), to: month, indicator: scene.indicator, size: '500' }, signal)
    const counts = spots.features.map(f => f.properties.uncovered)
    return {
      sources: { 'blind-spots': spots as unknown as FeatureCollection },
      breaks: blindSpotBreaks(spots.min, Math.max(spots.min, ...counts)),
    }
  },
  async patrol({ region, signal }) {
    const zones = await unwrap(api.api['patrol-zones'].$get({ query: { region } }, withSignal(signal)))
    return { sources: { [PATROL_SOURCE]: zones as unknown as FeatureCollection } }
  },
  async water({ region, signal }) {
    const water = api.api.water
    const [zones, assets, routes, coverage] = await Promise.all([
      unwrap(water.zones.$get({ query: { region } }, withSignal(signal))),
      unwrap(water.assets.$get({ query: { region } }, withSignal(signal))),
      unwrap(water.routes.$get({ query: { region } }, withSignal(signal))),
      waterApi.coverage(region, signal),
    ])
    return {
      sources: {
        [WATER_SOURCES.zones]: collection(zones.features),
        [WATER_SOURCES.assets]: collection(assets.features),
        [WATER_SOURCES.routes]: collection(routes.features),
        [WATER_SOURCES.shore]: collection(coverage.zones.flatMap(z => [
          { type: 'Feature', geometry: z.covered, properties: { zone: z.id, part: 'covered' } },
          { type: 'Feature', geometry: z.uncovered, properties: { zone: z.id, part: 'uncovered' } },
        ])),
      },
    }
  },
}

/**
 * Load the current scene's overlay layer (gistar, blind spots, patrol, water) into `wall.overlay`,
 * replacing the last one; other scenes clear it. Refetched when `revision` moves. A failed fetch
 * leaves no overlay rather than the last scene's, which would be drawn under the wrong title.
 */
export function useWallOverlayData() {
  const wall = useWallStore()
  const meta = useMetaStore()
  let abort: AbortController | null = null

  watch(() => [wall.sceneRun, wall.month, wall.revision, meta.meta] as const, async ([run]) => {
    const scene = wall.scene
    const region = wall.sceneRegion
    abort?.abort()
    if (!scene || !isWallOverlay(scene.layer)) {
      wall.overlay = null
      return
    }
    if (!region || !wall.month || !meta.meta)
      return
    if (wall.overlay && wall.overlay.run !== run)
      wall.overlay = null
    const ctl = abort = new AbortController()
    const layer = scene.layer
    try {
      const isCity = meta.meta.cities.some(c => c.code === region)
      const loaded = await loaders[layer]({ scene, region, month: wall.month, isCity, signal: ctl.signal })
      if (!ctl.signal.aborted)
        wall.overlay = { layer, run, ...loaded }
    }
    catch {
      // Aborted by the next scene, or failed: the legend says the layer has no data.
    }
  }, { immediate: true })

  onBeforeUnmount(() => abort?.abort())
}
