/**
 * Screen cell for binning: two of the server's 16 px aggregation cells, about the kernel's
 * diameter, so that single events (a few per cell) are not all Poisson noise.
 */
export const HEAT_CELL_PX = 32
/** The heatmap kernel radius (px) at every zoom. */
export const HEAT_RADIUS_PX = 20
export const DEFAULT_HEAT_INTENSITY = 0.05

export interface WeightedPoint { x: number, y: number, weight: number }

/** Summed weights per non-empty HEAT_CELL_PX screen cell. */
export function binWeights(points: Iterable<WeightedPoint>, cell = HEAT_CELL_PX): number[] {
  const bins = new Map<string, number>()
  for (const p of points) {
    if (!(p.weight > 0))
      continue
    const key = `${Math.floor(p.x / cell)}:${Math.floor(p.y / cell)}`
    bins.set(key, (bins.get(key) ?? 0) + p.weight)
  }
  return [...bins.values()]
}

/**
 * The `heatmap-intensity` that brings the busiest cells on screen (the 99th percentile of
 * non-empty cells) to a density of about 1, the top of the colour ramp; the rest of the picture
 * is relative to them. Without this, a year of events in a city centre saturates the whole
 * screen, and a single month in the countryside barely shows.
 *
 * MapLibre's kernel is weight · intensity · 0.3989 · exp(−4.5 d²/r²) within radius r. A cell of
 * weight w repeated every `cell` px sums to about w · intensity · 0.3989 · (2π r²/9) / cell²,
 * the integral of the kernel over the disc. The result is snapped to quarter steps of log₂ so
 * that panning a little does not repaint for nothing.
 */
export function heatmapIntensity(cellWeights: readonly number[], radius = HEAT_RADIUS_PX, cell = HEAT_CELL_PX): number | null {
  const sorted = cellWeights.filter(w => Number.isFinite(w) && w > 0).sort((a, b) => a - b)
  if (sorted.length === 0)
    return null
  const busy = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!
  const perUnit = 0.3989 * (2 * Math.PI * radius * radius / 9) * (1 - Math.exp(-4.5)) / (cell * cell)
  const raw = 1 / (busy * perUnit)
  const snapped = 2 ** (Math.round(Math.log2(raw) * 4) / 4)
  return Math.min(20, Math.max(1e-5, Number(snapped.toPrecision(3))))
}
