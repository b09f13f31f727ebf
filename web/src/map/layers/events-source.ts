/** The event vector tiles (`GET /api/tiles/events/{z}/{x}/{y}.mvt`); their one source-layer. */
export const EVENTS_SOURCE = 'events'
export const EVENTS_SOURCE_LAYER = 'events'
/** Hex cell counts for the current view, a GeoJSON source fed from `/api/hotspots/hexbins`. */
export const HEXBINS_SOURCE = 'hexbins'

/** Event layers start here: below it a whole city is a few pixels and points say nothing. */
export const EVENTS_MIN_ZOOM = 8
/** The server sends one point per event from this zoom; below it, aggregated counts. */
export const EVENTS_POINT_ZOOM = 13

export type Visibility = 'visible' | 'none'
export const visibility = (on: boolean): Visibility => on ? 'visible' : 'none'

/** True for the server's aggregated features (a grid or hex count with `cluster: true`). */
export const isCluster: ['to-boolean', ['get', string]] = ['to-boolean', ['get', 'cluster']]
