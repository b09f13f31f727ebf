/** Axis colours of the dark chart theme shared by the panels' charts. */
const LABEL = '#9aa8bf'
const AXIS_LINE = '#2b3650'
const SPLIT_LINE = '#222b3d'

/** A category axis of 'YYYY-MM' months, labelled without the century ('24-03'). */
export function monthAxis(months: string[]) {
  return {
    type: 'category' as const,
    data: months,
    axisLabel: { color: LABEL, formatter: (m: string) => m.slice(2) },
    axisLine: { lineStyle: { color: AXIS_LINE } },
  }
}

/** A value axis with faint grid lines; `minInterval: 1` keeps counts on whole numbers. */
export function valueAxis(minInterval?: number) {
  return {
    type: 'value' as const,
    ...(minInterval !== undefined ? { minInterval } : {}),
    axisLabel: { color: LABEL },
    splitLine: { lineStyle: { color: SPLIT_LINE } },
  }
}
