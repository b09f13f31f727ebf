import type { FeatureCollection } from 'geojson'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { DEFAULT_HEAT_INTENSITY } from '../logic/heatmap-scale.ts'
import { hexClasses } from '../logic/hex-classes.ts'

/** Data behind the event layers that is not in the URL: hex cell counts and the clicked event. */
export const useEventLayersStore = defineStore('eventLayers', () => {
  /** Non-zero hex cells `{ id, count }` for the current view and size. */
  const hexbins = shallowRef<FeatureCollection | null>(null)
  const hexLoading = ref(false)
  /** Id of the event whose details are open. */
  const selectedEvent = ref<string | null>(null)
  /** Heatmap intensity fitted to the events on screen (use-heatmap-scale). */
  const heatIntensity = ref(DEFAULT_HEAT_INTENSITY)

  const hexClassList = computed(() => hexClasses((hexbins.value?.features ?? []).map(f => Number(f.properties?.count))))

  function selectEvent(id: string | null) {
    selectedEvent.value = id
  }

  return { hexbins, hexLoading, selectedEvent, heatIntensity, hexClassList, selectEvent }
})
