import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { parseViewQuery, sameQuery, serializeViewQuery } from '../logic/url-state.ts'
import { useViewStore } from '../stores/view.ts'

/**
 * Keep the view store and the URL query in step, both ways. The URL wins on load and on
 * back/forward; store changes are written with `replace` (drilling in uses `push` so Back goes up).
 */
export function useUrlSync() {
  const route = useRoute()
  const router = useRouter()
  const store = useViewStore()

  watch(() => route.query, (query) => {
    const next = parseViewQuery(query)
    if (!sameQuery(serializeViewQuery(next), serializeViewQuery(store.view))) {
      const levelChanged = next.level !== store.view.level || next.parent !== store.view.parent
      store.view = next
      // Back/forward to another level: frame it, unless this is the first load (the hash camera wins).
      if (levelChanged && store.view.parent && route.hash === '')
        store.fitPending = true
    }
  }, { immediate: true })

  watch(() => store.view, (view, old) => {
    const query = serializeViewQuery(view)
    if (sameQuery(query, route.query))
      return
    const drilled = old && (old.level !== view.level || old.parent !== view.parent) && old.parent !== null
    void (drilled ? router.push({ query, hash: route.hash }) : router.replace({ query, hash: route.hash }))
  })
}
