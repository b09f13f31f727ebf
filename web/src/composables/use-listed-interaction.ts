import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { LISTED_CLICK_LAYERS } from '../map/layers/listed-layers.ts'
import { useListedStore } from '../stores/listed.ts'
import { useFeatureClick } from './use-feature-click.ts'

/** A click on a listed hotspot opens it; the region underneath is not also selected. */
export function useListedInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const listed = useListedStore()
  useFeatureClick(map, ready, { layers: LISTED_CLICK_LAYERS, enabled: () => listed.visible, select: id => listed.select(id) })
}
