import type { StyleSpecification } from 'maplibre-gl'
import { CONTEXT_SOURCE, EMPTY_COLLECTION, REGION_ID_PROPERTY, REGIONS_SOURCE } from './sources.ts'

export const BACKGROUND_COLOR = '#0e1320'

/**
 * The basemap hook. Default is none: a plain background, so the app runs fully offline.
 * Set `window.RISKMAP_CONFIG.basemapUrl` at run time (e.g. from a deployment's config.js) or
 * VITE_BASEMAP_URL at build time to either an XYZ raster template (`…/{z}/{x}/{y}…`) or a
 * MapLibre style JSON URL. The thematic layers are added on top either way.
 * In China a public basemap needs an approval number (审图号); choosing one is the operator's call.
 */
export function basemapUrl(): string | undefined {
  return window.RISKMAP_CONFIG?.basemapUrl || import.meta.env.VITE_BASEMAP_URL || undefined
}

function thematicSources(): StyleSpecification['sources'] {
  return {
    [REGIONS_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: REGION_ID_PROPERTY },
    [CONTEXT_SOURCE]: { type: 'geojson', data: EMPTY_COLLECTION, promoteId: REGION_ID_PROPERTY },
  }
}

/** The style the map starts with; a style-JSON basemap is loaded as-is and the sources added after. */
export function baseStyle(url = basemapUrl()): StyleSpecification | string {
  if (url && !url.includes('{z}'))
    return url
  const style: StyleSpecification = {
    version: 8,
    sources: thematicSources(),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }],
  }
  if (url) {
    style.sources.basemap = { type: 'raster', tiles: [url], tileSize: 256 }
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap', paint: { 'raster-opacity': 0.6 } })
  }
  return style
}

/** Make sure the thematic sources exist (needed after a style-JSON basemap loads). */
export function ensureThematicSources(map: import('maplibre-gl').Map): void {
  for (const [id, source] of Object.entries(thematicSources())) {
    if (!map.getSource(id))
      map.addSource(id, source)
  }
}
