/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Optional basemap: a MapLibre style JSON URL or an XYZ raster template with {z}/{x}/{y}. Default: none. */
  readonly VITE_BASEMAP_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}

interface Window {
  /** Runtime configuration, e.g. injected by a deployment's config.js before the app loads. */
  RISKMAP_CONFIG?: { basemapUrl?: string }
  /** Exposed for end-to-end tests. */
  __riskmap?: { map: import('maplibre-gl').Map }
}
