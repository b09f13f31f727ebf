import type { ListedHotspot } from '../api/listed-api.ts'
import type { DraftErrors, ListedDraft } from '../logic/listed-form.ts'
import { computed, ref, watch } from 'vue'
import { listedApi } from '../api/listed-api.ts'
import { createRequest, emptyDraft, hasErrors, patchRequest, validateDraft } from '../logic/listed-form.ts'
import { subclassOptions } from '../logic/listed-indicators.ts'
import { useListedStore } from '../stores/listed.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useSubmit } from './use-submit.ts'

function draftOf(h: ListedHotspot): ListedDraft {
  return {
    name: h.name,
    indicators: [...h.indicators],
    responsibleUnit: h.responsibleUnit,
    listedOn: h.listedOn,
    deadline: h.deadline,
    measures: h.measures,
    attachments: h.attachments.map(a => ({ ...a })),
    geometry: null,
  }
}

/**
 * The create/edit form: a draft, client checks that mirror the server's (shown per field once the
 * user has tried to save), and a submit whose refusal shows the server's own message.
 */
export function useListedForm(hotspot: ListedHotspot | undefined) {
  const listed = useListedStore()
  const meta = useMetaStore()
  const draft = ref<ListedDraft>(hotspot ? draftOf(hotspot) : emptyDraft())
  const tried = ref(false)
  const { pending, error, run } = useSubmit()

  watch(() => listed.drawn, (geometry) => {
    draft.value.geometry = geometry
  }, { immediate: true })

  const subclasses = computed(() => new Set(subclassOptions(meta.indicators).map(o => o.code)))
  const errors = computed<DraftErrors>(() => tried.value ? validateDraft(draft.value, subclasses.value, { geometryKept: !!hotspot }) : {})

  function submit() {
    tried.value = true
    if (hasErrors(errors.value))
      return Promise.resolve()
    return run(async () => {
      const saved = hotspot
        ? await listedApi.edit(hotspot.id, patchRequest(draft.value, hotspot.version, draft.value.geometry !== null))
        : await listedApi.create(createRequest(draft.value))
      listed.saved(saved.hotspot.id)
    })
  }

  function cancel() {
    if (hotspot)
      listed.select(hotspot.id)
    else listed.showList()
  }

  return { draft, errors, pending, error, submit, cancel }
}
