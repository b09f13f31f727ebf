import type { Ref } from 'vue'
import type { RegionChain } from '../logic/report-query.ts'
import { computed, ref, watch } from 'vue'
import { api, unwrap } from '../api/client.ts'
import { regionChain } from '../logic/report-query.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useToastStore } from '../stores/toast.ts'

interface Option { code: string, name: string }

/**
 * The region selects of the report page: the cities the user may see, the districts of the chosen
 * city and the townships of the chosen district, each list from /api/regions (so the scope applies).
 */
export function useReportRegions(region: Ref<string | null>) {
  const meta = useMetaStore()
  const cities = computed<Option[]>(() => meta.meta?.cities ?? [])
  const chain = computed<RegionChain>(() => regionChain(region.value, cities.value))
  const districts = ref<Option[]>([])
  const townships = ref<Option[]>([])

  async function children(level: 'district' | 'township', parent: string | null): Promise<Option[]> {
    if (!parent)
      return []
    try {
      const fc = await unwrap(api.api.regions.$get({ query: { level, parent } }))
      return fc.features.map(f => ({ code: f.properties.code, name: f.properties.name })).sort((a, b) => a.code.localeCompare(b.code))
    }
    catch (err) {
      useToastStore().fromError(err)
      return []
    }
  }

  // A slower answer for a parent the user has already left must not overwrite the newer list.
  watch(() => chain.value.city, async (city) => {
    const list = await children('district', city)
    if (chain.value.city === city)
      districts.value = list
  }, { immediate: true })
  watch(() => chain.value.district, async (district) => {
    const list = await children('township', district)
    if (chain.value.district === district)
      townships.value = list
  }, { immediate: true })

  return { cities, districts, townships, chain }
}
