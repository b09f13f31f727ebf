import type { InferResponseType } from 'hono/client'
import { shallowRef, watch } from 'vue'
import { api, unwrap, withSignal } from '../api/client.ts'
import { useEventLayersStore } from '../stores/event-layers.ts'
import { useToastStore } from '../stores/toast.ts'

export type EventDetails = InferResponseType<(typeof api.api.events)[':id']['$get'], 200>

/** Fetch the selected event's details (`GET /api/events/:id`) whenever the selection changes. */
export function useEventDetails() {
  const events = useEventLayersStore()
  const toast = useToastStore()
  const details = shallowRef<EventDetails | null>(null)
  let abort: AbortController | null = null

  watch(() => events.selectedEvent, async (id) => {
    abort?.abort()
    details.value = null
    if (!id)
      return
    const ctl = abort = new AbortController()
    try {
      details.value = await unwrap(api.api.events[':id'].$get({ param: { id } }, withSignal(ctl.signal)))
    }
    catch (err) {
      toast.fromError(err)
      if (abort === ctl)
        events.selectEvent(null)
    }
  }, { immediate: true })

  return { details }
}
