import type { Comparison } from '../api/compare-api.ts'
import { monthAxis, valueAxis } from './chart-axes.ts'
import { trayColor } from './compare-tray.ts'

export type CompareMetric = 'value' | 'per10k'
type Label = (ind: Comparison['indicators'][number]) => string

const LABEL = '#9aa8bf'
const legend = (data: Comparison) => ({ top: 0, textStyle: { color: LABEL }, data: data.regions.map(r => r.name) })
const pick = (cell: { value: number, per10k: number | null } | undefined, metric: CompareMetric) => cell ? (metric === 'value' ? cell.value : cell.per10k) : null

/** Bars: the total and the four categories, one series per region in its tray colour. */
export function barOption(data: Comparison, metric: CompareMetric, label: Label) {
  const rows = data.indicators.filter(i => i.kind !== 'class')
  return {
    animation: false,
    legend: legend(data),
    grid: { left: 48, right: 12, top: 30, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: rows.map(label), axisLabel: { color: LABEL, interval: 0, width: 90, overflow: 'truncate' } },
    yAxis: valueAxis(),
    series: data.regions.map((r, i) => ({ type: 'bar', name: r.name, itemStyle: { color: trayColor(i) }, data: rows.map(ind => pick(r.cells[ind.code], metric)) })),
  }
}

/** Radar over the ten classes, each axis scaled to the largest of the compared regions. */
export function radarOption(data: Comparison, metric: CompareMetric, label: Label) {
  const classes = data.indicators.filter(i => i.kind === 'class')
  const max = (code: string) => Math.max(1e-9, ...data.regions.map(r => pick(r.cells[code], metric) ?? 0))
  return {
    animation: false,
    legend: legend(data),
    tooltip: {},
    radar: {
      center: ['50%', '56%'],
      radius: '62%',
      indicator: classes.map(c => ({ name: label(c), max: max(c.code) })),
      axisName: { color: LABEL, fontSize: 11 },
      splitLine: { lineStyle: { color: '#2b3650' } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: '#2b3650' } },
    },
    series: [{
      type: 'radar',
      data: data.regions.map((r, i) => ({
        name: r.name,
        value: classes.map(c => pick(r.cells[c.code], metric) ?? 0),
        lineStyle: { color: trayColor(i), width: 2 },
        itemStyle: { color: trayColor(i) },
        areaStyle: { color: trayColor(i), opacity: 0.08 },
      })),
    }],
  }
}

/** 24 months of one series (the total or a category), one line per region. */
export function trendOption(data: Comparison, series: string) {
  return {
    animation: false,
    legend: legend(data),
    grid: { left: 44, right: 12, top: 30, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: monthAxis(data.trendMonths),
    yAxis: valueAxis(1),
    series: data.regions.map((r, i) => ({
      type: 'line',
      name: r.name,
      data: r.trends[series] ?? [],
      showSymbol: false,
      lineStyle: { color: trayColor(i), width: 2 },
      itemStyle: { color: trayColor(i) },
    })),
  }
}
