import type { MultiPolygon } from 'geojson'
import * as turf from '@turf/turf'

const TOUCH_TOLERANCE = 1e-9

/**
 * Segment crossings inside each polygon (any ring against any ring), ignoring contacts at a
 * shared vertex: a hole touching its shell at one point is valid, and the source has several.
 */
export function properCrossings(shape: MultiPolygon): [number, number][] {
  const crossings: [number, number][] = []
  for (const polygon of shape.coordinates) {
    const vertices = polygon.flat()
    for (const kink of turf.kinks(turf.polygon(polygon)).features) {
      const [x, y] = kink.geometry.coordinates as [number, number]
      const atVertex = vertices.some(v => Math.abs(v[0]! - x) < TOUCH_TOLERANCE && Math.abs(v[1]! - y) < TOUCH_TOLERANCE)
      if (!atVertex)
        crossings.push([x, y])
    }
  }
  return crossings
}

/** Rings that are too short or have (almost) no area: what a collapsed simplification leaves. */
export function collapsedRingCount(shape: MultiPolygon): number {
  return shape.coordinates.flat().filter(ring => ring.length < 4 || turf.area(turf.polygon([ring])) < 1).length
}
