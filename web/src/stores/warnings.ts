import type { WarningCounts, WarningItem } from '../api/warnings-api.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useSidePanelStore } from './side-panel.ts'

export type WarningsTab = 'list' | 'escalation' | 'rules'
export type WarningStatusFilter = 'open' | 'acknowledged' | 'closed' | ''

/** The early-warning (预警) panel: its tab, the list filter and the loaded list. */
export const useWarningsStore = defineStore('warnings', () => {
  const side = useSidePanelStore()
  const open = computed(() => side.active === 'warnings')
  const tab = ref<WarningsTab>('list')
  const status = ref<WarningStatusFilter>('open')
  const items = shallowRef<WarningItem[]>([])
  const counts = ref<WarningCounts>({ open: 0, acknowledged: 0, closed: 0 })
  /** Bumped after every write and on every live `warning` message, so the list reloads. */
  const revision = ref(0)
  /** The township whose escalation trend is drawn. */
  const escalationTownship = ref<string | null>(null)

  function changed() {
    revision.value++
  }

  return { open, tab, status, items, counts, revision, escalationTownship, changed }
})
