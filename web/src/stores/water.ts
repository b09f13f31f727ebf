import type { LineString, Point, Polygon } from 'geojson'
import type { DroneRoute, ShoreCoverage, WaterAsset, WaterCalendar, WaterZone } from '../api/water-api.ts'
import type { WaterEntity } from '../logic/water-form.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { DRAW_KIND } from '../logic/water-form.ts'
import { useDrawStore } from './draw.ts'
import { useSidePanelStore } from './side-panel.ts'

/** The draw-store owner name for drowning prevention. */
export const WATER_DRAW_OWNER = 'water'
export type WaterTab = WaterEntity | 'calendar'

/**
 * Drowning prevention (防溺水): zones, assets, drone routes, the shoreline coverage and the
 * seasonal calendar; which tab the panel shows and the form in progress. `revision` is bumped
 * after every write so the lists and the coverage reload.
 */
export const useWaterStore = defineStore('water', () => {
  const side = useSidePanelStore()
  const draw = useDrawStore()
  const tab = ref<WaterTab>('zone')
  const zones = shallowRef<WaterZone[]>([])
  const assets = shallowRef<WaterAsset[]>([])
  const routes = shallowRef<DroneRoute[]>([])
  const coverage = shallowRef<ShoreCoverage | null>(null)
  const calendar = shallowRef<WaterCalendar | null>(null)
  const calendarMonths = ref(24)
  /** The form: null when closed, `id` null for a new feature. */
  const editing = ref<{ entity: WaterEntity, id: number | null } | null>(null)
  const revision = ref(0)

  const drawing = computed(() => draw.owner === WATER_DRAW_OWNER && draw.mode !== null)
  const drawn = computed<Polygon | Point | LineString | null>(() => draw.drawnBy === WATER_DRAW_OWNER ? draw.drawn : null)

  function reset() {
    draw.clear(WATER_DRAW_OWNER)
  }

  function show(next: WaterTab) {
    reset()
    editing.value = null
    tab.value = next
  }

  function startCreate(entity: WaterEntity) {
    reset()
    tab.value = entity
    editing.value = { entity, id: null }
  }

  function startEdit(entity: WaterEntity, id: number) {
    reset()
    tab.value = entity
    editing.value = { entity, id }
  }

  function startDrawing() {
    if (editing.value)
      draw.start(WATER_DRAW_OWNER, DRAW_KIND[editing.value.entity])
  }

  function cancelDrawing() {
    if (draw.owner === WATER_DRAW_OWNER)
      draw.cancel()
  }

  function closeForm() {
    reset()
    editing.value = null
  }

  function saved() {
    closeForm()
    revision.value++
  }

  function closePanel() {
    closeForm()
    if (side.active === 'water')
      side.close()
  }

  return { tab, zones, assets, routes, coverage, calendar, calendarMonths, editing, revision, drawing, drawn, show, startCreate, startEdit, startDrawing, cancelDrawing, closeForm, saved, closePanel }
})
