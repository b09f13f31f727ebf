import { computed } from 'vue'
import { useSidePanelStore } from '../stores/side-panel.ts'
import { useViewStore } from '../stores/view.ts'

/** Units are on the map when their layer is switched on or their panel is open. */
export function useUnitsVisibility() {
  const view = useViewStore()
  const side = useSidePanelStore()
  const panelOpen = computed(() => side.active === 'units')
  const shown = computed(() => !!view.view.layers.units || panelOpen.value)
  return { panelOpen, shown }
}
