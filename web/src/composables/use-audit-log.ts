import type { Ref } from 'vue'
import type { AuditEntry } from '../api/auth-types.ts'
import type { AuditFilters } from '../logic/audit-query.ts'
import { ref, shallowRef, watch } from 'vue'
import { adminApi } from '../api/auth-api.ts'
import { auditPageParams } from '../logic/audit-query.ts'
import { useToastStore } from '../stores/toast.ts'

/** Audit entries for the given filters, newest first, paged backwards with `before`. */
export function useAuditLog(filters: Ref<AuditFilters>) {
  const toast = useToastStore()
  // Shallow: entries are replaced, never mutated, and their JSON snapshots are too deep a type for UnwrapRef.
  const entries = shallowRef<AuditEntry[]>([])
  const nextBefore = ref<number | null>(null)
  const loading = ref(false)
  // A page that arrives after the filters changed belongs to the old filters and is dropped.
  let generation = 0

  async function fetchPage(before: number | null) {
    const mine = ++generation
    loading.value = true
    try {
      const page = await adminApi.audit(auditPageParams(filters.value, before))
      if (mine !== generation)
        return
      entries.value = before === null ? page.entries : [...entries.value, ...page.entries]
      nextBefore.value = page.nextBefore
    }
    catch (err) { toast.fromError(err) }
    finally {
      if (mine === generation)
        loading.value = false
    }
  }

  function loadMore() {
    if (nextBefore.value !== null && !loading.value)
      void fetchPage(nextBefore.value)
  }

  watch(filters, () => {
    entries.value = []
    nextBefore.value = null
    void fetchPage(null)
  }, { immediate: true, deep: true })

  return { entries, nextBefore, loading, loadMore }
}
