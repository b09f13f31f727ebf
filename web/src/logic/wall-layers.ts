import type { LayerToggles } from './map-layer-toggles.ts'
import type { WallLayer } from './wall-scenes.ts'
import { DEFAULT_LAYERS } from './map-layer-toggles.ts'

/**
 * The workspace's layer switches for a wall scene's layer. Event layers draw over the region
 * outlines with the fill off, so the two colour schemes never compete. Layers the wall does not
 * draw yet (gistar, blindspots, patrol, water) fall back to the choropleth of the same indicator.
 */
export function wallToggles(layer: WallLayer): LayerToggles {
  const on = (key: 'points' | 'heatmap' | 'hexbins'): LayerToggles => ({ ...DEFAULT_LAYERS, choropleth: false, [key]: true })
  if (layer === 'points' || layer === 'heatmap' || layer === 'hexbins')
    return on(layer)
  return { ...DEFAULT_LAYERS }
}

/** Whether the wall draws `layer` itself rather than falling back to the choropleth. */
export function wallDrawsLayer(layer: WallLayer): boolean {
  return ['choropleth', 'points', 'heatmap', 'hexbins'].includes(layer)
}
