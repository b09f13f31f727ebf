import type { FeatureCollection } from 'geojson'

/** Regions on show at the current level; `promoteId` makes the region code the feature-state id. */
export const REGIONS_SOURCE = 'regions'
/** The level above, drawn faintly for orientation when drilled in. */
export const CONTEXT_SOURCE = 'context'
export const REGION_ID_PROPERTY = 'code'

export const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] }
