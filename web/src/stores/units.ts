import type { Coverage, Reach, UnitFeature, UnitType } from '../api/units-api.ts'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { DEFAULT_COVERAGE_MONTHS } from '../logic/coverage-state.ts'

/** What the units panel shows: the list (with coverage), one unit, or the form (new or edit). */
export type UnitsPanelMode = 'list' | 'detail' | 'create' | 'edit'

/** The draw-store owner name for placing and moving units. */
export const UNITS_DRAW_OWNER = 'units'

/**
 * Response units (最小处置单元): the list, the selected unit and its 1-3-5 reach, and the
 * coverage table. `revision` is bumped after every write so all of them and the map reload.
 */
export const useUnitsStore = defineStore('units', () => {
  const mode = ref<UnitsPanelMode>('list')
  const typeFilter = ref<UnitType | ''>('')
  /** Every unit in scope (the map draws them all); the panel's list applies `typeFilter`. */
  const items = shallowRef<UnitFeature[]>([])
  const selectedId = ref<number | null>(null)
  const reach = shallowRef<Reach | null>(null)
  /** Months of events the coverage table counts, ending with the view's month. */
  const coverageMonths = ref(DEFAULT_COVERAGE_MONTHS)
  const coverage = shallowRef<Coverage | null>(null)
  const coverageLoading = ref(false)
  const revision = ref(0)

  function showList() {
    mode.value = 'list'
    selectedId.value = null
  }

  function select(id: number) {
    selectedId.value = id
    mode.value = 'detail'
  }

  function startCreate() {
    selectedId.value = null
    mode.value = 'create'
  }

  function startEdit() {
    if (selectedId.value !== null)
      mode.value = 'edit'
  }

  /** After a save: show the unit and reload what depends on it (list, reach, coverage, map). */
  function saved(id: number) {
    selectedId.value = id
    mode.value = 'detail'
    revision.value++
  }

  function removed() {
    showList()
    revision.value++
  }

  return { mode, typeFilter, items, selectedId, reach, coverageMonths, coverage, coverageLoading, revision, showList, select, startCreate, startEdit, saved, removed }
})
