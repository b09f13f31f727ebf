import type { Point, Polygon } from 'geojson'
import type { ListedDetail, ListedEvidence, ListedItem } from '../api/listed-api.ts'
import type { ListedFilters } from '../logic/listed-filters.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { EMPTY_LISTED_FILTERS } from '../logic/listed-filters.ts'
import { useDrawStore } from './draw.ts'
import { useSidePanelStore } from './side-panel.ts'

/** What the listed-hotspot panel shows: the list, one item, or the form (new or edit). */
export type ListedPanelMode = 'list' | 'detail' | 'create' | 'edit'
export type DrawKind = 'point' | 'polygon'

/** The draw-store owner name for listed hotspots. */
export const LISTED_DRAW_OWNER = 'listed'
const OWNER = LISTED_DRAW_OWNER

/** Listed hotspots (挂牌整治): the list, the selected item, and the drawing in progress. */
export const useListedStore = defineStore('listed', () => {
  const side = useSidePanelStore()
  const draw = useDrawStore()
  /** The panel is one of the side panels; opening it closes whichever other was open. */
  const open = computed({
    get: () => side.active === 'listed',
    set: (value: boolean) => value ? side.open('listed') : side.active === 'listed' && side.close(),
  })
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
  /** The shared drawing tool, while it draws for this panel. */
  const drawMode = computed<DrawKind | null>(() =>
    draw.owner === OWNER && (draw.mode === 'point' || draw.mode === 'polygon') ? draw.mode : null)
  /** The shape drawn for the form, if the last drawing was this panel's. */
  const drawn = computed<Point | Polygon | null>({
    get: () => draw.drawnBy === OWNER && (draw.drawn?.type === 'Point' || draw.drawn?.type === 'Polygon') ? draw.drawn : null,
    set: (geometry) => {
      if (geometry) {
        draw.drawn = geometry
        draw.drawnBy = OWNER
      }
      else {
        draw.clear(OWNER)
      }
    },
  })

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
    draw.start(OWNER, kind)
  }

  function startEdit() {
    if (selectedId.value !== null)
      mode.value = 'edit'
  }

  /** Draw a new shape for the form that is open (create, or edit to replace the location). */
  function startDrawing(kind: DrawKind) {
    draw.start(OWNER, kind)
  }

  function finishDrawing(geometry: Point | Polygon) {
    drawn.value = geometry
  }

  function cancelDrawing() {
    if (draw.owner === OWNER)
      draw.cancel()
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
