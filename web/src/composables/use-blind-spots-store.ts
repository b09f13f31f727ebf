import type { BlindSpots } from '../api/blind-spots-api.ts'
import { defineStore } from 'pinia'
import { ref } from 'vue'

export const BLIND_SPOT_MONTHS = [3, 6, 12, 24] as const
export type BlindSpotMonths = (typeof BLIND_SPOT_MONTHS)[number]

/** The blind-spot layer's data, the months it counts, and a request to fly to a cell. */
export const useBlindSpotsStore = defineStore('blind-spots', () => {
  const data = ref<BlindSpots | null>(null)
  const loading = ref(false)
  const months = ref<BlindSpotMonths>(12)
  /** The cell the list asked the map to show; the map clears it once it has flown. */
  const focus = ref<{ id: string, lon: number, lat: number } | null>(null)
  /** Whether the ranked list is unfolded (folded by default: the layer panel is already long). */
  const listOpen = ref(false)
  return { data, loading, months, focus, listOpen }
})
