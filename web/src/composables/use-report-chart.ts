import type { EChartsCoreOption } from 'echarts/core'
import type { Ref, WatchSource } from 'vue'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { onBeforeUnmount, onMounted, watch } from 'vue'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, CanvasRenderer])

/**
 * A report chart in `el`: a fixed-size canvas at twice the screen's resolution so it stays sharp
 * on paper, redrawn whenever `source` changes. The instance is found again by its element
 * (`reportChartPng`), so the DOCX export takes exactly the charts on the page.
 */
export function useReportChart(el: Readonly<Ref<HTMLElement | null>>, source: WatchSource, option: () => EChartsCoreOption) {
  let chart: echarts.ECharts | null = null
  onMounted(() => {
    if (!el.value)
      return
    chart = echarts.init(el.value, undefined, { renderer: 'canvas', devicePixelRatio: 2 })
    chart.setOption(option(), true)
  })
  watch(source, () => chart?.setOption(option(), true))
  onBeforeUnmount(() => {
    chart?.dispose()
    chart = null
  })
}

/** The PNG (data URL) of the report chart drawn in `el`, on white; null if none is drawn there. */
export function reportChartPng(el: HTMLElement): string | null {
  const chart = echarts.getInstanceByDom(el)
  return chart ? chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) : null
}
