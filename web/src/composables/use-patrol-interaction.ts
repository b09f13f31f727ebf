import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { PATROL_CLICK_LAYERS } from '../map/layers/patrol-layers.ts'
import { usePatrolStore } from '../stores/patrol.ts'
import { useFeatureClick } from './use-feature-click.ts'
import { usePatrolVisibility } from './use-patrol-visibility.ts'

/** A click on a patrol zone or route opens it in the patrol panel; the region underneath is not also selected. */
export function usePatrolInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const patrol = usePatrolStore()
  const shown = usePatrolVisibility()
  useFeatureClick(map, ready, { layers: PATROL_CLICK_LAYERS, enabled: () => shown.value, select: id => patrol.select(id) })
}
