import type { Unit } from '../api/units-api.ts'
import type { UnitDraft, UnitDraftErrors } from '../logic/units-form.ts'
import { computed, onBeforeUnmount, ref, watch } from 'vue'
import { unitsApi } from '../api/units-api.ts'
import { createUnitRequest, emptyUnitDraft, hasUnitErrors, patchUnitRequest, unitDraftOf, validateUnitDraft } from '../logic/units-form.ts'
import { useDrawStore } from '../stores/draw.ts'
import { UNITS_DRAW_OWNER, useUnitsStore } from '../stores/units.ts'
import { useSubmit } from './use-submit.ts'

/**
 * The unit form: a draft, the browser's checks (shown once the user has tried to save), the point
 * placed with the shared drawing tool (DrawGeometryField), and a submit whose refusal shows the server's own message
 * (overlapping duty windows, a point outside the townships or the scope, a changed version).
 */
export function useUnitsForm(unit: Unit | undefined) {
  const units = useUnitsStore()
  const draw = useDrawStore()
  const draft = ref<UnitDraft>(unit ? unitDraftOf(unit) : emptyUnitDraft())
  const tried = ref(false)
  const { pending, error, run } = useSubmit()

  watch(() => draw.drawnBy === UNITS_DRAW_OWNER ? draw.drawn : null, (shape) => {
    if (shape?.type === 'Point')
      draft.value.geometry = shape
  }, { immediate: true })

  const errors = computed<UnitDraftErrors>(() => tried.value ? validateUnitDraft(draft.value, { geometryKept: !!unit }) : {})
  function submit() {
    tried.value = true
    if (hasUnitErrors(errors.value))
      return Promise.resolve()
    return run(async () => {
      const saved = unit
        ? await unitsApi.edit(unit.id, patchUnitRequest(draft.value, unit))
        : await unitsApi.create(createUnitRequest(draft.value))
      draw.clear(UNITS_DRAW_OWNER)
      units.saved(saved.unit.properties.id)
    })
  }

  function cancel() {
    draw.clear(UNITS_DRAW_OWNER)
    if (unit)
      units.select(unit.id)
    else units.showList()
  }

  // Leaving the form any other way (closing the panel) drops the tool and the sketch.
  onBeforeUnmount(() => draw.clear(UNITS_DRAW_OWNER))

  return { draft, errors, pending, error, submit, cancel }
}
