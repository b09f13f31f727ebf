import type { IndicatorNode, Meta } from '../api/client.ts'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, unwrap } from '../api/client.ts'
import { monthRange } from '../logic/months.ts'
import { useToastStore } from './toast.ts'

/** Catalogue data that changes only with a new data load: months, cities, the indicator tree. */
export const useMetaStore = defineStore('meta', () => {
  const meta = ref<Meta | null>(null)
  const indicators = ref<IndicatorNode[]>([])
  const months = computed(() => meta.value ? monthRange(meta.value.months.from, meta.value.months.to) : [])

  async function load() {
    const toast = useToastStore()
    const [m, tree] = await Promise.allSettled([unwrap(api.api.meta.$get()), unwrap(api.api.indicators.$get())])
    if (m.status === 'fulfilled')
      meta.value = m.value
    else toast.fromError(m.reason)
    if (tree.status === 'fulfilled')
      indicators.value = tree.value.tree
    else toast.fromError(tree.reason)
  }

  return { meta, indicators, months, load }
})
