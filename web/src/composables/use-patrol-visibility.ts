import { computed } from 'vue'
import { useSidePanelStore } from '../stores/side-panel.ts'
import { useViewStore } from '../stores/view.ts'

/** Patrol zones are on the map when their layer is switched on (`layers=…,patrol`) or their panel is open. */
export function usePatrolVisibility() {
  const view = useViewStore()
  const side = useSidePanelStore()
  return computed(() => !!view.view.layers.patrol || side.active === 'patrol')
}
