import type { Choropleth, ChoroplethRegion, RegionCollection } from '../api/client.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'

export interface RegionFigures {
  code: string
  name: string
  value: number | null
  mom: ChoroplethRegion | null
  yoy: ChoroplethRegion | null
}

/** What the map shows: region geometry and the classified figures for the current view. */
export const useThematicStore = defineStore('thematic', () => {
  const regions = shallowRef<RegionCollection | null>(null)
  /** `level:parent` that `regions` were loaded for, so stale geometry is never framed. */
  const regionsKey = ref('')
  const context = shallowRef<RegionCollection | null>(null)
  const choropleth = shallowRef<Choropleth | null>(null)
  const mom = shallowRef<Choropleth | null>(null)
  const yoy = shallowRef<Choropleth | null>(null)
  const loading = ref(false)

  const figures = computed(() => {
    const out = new Map<string, RegionFigures>()
    const momBy = new Map(mom.value?.regions.map(r => [r.code, r]))
    const yoyBy = new Map(yoy.value?.regions.map(r => [r.code, r]))
    for (const r of choropleth.value?.regions ?? [])
      out.set(r.code, { code: r.code, name: r.name, value: r.value, mom: momBy.get(r.code) ?? null, yoy: yoyBy.get(r.code) ?? null })
    return out
  })

  const anyApproximate = computed(() => regions.value?.features.some(f => f.properties.approximate) ?? false)

  return { regions, regionsKey, context, choropleth, mom, yoy, loading, figures, anyApproximate }
})
