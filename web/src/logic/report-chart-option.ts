import type { ReportChart } from '../api/reports-api.ts'
import type { ReportLang } from './report-format.ts'
import { pick } from './report-format.ts'

/** Print colours: dark enough on paper and distinct in greyscale order. */
export const REPORT_PALETTE = ['#1f5fa8', '#e07b28', '#3a9a4a', '#c23b3b', '#7b55a8', '#8c6a3f', '#d05fa0', '#6b7280', '#b8a62a', '#1fa3b3']
const INK = '#222'
const GRID = '#ddd'

/**
 * The ECharts option for one report chart, styled for paper (dark ink on white, no animation so
 * a print or a PNG export never catches a half-drawn frame). Bars and lines share the category
 * axis; a pie takes the first series.
 */
export function reportChartOption(chart: ReportChart, lang: ReportLang) {
  const categories = chart.categories.map(c => pick(c, lang))
  const base = {
    animation: false,
    backgroundColor: '#fff',
    color: REPORT_PALETTE,
    textStyle: { color: INK, fontFamily: 'Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif' },
  }
  if (chart.kind === 'pie') {
    const series = chart.series[0]
    return {
      ...base,
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { color: INK, fontSize: 10 } },
      series: [{
        type: 'pie',
        name: series ? pick(series.name, lang) : '',
        radius: ['0%', '68%'],
        center: ['36%', '52%'],
        label: { formatter: '{d}%', fontSize: 10, color: INK },
        data: categories.map((name, i) => ({ name, value: series?.data[i] ?? 0 })),
      }],
    }
  }
  return {
    ...base,
    legend: { top: 0, textStyle: { color: INK, fontSize: 10 }, data: chart.series.map(s => pick(s.name, lang)) },
    grid: { left: 44, right: 12, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { color: INK, fontSize: 10, interval: 0, rotate: categories.length > 6 ? 30 : 0, width: 90, overflow: 'truncate' },
      axisLine: { lineStyle: { color: '#999' } },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: INK, fontSize: 10 }, splitLine: { lineStyle: { color: GRID } } },
    series: chart.series.map(s => ({
      type: chart.kind,
      name: pick(s.name, lang),
      data: s.data,
      ...(chart.kind === 'line' ? { showSymbol: true, symbolSize: 4 } : { barMaxWidth: 28 }),
    })),
  }
}
