import type { Ref } from 'vue'
import { compareApi } from '../api/compare-api.ts'
import { downloadBlob } from '../api/listed-api.ts'
import { dispositionFilename } from '../logic/listed-filters.ts'
import { useCompareStore } from '../stores/compare.ts'
import { useSubmit } from './use-submit.ts'

/** Download the comparison as CSV or XLSX through authFetch (a bearer token works as well as the cookie). */
export function useCompareExport(month: Ref<string | null>) {
  const compare = useCompareStore()
  const { pending, error, run } = useSubmit()

  function download(format: 'csv' | 'xlsx') {
    return run(async () => {
      if (!month.value)
        return
      const { blob, disposition } = await downloadBlob(compareApi.exportUrl(compare.codes, month.value, format))
      const href = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = href
      a.download = dispositionFilename(disposition, `compare-${month.value}.${format}`)
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(href), 10_000)
    })
  }

  return { pending, error, download }
}
