import type { ListedHotspot } from '../api/listed-api.ts'
import { ref, watch } from 'vue'
import { listedApi } from '../api/listed-api.ts'
import { useListedStore } from '../stores/listed.ts'
import { useSubmit } from './use-submit.ts'

/**
 * The closure evidence for one hotspot, kept in the store with the version it was computed for:
 * 销号 is offered only while that matches the item shown. `auto` loads it as soon as the item is
 * one step from 销号.
 */
export function useListedEvidence(hotspot: () => ListedHotspot, auto: () => boolean) {
  const listed = useListedStore()
  const { pending, error, run } = useSubmit()
  const requested = ref(false)

  function load() {
    const h = hotspot()
    requested.value = true
    return run(async () => {
      const { evidence } = await listedApi.evidence(h.id)
      if (hotspot().id === h.id)
        listed.evidence = evidence
    })
  }

  watch(() => [hotspot().id, hotspot().version, auto()] as const, ([id, version, isAuto]) => {
    const current = listed.evidence
    if (current && (current.hotspotId !== id || current.version !== version))
      listed.evidence = null
    if (isAuto && !listed.evidence && !pending.value)
      void load()
  }, { immediate: true })

  return { pending, error, requested, load }
}
