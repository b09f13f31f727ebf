export interface Camera { zoom: number, lat: number, lon: number }

/** Parse `#zoom/lat/lon`; null when absent, malformed or out of range. */
export function parseCameraHash(hash: string): Camera | null {
  const parts = hash.replace(/^#/, '').split('/')
  if (parts.length !== 3 || parts.some(p => p.trim() === ''))
    return null
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number]
  if (![zoom, lat, lon].every(Number.isFinite))
    return null
  if (zoom < 0 || zoom > 24 || lat < -85.06 || lat > 85.06 || lon < -180 || lon > 180)
    return null
  return { zoom, lat, lon }
}

/** Coordinates get more decimals as the zoom grows, so a shared link reopens to the same pixel. */
export function formatCameraHash({ zoom, lat, lon }: Camera): string {
  const digits = Math.max(2, Math.min(7, Math.ceil(zoom * Math.LN2 / Math.LN10) + 1))
  return `#${zoom.toFixed(2)}/${lat.toFixed(digits)}/${lon.toFixed(digits)}`
}
