import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The tool panels that share the right-hand side of the map; one is open at a time. */
export type SidePanel = 'listed' | 'units' | 'patrol' | 'plans' | 'water' | 'supervision' | 'warnings'

/** Which tool panel is open on the right (the region panel shows when none is). */
export const useSidePanelStore = defineStore('side-panel', () => {
  const active = ref<SidePanel | null>(null)

  function open(name: SidePanel) {
    active.value = name
  }

  function close() {
    active.value = null
  }

  function toggle(name: SidePanel) {
    active.value = active.value === name ? null : name
  }

  return { active, open, close, toggle }
})
