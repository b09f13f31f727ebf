import type { ListedFilters } from '../logic/listed-filters.ts'
import { downloadBlob } from '../api/listed-api.ts'
import { dispositionFilename, exportUrl } from '../logic/listed-filters.ts'
import { useSubmit } from './use-submit.ts'

/**
 * Download the filtered list as CSV or XLSX. The file is fetched (so a bearer token is sent, not
 * only the cookie) and handed to the browser as a blob link with the server's file name.
 */
export function useListedExport(filters: () => ListedFilters) {
  const { pending, error, run } = useSubmit()

  function download(format: 'csv' | 'xlsx') {
    return run(async () => {
      const { blob, disposition } = await downloadBlob(exportUrl(format, filters()))
      const href = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = href
      a.download = dispositionFilename(disposition, `listed-hotspots.${format}`)
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(href), 10_000)
    })
  }

  return { pending, error, download }
}
