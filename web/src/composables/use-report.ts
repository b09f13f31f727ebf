import type { Report } from '../api/reports-api.ts'
import type { ReportParams } from '../logic/report-query.ts'
import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { reportsApi } from '../api/reports-api.ts'
import { fitPeriod, parseReportQuery, serializeReportQuery } from '../logic/report-query.ts'
import { scopeRootView } from '../logic/scope-view.ts'
import { useAuthStore } from '../stores/auth.ts'
import { useMetaStore } from '../stores/meta.ts'
import { serverMessage } from './use-submit.ts'

/**
 * The report page's state: the choice (kind, region, period, topic, report language) in the URL,
 * completed with defaults (the user's scope, the newest month or quarter with data), and the
 * report for it, fetched again whenever the choice changes.
 */
export function useReport() {
  const route = useRoute()
  const router = useRouter()
  const meta = useMetaStore()
  const auth = useAuthStore()
  const params = computed(() => parseReportQuery(route.query))
  const report = shallowRef<Report | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let ctl: AbortController | null = null

  function update(changes: Partial<ReportParams>) {
    const next = { ...params.value, ...changes }
    void router.replace({ query: serializeReportQuery(next) })
  }

  /** The scope's own region, else the first city: a report for something the user may read. */
  function defaultRegion(): string | null {
    const scope = auth.scope
    if (scope && scope.code !== '*' && scopeRootView(scope))
      return scope.code
    return meta.meta?.cities[0]?.code ?? null
  }

  // Fill in what the URL leaves open once the catalogue is known.
  watch([params, () => meta.months], ([p, months]) => {
    if (!months.length)
      return
    const region = p.region ?? defaultRegion()
    const period = fitPeriod(p.kind, p.period, months)
    if (region !== p.region || period !== p.period)
      update({ region, period })
  }, { immediate: true })

  // Keyed by a string, so that switching the report language (also in the URL) fetches nothing.
  const key = computed(() => JSON.stringify([params.value.kind, params.value.region, params.value.period, params.value.topic]))
  watch(key, async () => {
    const { kind, region, period, topic } = params.value
    ctl?.abort()
    if (!region || !period)
      return
    ctl = new AbortController()
    const signal = ctl.signal
    loading.value = true
    error.value = null
    try {
      report.value = await reportsApi.get({ kind, region, period, topic: topic ?? undefined }, signal)
    }
    catch (err) {
      if (signal.aborted)
        return
      report.value = null
      error.value = serverMessage(err)
    }
    finally {
      if (!signal.aborted)
        loading.value = false
    }
  }, { immediate: true })

  onBeforeUnmount(() => ctl?.abort())

  return { params, report, loading, error, update }
}
