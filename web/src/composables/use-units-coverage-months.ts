import { useUnitsStore } from '../stores/units.ts'
import { useViewStore } from '../stores/view.ts'

/** Set the months coverage is counted over: the panel's, and the choropleth's (in the URL) when it is on. */
export function useUnitsCoverageMonths() {
  const units = useUnitsStore()
  const view = useViewStore()
  function setMonths(months: number) {
    units.coverageMonths = months
    const coverage = view.view.layers.coverage
    if (coverage && coverage.months !== months)
      view.patch({ layers: { ...view.view.layers, coverage: { ...coverage, months } } })
  }
  return { setMonths }
}
