import type { InferResponseType } from 'hono/client'
import type { api, ApiError } from '../api/client.ts'
import type { EmergingRange } from '../logic/emerging-range.ts'
import type { HotspotLayer, HotspotView } from '../logic/gistar-state.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { emergingLegendRows } from '../logic/emerging-categories.ts'
import { giClassCounts } from '../logic/gistar-classes.ts'

export type GistarResult = InferResponseType<typeof api.api.hotspots.gistar.$get, 200>
export type EmergingResult = InferResponseType<typeof api.api.hotspots.emerging.$get, 200>
export type GistarCell = GistarResult['features'][number]['properties']
export type EmergingCell = EmergingResult['features'][number]['properties']
/** Each analysis layer's answer. */
export interface HotspotResults { gistar: GistarResult, emerging: EmergingResult }

/** The cell clicked on the map, with the numbers of whichever analysis it came from. */
export type SelectedCell
  = | { layer: 'gistar', cell: GistarCell }
    | { layer: 'emerging', cell: EmergingCell }

/** One analysis's request state: the last good answer, loading, and the error of the last try. */
function useRun<T>() {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = shallowRef<ApiError | null>(null)
  return { data, loading, error }
}

type Run<T> = ReturnType<typeof useRun<T>>

/**
 * Hot spot analysis results for the map (the view store holds what is asked for, in the URL).
 * `lastOptions` keeps size, correction and band while the layers are off, so switching back on
 * restores them.
 */
export const useHotspotsStore = defineStore('hotspots', () => {
  const gistar = useRun<GistarResult>()
  const emerging = useRun<EmergingResult>()
  const runs: { [L in HotspotLayer]: Run<HotspotResults[L]> } = { gistar, emerging }
  /** The months the emerging run asked for (widened from the view's period when that is short). */
  const emergingRange = ref<EmergingRange | null>(null)
  const selected = shallowRef<SelectedCell | null>(null)
  const lastOptions = ref<Omit<HotspotView, 'layer'> | null>(null)
  /** The choropleth was on and switched off for an analysis; switch it back on with the analysis off. */
  const choroplethHidden = ref(false)

  const giCounts = computed(() => giClassCounts(gistar.data.value?.features.map(f => f.properties.bin) ?? []))
  const emergingRows = computed(() => emergingLegendRows(emerging.data.value?.summary))

  function select(next: SelectedCell | null) {
    selected.value = next
  }

  /** Select the cell with this id in the current results of `layer` (null if it is not there). */
  function selectCell(layer: HotspotLayer, id: string) {
    if (layer === 'gistar') {
      const f = gistar.data.value?.features.find(f => f.properties.id === id)
      selected.value = f ? { layer, cell: f.properties } : null
    }
    else {
      const f = emerging.data.value?.features.find(f => f.properties.id === id)
      selected.value = f ? { layer, cell: f.properties } : null
    }
  }

  function clear(layer: HotspotLayer) {
    const run = runs[layer]
    run.data.value = null
    run.error.value = null
    if (selected.value?.layer === layer)
      selected.value = null
  }

  function setLoading(layer: HotspotLayer, on: boolean) {
    runs[layer].loading.value = on
  }

  /** New results for `layer`: the last error goes, and a selected cell of it is looked up again. */
  function loaded<L extends HotspotLayer>(layer: L, data: HotspotResults[L]) {
    runs[layer].data.value = data
    runs[layer].error.value = null
    const sel = selected.value
    if (sel?.layer === layer)
      selectCell(layer, sel.cell.id)
  }

  function failed(layer: HotspotLayer, error: ApiError) {
    runs[layer].data.value = null
    runs[layer].error.value = error
  }

  return {
    gistar: gistar.data,
    gistarLoading: gistar.loading,
    gistarError: gistar.error,
    emerging: emerging.data,
    emergingLoading: emerging.loading,
    emergingError: emerging.error,
    emergingRange,
    selected,
    lastOptions,
    choroplethHidden,
    giCounts,
    emergingRows,
    select,
    selectCell,
    clear,
    setLoading,
    loaded,
    failed,
  }
})
