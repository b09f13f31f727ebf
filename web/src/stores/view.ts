import type { ViewState } from '../logic/url-state.ts'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { DEFAULT_VIEW } from '../logic/url-state.ts'

/** The view the user is looking at; mirrored to the URL by use-url-sync. */
export const useViewStore = defineStore('view', () => {
  const view = ref<ViewState>({ ...DEFAULT_VIEW })
  /** Set when a change should move the camera to the new regions once they load. */
  const fitPending = ref(false)

  function patch(changes: Partial<ViewState>) {
    view.value = { ...view.value, ...changes }
  }

  function showCity(city: string) {
    patch({ city, level: 'district', parent: city, selected: null })
    fitPending.value = true
  }

  function drillInto(district: string) {
    patch({ level: 'township', parent: district, selected: district })
    fitPending.value = true
  }

  function goUp() {
    if (view.value.level === 'township' && view.value.city)
      showCity(view.value.city)
  }

  function select(code: string | null) {
    patch({ selected: code })
  }

  return { view, fitPending, patch, showCity, drillInto, goUp, select }
})
