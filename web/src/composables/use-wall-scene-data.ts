import type { RegionCollection } from '../api/client.ts'
import type { WallScene } from '../api/wall-api.ts'
import { onBeforeUnmount, watch } from 'vue'
import { api, unwrap, withSignal } from '../api/client.ts'
import { wallApi } from '../api/wall-api.ts'
import { quantileBreaks } from '../logic/wall-breaks.ts'
import { scenePeriod, sceneRegionQuery } from '../logic/wall-scenes.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useWallStore } from '../stores/wall.ts'

/** Region geometry changes only with a boundary import: keep the few sets a playlist cycles through. */
const GEOMETRY_CACHE_SIZE = 6

/**
 * Load what the map needs for the current scene: the regions (kept by code prefix), their figures
 * for the scene's period, hex cells for the hex layer, and the tour's stops. Everything but the
 * geometry refetches when `revision` moves.
 */
export function useWallSceneData() {
  const wall = useWallStore()
  const meta = useMetaStore()
  const geometry = new Map<string, RegionCollection>()
  let abort: AbortController | null = null

  async function regionsFor(level: WallScene['level'], parent: string | null, signal: AbortSignal) {
    const key = `${level}:${parent ?? ''}`
    const cached = geometry.get(key)
    if (cached)
      return cached
    const fc = await unwrap(api.api.regions.$get({ query: parent ? { level, parent } : { level } }, withSignal(signal)))
    if (geometry.size >= GEOMETRY_CACHE_SIZE)
      geometry.delete(geometry.keys().next().value!)
    geometry.set(key, fc)
    return fc
  }

  async function load(run: number, scene: WallScene, region: string, month: string, signal: AbortSignal) {
    const cities = (meta.meta?.cities ?? []).map(c => c.code)
    const { parent, prefix } = sceneRegionQuery(region, scene.level, cities)
    const { period, to } = scenePeriod(scene.period.months, month)
    const base = { level: scene.level, indicator: scene.indicator, period, to }
    const [all, choropleth, hexbins, tour] = await Promise.all([
      regionsFor(scene.level, parent, signal),
      unwrap(api.api.choropleth.$get({ query: parent ? { ...base, parent } : base }, withSignal(signal))),
      scene.layer === 'hexbins' ? unwrap(api.api.hotspots.hexbins.$get({ query: { parent: region, size: '500', indicator: scene.indicator, period, to } }, withSignal(signal))) : null,
      scene.kind === 'tour' ? wallApi.tour({ region, month, indicator: scene.indicator, limit: '5' }, signal) : null,
    ])
    const features = all.features.filter(f => f.properties.code.startsWith(prefix))
    const figures = new Map(choropleth.regions.filter(r => r.code.startsWith(prefix)).map(r => [r.code, r.value]))
    wall.regions = { ...all, features }
    wall.figures = figures
    wall.breaks = quantileBreaks([...figures.values()])
    wall.hexbins = hexbins
    wall.tourStops = tour?.stops ?? []
    wall.loadedRun = run
    wall.markFresh()
  }

  watch(() => [wall.sceneRun, wall.month, wall.revision, meta.meta] as const, () => {
    const scene = wall.scene
    const region = wall.sceneRegion
    abort?.abort()
    if (!scene || !region || !wall.month || !meta.meta)
      return
    const ctl = abort = new AbortController()
    load(wall.sceneRun, scene, region, wall.month, ctl.signal).catch(() => {
      // Kept: the last scene's data stays on screen; the stream banner tells when data is stale.
    })
  }, { immediate: true })

  onBeforeUnmount(() => abort?.abort())
}
