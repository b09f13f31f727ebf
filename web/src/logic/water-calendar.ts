/** The calendar heatmap's data: [hour, month index, count] cells for ECharts, and peak labels. */
export const CALENDAR_HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))

export function calendarData(cells: Array<{ month: number, hour: number, count: number }>): Array<[number, number, number]> {
  const grid = new Map(cells.map(c => [`${c.month}-${c.hour}`, c.count]))
  const out: Array<[number, number, number]> = []
  for (let m = 1; m <= 12; m++) {
    for (let h = 0; h < 24; h++)
      out.push([h, m - 1, grid.get(`${m}-${h}`) ?? 0])
  }
  return out
}

/** "6–8" for a run of bins (a single bin is itself; a run may wrap, "12–2"). */
export function binRange(bins: number[]): string {
  if (!bins.length)
    return ''
  return bins.length === 1 ? String(bins[0]) : `${bins[0]}–${bins.at(-1)}`
}

/** Hours as clock times: the peak [16, 17, 18, 19] is 16:00–20:00. */
export function hourRange(bins: number[]): string {
  if (!bins.length)
    return ''
  const end = (bins.at(-1)! + 1) % 24
  return `${String(bins[0]).padStart(2, '0')}:00–${String(end).padStart(2, '0')}:00`
}
