import type { FeatureCollection } from 'geojson'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed } from 'vue'
import { listedLayers } from '../map/layers/listed-layers.ts'
import { LISTED_ID_PROPERTY, LISTED_SOURCE } from '../map/layers/listed-source.ts'
import { useListedStore } from '../stores/listed.ts'
import { useSelectableSource } from './use-selectable-source.ts'

/** Draw the listed hotspots: one GeoJSON source, status-coloured layers, and the selection as feature-state. */
export function useListedLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const listed = useListedStore()
  useSelectableSource(map, ready, {
    source: LISTED_SOURCE,
    promoteId: LISTED_ID_PROPERTY,
    layers: computed(() => listedLayers(listed.visible)),
    data: computed<FeatureCollection>(() => ({ type: 'FeatureCollection', features: listed.items as FeatureCollection['features'] })),
    selectedId: () => listed.selectedId,
  })
}
