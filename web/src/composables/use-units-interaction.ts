import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { UNITS_CLICK_LAYERS } from '../map/layers/units-layers.ts'
import { useSidePanelStore } from '../stores/side-panel.ts'
import { useUnitsStore } from '../stores/units.ts'
import { useFeatureClick } from './use-feature-click.ts'

/** A click on a unit opens it in the units panel, with its reach; the region underneath is not also selected. */
export function useUnitsInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const units = useUnitsStore()
  const side = useSidePanelStore()
  useFeatureClick(map, ready, {
    layers: UNITS_CLICK_LAYERS,
    select: (id) => {
      side.open('units')
      units.select(id)
    },
  })
}
