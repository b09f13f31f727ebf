import type { WaterDraft, WaterEntity } from '../logic/water-form.ts'
import { computed, ref, watch } from 'vue'
import { waterApi } from '../api/water-api.ts'
import { emptyWaterDraft, hasWaterErrors, validateWaterDraft, waterFields, waterGeometry } from '../logic/water-form.ts'
import { useWaterStore } from '../stores/water.ts'
import { useSubmit } from './use-submit.ts'

/** The feature being edited, as the list holds it. */
function current(entity: WaterEntity, id: number | null) {
  const water = useWaterStore()
  const list = entity === 'zone' ? water.zones : entity === 'asset' ? water.assets : water.routes
  return id === null ? null : list.find(f => f.id === id) ?? null
}

function draftOf(entity: WaterEntity, id: number | null): WaterDraft {
  const d = emptyWaterDraft()
  const f = current(entity, id)
  return f ? { ...d, ...f.properties, geometry: null } as WaterDraft : d
}

/**
 * The create/edit form of a zone, an asset or a route: client checks that mirror the server's
 * (shown once the user has tried to save), and a submit whose refusal shows the server's message
 * (route_too_long with both numbers, invalid geometry, outside the scope…).
 */
export function useWaterForm(entity: WaterEntity, id: number | null) {
  const water = useWaterStore()
  const draft = ref<WaterDraft>(draftOf(entity, id))
  const version = current(entity, id)?.properties.version ?? null
  const tried = ref(false)
  const { pending, error, run } = useSubmit()

  watch(() => water.drawn, (g) => {
    if (g)
      draft.value.geometry = g
  }, { immediate: true })

  const errors = computed(() => tried.value ? validateWaterDraft(entity, draft.value, id !== null) : {})

  function submit() {
    tried.value = true
    if (hasWaterErrors(errors.value))
      return Promise.resolve()
    const fields = waterFields(entity, draft.value)
    const geometry = waterGeometry(entity, draft.value)
    const body = { ...fields, ...(geometry ? { geometry } : {}) }
    return run(async () => {
      if (id !== null && version !== null) {
        const patch = { ...body, version } as never
        await (entity === 'zone' ? waterApi.editZone(id, patch) : entity === 'asset' ? waterApi.editAsset(id, patch) : waterApi.editRoute(id, patch))
      }
      else {
        const create = body as never
        await (entity === 'zone' ? waterApi.createZone(create) : entity === 'asset' ? waterApi.createAsset(create) : waterApi.createRoute(create))
      }
      water.saved()
    })
  }

  return { draft, errors, pending, error, submit }
}
