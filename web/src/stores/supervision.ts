import type { FeatureCollection } from 'geojson'
import type { SupervisionDetail, SupervisionListing } from '../api/supervision-api.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useSidePanelStore } from './side-panel.ts'
import { useViewStore } from './view.ts'

export type SupervisionMode = 'list' | 'detail' | 'create' | 'edit'
export interface SupervisionFilters { status: 'listed' | 'closed' | '', overdue: boolean }

/** Supervision listing (挂牌督办) of regions: the list, the selected listing, the map data and the region picker. */
export const useSupervisionStore = defineStore('supervision', () => {
  const side = useSidePanelStore()
  const view = useViewStore()
  const open = computed(() => side.active === 'supervision')
  /** The map layer: switched on in the URL (`layers=…,supervision`), or while the panel is open. */
  const visible = computed(() => !!view.view.layers.supervision || open.value)
  const mode = ref<SupervisionMode>('list')
  const filters = ref<SupervisionFilters>({ status: 'listed', overdue: false })
  const items = shallowRef<SupervisionListing[]>([])
  const mapData = shallowRef<FeatureCollection>({ type: 'FeatureCollection', features: [] })
  const selectedId = ref<number | null>(null)
  const detail = shallowRef<SupervisionDetail | null>(null)
  /** Bumped after every write so the list, the detail and the map reload. */
  const revision = ref(0)
  /** While true, a click on a region of the map picks it for the new listing. */
  const picking = ref(false)
  const pickedRegion = ref<{ code: string, name: string } | null>(null)

  function closePanel() {
    picking.value = false
    if (open.value)
      side.close()
    mode.value = 'list'
    selectedId.value = null
  }

  function showList() {
    picking.value = false
    mode.value = 'list'
    selectedId.value = null
  }

  function select(id: number) {
    picking.value = false
    side.open('supervision')
    selectedId.value = id
    mode.value = 'detail'
  }

  function startCreate() {
    side.open('supervision')
    selectedId.value = null
    pickedRegion.value = null
    mode.value = 'create'
    picking.value = true
  }

  /** Edit the selected listing in the create form (region fixed); cancel or save returns to its detail. */
  function startEdit() {
    if (selectedId.value === null)
      return
    picking.value = false
    mode.value = 'edit'
  }

  function pick(code: string, name: string) {
    pickedRegion.value = { code, name }
    picking.value = false
  }

  function saved(id: number) {
    picking.value = false
    selectedId.value = id
    mode.value = 'detail'
    revision.value++
  }

  function changed() {
    revision.value++
  }

  return { open, visible, mode, filters, items, mapData, selectedId, detail, revision, picking, pickedRegion, closePanel, showList, select, startCreate, startEdit, pick, saved, changed }
})
