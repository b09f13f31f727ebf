import { computed } from 'vue'
import { useSidePanelStore } from '../stores/side-panel.ts'
import { useViewStore } from '../stores/view.ts'

/** Drowning-prevention layers are on the map when switched on (`layers=…,water`) or their panel is open. */
export function useWaterVisibility() {
  const view = useViewStore()
  const side = useSidePanelStore()
  return computed(() => !!view.view.layers.water || side.active === 'water')
}

/** The region the calendar and coverage are about: the selected region, else the one drilled into. */
export function useWaterRegion() {
  const view = useViewStore()
  return computed(() => view.view.selected ?? view.view.parent ?? null)
}
