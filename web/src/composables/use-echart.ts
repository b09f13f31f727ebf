import type { EChartsCoreOption } from 'echarts/core'
import type { Ref, WatchSource } from 'vue'
import { GridComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { markRaw, onBeforeUnmount, onMounted, shallowRef, watch } from 'vue'

echarts.use([GridComponent, TooltipComponent, CanvasRenderer])

/**
 * An ECharts canvas chart in `el` for the component's lifetime: made on mount, drawn from
 * `option()` then and whenever `source` changes, resized with its element, disposed on unmount.
 * The caller registers its chart types with `echarts.use`. `notMerge` replaces the whole option
 * instead of merging into the last one (for series that come and go).
 */
export function useEChart(el: Readonly<Ref<HTMLElement | null>>, source: WatchSource, option: () => EChartsCoreOption, notMerge = false) {
  const chart = shallowRef<echarts.ECharts | null>(null)
  let observer: ResizeObserver | null = null

  function render() {
    chart.value?.setOption(option(), notMerge)
  }

  onMounted(() => {
    if (!el.value)
      return
    chart.value = markRaw(echarts.init(el.value, undefined, { renderer: 'canvas' }))
    render()
    observer = new ResizeObserver(() => chart.value?.resize())
    observer.observe(el.value)
  })

  watch(source, render)

  onBeforeUnmount(() => {
    observer?.disconnect()
    chart.value?.dispose()
    chart.value = null
  })
}
