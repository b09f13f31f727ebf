import type { PatrolZone } from '../api/patrol-api.ts'
import type { PatrolDraft, PatrolErrors } from '../logic/patrol-form.ts'
import { computed, ref, watch } from 'vue'
import { patrolApi } from '../api/patrol-api.ts'
import { windowsToRows } from '../logic/duty-windows.ts'
import { createPatrolRequest, emptyPatrolDraft, hasPatrolErrors, patchPatrolRequest, validatePatrolDraft } from '../logic/patrol-form.ts'
import { usePatrolStore } from '../stores/patrol.ts'
import { useSubmit } from './use-submit.ts'

function draftOf(z: PatrolZone): PatrolDraft {
  const p = z.properties
  return { name: p.name, type: p.type, team: p.team, shifts: windowsToRows(p.shifts), geometry: null }
}

/**
 * The create/edit form: a draft, client checks that mirror the server's (shown once the user has
 * tried to save), and a submit whose refusal shows the server's own message (overlapping shifts,
 * an invalid shape, outside the scope…).
 */
export function usePatrolForm(zone: PatrolZone | undefined) {
  const patrol = usePatrolStore()
  const draft = ref<PatrolDraft>(zone ? draftOf(zone) : emptyPatrolDraft())
  const tried = ref(false)
  const { pending, error, run } = useSubmit()

  watch(() => patrol.drawn, (geometry) => {
    if (geometry)
      draft.value.geometry = geometry
  }, { immediate: true })

  const kept = zone ? zone.geometry.type : null
  const errors = computed<PatrolErrors>(() => tried.value ? validatePatrolDraft(draft.value, kept) : {})

  function submit() {
    tried.value = true
    if (hasPatrolErrors(errors.value))
      return Promise.resolve()
    return run(async () => {
      const saved = zone
        ? await patrolApi.edit(zone.id, patchPatrolRequest(draft.value, zone.properties.version))
        : await patrolApi.create(createPatrolRequest(draft.value))
      patrol.saved(saved.zone.id)
    })
  }

  function cancel() {
    if (zone)
      patrol.select(zone.id)
    else patrol.showList()
  }

  return { draft, errors, pending, error, submit, cancel }
}
