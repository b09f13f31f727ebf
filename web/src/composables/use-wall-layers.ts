import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { fillColorExpression } from '../logic/color-ramp.ts'
import { eventTilesUrl } from '../logic/event-tiles.ts'
import { DEFAULT_HEAT_INTENSITY } from '../logic/heatmap-scale.ts'
import { hexClasses, hexFillColor } from '../logic/hex-classes.ts'
import { wallToggles } from '../logic/wall-layers.ts'
import { scenePeriod } from '../logic/wall-scenes.ts'
import { eventLayers } from '../map/layers/events-layers.ts'
import { EVENTS_SOURCE, HEXBINS_SOURCE } from '../map/layers/events-source.ts'
import { thematicLayers } from '../map/layers/index.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { CONTEXT_SOURCE, EMPTY_COLLECTION, REGIONS_SOURCE } from '../map/sources.ts'
import { useWallStore } from '../stores/wall.ts'

/**
 * The scene's data on the one map: region geometry and per-region figures (feature state), the
 * event tiles for the scene's period (setTiles), hex cells, and the layer specs reconciled in
 * place. `epoch` moves after a WebGL context restore: MapLibre rebuilds the style (layers and
 * sources) from its snapshot, and the data and feature state are applied again over it.
 */
export function useWallLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>, epoch: Ref<number>) {
  const wall = useWallStore()
  let applied: LayerSpecification[] = []

  const tilesUrl = computed(() => {
    const scene = wall.scene
    if (!scene || !wall.month)
      return null
    return eventTilesUrl(window.location.origin, { indicator: scene.indicator, ...scenePeriod(scene.period.months, wall.month) })
  })
  const layers = computed(() => {
    const toggles = wallToggles(wall.scene?.layer ?? 'choropleth')
    return [
      ...thematicLayers({ fillColor: fillColorExpression(wall.breaks, 'metric'), contextParent: null, choropleth: toggles.choropleth }),
      ...eventLayers({
        toggles,
        hexFillColor: hexFillColor(hexClasses((wall.hexbins?.features ?? []).map(f => Number(f.properties?.count)))),
        heatIntensity: DEFAULT_HEAT_INTENSITY,
      }),
    ]
  })

  function applyFigures(instance: MapLibreMap) {
    for (const f of wall.regions?.features ?? [])
      instance.setFeatureState({ source: REGIONS_SOURCE, id: f.properties.code }, { metric: wall.figures.get(f.properties.code) ?? null })
  }

  function syncEventSources(instance: MapLibreMap, url: string) {
    const source = instance.getSource(EVENTS_SOURCE) as VectorTileSource | undefined
    if (!source)
      instance.addSource(EVENTS_SOURCE, { type: 'vector', tiles: [url], minzoom: 0, maxzoom: 16 })
    else if (source.tiles?.[0] !== url)
      source.setTiles([url])
    if (!instance.getSource(HEXBINS_SOURCE))
      instance.addSource(HEXBINS_SOURCE, { type: 'geojson', data: EMPTY_COLLECTION })
  }

  watch([ready, epoch, () => wall.regions], ([isReady]) => {
    const instance = map.value
    if (!isReady || !instance)
      return
    const regions = instance.getSource(REGIONS_SOURCE) as GeoJSONSource
    const context = instance.getSource(CONTEXT_SOURCE) as GeoJSONSource
    regions.setData(wall.regions ?? EMPTY_COLLECTION)
    context.setData(EMPTY_COLLECTION)
    applyFigures(instance)
  }, { immediate: true })

  watch([ready, epoch, () => wall.figures], ([isReady]) => {
    if (isReady && map.value)
      applyFigures(map.value)
  })

  watch([ready, epoch, tilesUrl, layers], ([isReady, , url, next]) => {
    const instance = map.value
    if (!isReady || !instance || !url)
      return
    syncEventSources(instance, url)
    reconcileLayers(instance, applied, next)
    applied = next
  }, { immediate: true })

  watch([ready, epoch, tilesUrl, () => wall.hexbins], ([isReady, , url]) => {
    const source = isReady && url ? map.value?.getSource(HEXBINS_SOURCE) as GeoJSONSource | undefined : undefined
    source?.setData(wall.hexbins ?? EMPTY_COLLECTION)
  }, { immediate: true })
}
