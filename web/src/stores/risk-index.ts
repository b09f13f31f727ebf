import type { RiskIndex } from '../api/risk-index-api.ts'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'

/** The risk index for the view (when it is the map's theme), and the method card and editor state. */
export const useRiskIndexStore = defineStore('risk-index', () => {
  const data = shallowRef<RiskIndex | null>(null)
  const loading = ref(false)
  const cardOpen = ref(false)
  const editorOpen = ref(false)
  /** Bumped by a saved configuration, so the index is fetched again. */
  const revision = ref(0)
  return { data, loading, cardOpen, editorOpen, revision }
})
