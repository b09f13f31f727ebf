import type { LayerToggles } from './map-layer-toggles.ts'
import type { WallLayer } from './wall-scenes.ts'
import { DEFAULT_LAYERS } from './map-layer-toggles.ts'
import { isWallOverlay } from './wall-overlays.ts'

/**
 * The workspace's layer switches for a wall scene's layer. Event layers draw over the region
 * outlines with the fill off, so the two colour schemes never compete; so do the overlays
 * (gistar, blind spots, patrol, water), which bring their own layers (logic/wall-overlays.ts).
 */
export function wallToggles(layer: WallLayer): LayerToggles {
  const on = (key: 'points' | 'heatmap' | 'hexbins'): LayerToggles => ({ ...DEFAULT_LAYERS, choropleth: false, [key]: true })
  if (layer === 'points' || layer === 'heatmap' || layer === 'hexbins')
    return on(layer)
  if (isWallOverlay(layer))
    return { ...DEFAULT_LAYERS, choropleth: false }
  return { ...DEFAULT_LAYERS }
}
