import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { watch } from 'vue'
import { reconcileLayers } from '../map/reconcile.ts'

export interface SelectableSourceOptions {
  /** The GeoJSON source id. */
  source: string
  /** The property that becomes the feature id, for feature-state. */
  promoteId: string
  /** The layers drawing the source, bottom to top; reconciled whenever they change. */
  layers: Readonly<Ref<LayerSpecification[]>>
  data: Readonly<Ref<FeatureCollection>>
  /** The selected feature's id, marked by feature-state `selected`. */
  selectedId: () => number | null
}

/**
 * One GeoJSON source, its layers and the selection as feature-state: the shape every editable
 * feature on the map shares (listed hotspots, units, patrol zones). Returns the source getter
 * (it adds the source on first use).
 */
export function useSelectableSource(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>, options: SelectableSourceOptions) {
  let applied: LayerSpecification[] = []
  let selected: number | null = null

  function source(instance: MapLibreMap): GeoJSONSource {
    if (!instance.getSource(options.source))
      instance.addSource(options.source, { type: 'geojson', data: options.data.value, promoteId: options.promoteId })
    return instance.getSource(options.source) as GeoJSONSource
  }

  function markSelected(instance: MapLibreMap) {
    if (selected !== null)
      instance.setFeatureState({ source: options.source, id: selected }, { selected: false })
    selected = options.selectedId()
    if (selected !== null)
      instance.setFeatureState({ source: options.source, id: selected }, { selected: true })
  }

  watch([ready, options.layers], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    source(map.value)
    reconcileLayers(map.value, applied, next)
    applied = next
  }, { immediate: true })

  watch([ready, options.data], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    source(map.value).setData(next)
    markSelected(map.value)
  }, { immediate: true })

  watch(options.selectedId, () => map.value && ready.value && markSelected(map.value))

  return { source }
}
