import type { LineString, Polygon } from 'geojson'
import type { PatrolFeature, PatrolHeatmap } from '../api/patrol-api.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useDrawStore } from './draw.ts'
import { useSidePanelStore } from './side-panel.ts'

/** What the patrol panel shows: the list, one zone (with its heatmap), or the form (new or edit). */
export type PatrolPanelMode = 'list' | 'detail' | 'create' | 'edit'

/** The draw-store owner name for patrol zones. */
export const PATROL_DRAW_OWNER = 'patrol'

/**
 * Patrol zones and routes (巡逻): the list (the map draws it), the selected zone, its heatmap, and
 * the drawing in progress. `revision` is bumped after every write so all of them reload.
 */
export const usePatrolStore = defineStore('patrol', () => {
  const side = useSidePanelStore()
  const draw = useDrawStore()
  const open = computed({
    get: () => side.active === 'patrol',
    set: (value: boolean) => value ? side.open('patrol') : side.active === 'patrol' && side.close(),
  })
  const mode = ref<PatrolPanelMode>('list')
  const items = shallowRef<PatrolFeature[]>([])
  const selectedId = ref<number | null>(null)
  const heatmap = shallowRef<PatrolHeatmap | null>(null)
  /** Months of events the heatmap counts, ending with the last complete month. */
  const heatmapMonths = ref(12)
  /** Length of a recommended window, in hours. */
  const windowHours = ref(3)
  const revision = ref(0)

  const selected = computed(() => items.value.find(f => f.id === selectedId.value) ?? null)
  const drawn = computed<Polygon | LineString | null>(() =>
    draw.drawnBy === PATROL_DRAW_OWNER && (draw.drawn?.type === 'Polygon' || draw.drawn?.type === 'LineString') ? draw.drawn : null)

  function cancelDrawing() {
    if (draw.owner === PATROL_DRAW_OWNER)
      draw.cancel()
  }

  function reset() {
    cancelDrawing()
    draw.clear(PATROL_DRAW_OWNER)
  }

  function closePanel() {
    reset()
    open.value = false
    mode.value = 'list'
    selectedId.value = null
  }

  function showList() {
    reset()
    mode.value = 'list'
    selectedId.value = null
  }

  function select(id: number) {
    reset()
    open.value = true
    if (selectedId.value !== id)
      heatmap.value = null
    selectedId.value = id
    mode.value = 'detail'
  }

  function startCreate() {
    reset()
    open.value = true
    selectedId.value = null
    mode.value = 'create'
  }

  function startEdit() {
    if (selectedId.value !== null)
      mode.value = 'edit'
  }

  /** After a save: show the zone and reload what depends on it. */
  function saved(id: number) {
    reset()
    selectedId.value = id
    mode.value = 'detail'
    revision.value++
  }

  function removed() {
    showList()
    revision.value++
  }

  return { open, mode, items, selectedId, selected, heatmap, heatmapMonths, windowHours, revision, drawn, closePanel, showList, select, startCreate, startEdit, cancelDrawing, saved, removed }
})
