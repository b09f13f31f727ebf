import type { MultiPolygon, Position } from 'geojson'
import type { CountyPlan } from './division-codes.ts'
import type { EchartsCollection } from './echarts-source.ts'
import * as turf from '@turf/turf'
import { featurePolygons } from './echarts-decode.ts'
import { dropRepeatsAndSpikes, gcj02ToWgs84, normalizeMultiPolygon } from './ring-cleaning.ts'

/**
 * Parts smaller than this are slivers left by the 1/1024° quantisation where two counties
 * meet (大渡口 carries three of them along 九龙坡), not real exclaves.
 */
const MIN_PART_AREA_M2 = 100_000

export interface CountyShape {
  plan: CountyPlan
  geometry: MultiPolygon
  /** The county seat marker ECharts ships (`cp`), converted to WGS84; used to place 街道 centrally. */
  seat: Position
}

/** Finds the county by its Chinese name (the files' ids are not reliable across editions). */
export function countyShape(plan: CountyPlan, collection: EchartsCollection): CountyShape {
  const feature = collection.features.find(f => f.properties.name === plan.name)
  if (!feature)
    throw new Error(`${plan.shapeFile} has no feature named ${plan.name}`)

  const polygons = featurePolygons(collection, feature)
    .map(rings => rings.map(ring => dropRepeatsAndSpikes(ring.map(gcj02ToWgs84))).filter(ring => ring.length >= 4))
    .filter(rings => rings.length > 0 && turf.area(turf.polygon(rings)) >= MIN_PART_AREA_M2)
  if (polygons.length === 0)
    throw new Error(`${plan.name} has no usable polygon`)

  const geometry = normalizeMultiPolygon(polygons)
  const seat = feature.properties.cp ? gcj02ToWgs84(feature.properties.cp) : turf.centroid(geometry).geometry.coordinates
  return { plan, geometry, seat }
}
