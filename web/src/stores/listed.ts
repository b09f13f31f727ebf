import type { Point, Polygon } from 'geojson'
import type { ListedDetail, ListedEvidence, ListedItem } from '../api/listed-api.ts'
import type { ListedFilters } from '../logic/listed-filters.ts'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { EMPTY_LISTED_FILTERS } from '../logic/listed-filters.ts'

/** What the listed-hotspot panel shows: the list, one item, or the form (new or edit). */
export type ListedPanelMode = 'list' | 'detail' | 'create' | 'edit'
export type DrawKind = 'point' | 'polygon'

/** Listed hotspots (挂牌整治): the list, the selected item, and the drawing in progress. */
export const useListedStore = defineStore('listed', () => {
  const open = ref(false)
  /** The map layer; on by default so the map shows what is listed even with the panel closed. */
  const visible = ref(true)
  const mode = ref<ListedPanelMode>('list')
  const filters = ref<ListedFilters>({ ...EMPTY_LISTED_FILTERS })
  const items = shallowRef<ListedItem[]>([])
  const selectedId = ref<number | null>(null)
  const detail = shallowRef<ListedDetail | null>(null)
  const evidence = shallowRef<ListedEvidence | null>(null)
  /** Bumped after every write so the list, the detail and the map reload. */
  const revision = ref(0)
  const drawMode = ref<DrawKind | null>(null)
  const drawn = shallowRef<Point | Polygon | null>(null)

  function openPanel() {
    open.value = true
  }

  function closePanel() {
    cancelDrawing()
    drawn.value = null
    open.value = false
    mode.value = 'list'
    selectedId.value = null
  }

  function showList() {
    cancelDrawing()
    drawn.value = null
    mode.value = 'list'
    selectedId.value = null
  }

  function select(id: number) {
    cancelDrawing()
    drawn.value = null
    open.value = true
    if (selectedId.value !== id)
      evidence.value = null
    selectedId.value = id
    mode.value = 'detail'
  }

  function startCreate(kind: DrawKind) {
    open.value = true
    selectedId.value = null
    mode.value = 'create'
    drawn.value = null
    drawMode.value = kind
  }

  function startEdit() {
    if (selectedId.value !== null)
      mode.value = 'edit'
  }

  /** Draw a new shape for the form that is open (create, or edit to replace the location). */
  function startDrawing(kind: DrawKind) {
    drawn.value = null
    drawMode.value = kind
  }

  function finishDrawing(geometry: Point | Polygon) {
    drawn.value = geometry
    drawMode.value = null
  }

  function cancelDrawing() {
    drawMode.value = null
  }

  /** After a save: show the item and reload everything that depends on it. */
  function saved(id: number) {
    cancelDrawing()
    drawn.value = null
    selectedId.value = id
    mode.value = 'detail'
    revision.value++
  }

  function changed() {
    revision.value++
  }

  return {
    open,
    visible,
    mode,
    filters,
    items,
    selectedId,
    detail,
    evidence,
    revision,
    drawMode,
    drawn,
    openPanel,
    closePanel,
    showList,
    select,
    startCreate,
    startEdit,
    startDrawing,
    finishDrawing,
    cancelDrawing,
    saved,
    changed,
  }
})
