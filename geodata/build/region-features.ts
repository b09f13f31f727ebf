import type { MultiPolygon } from 'geojson'
import type { RegionFeatureProps } from '../regions.ts'
import type { CountyShape } from './county-polygons.ts'
import type { CityPlan } from './division-codes.ts'
import type { TownshipPiece } from './synthetic-partition.ts'
import * as turf from '@turf/turf'
import { ECHARTS_PACKAGE } from './echarts-source.ts'
import { asMultiPolygon } from './ring-cleaning.ts'
import { insertSharedVertices, roundMultiPolygon } from './shared-vertices.ts'
import { syntheticTownshipPopulation } from './synthetic-population.ts'

export interface RegionDraft { props: RegionFeatureProps, geometry: MultiPolygon }
export interface CountyBuild { shape: CountyShape, townships: TownshipPiece[] }
export interface CityBuild { plan: CityPlan, counties: CountyBuild[] }

function countySource(shape: CountyShape): string {
  return `${ECHARTS_PACKAGE} geojson/shape-with-internal-borders/${shape.plan.shapeFile}, feature ${shape.plan.name}; GCJ-02 converted to WGS84 with gcoord`
}

function unionOf(shapes: MultiPolygon[]): MultiPolygon {
  if (shapes.length === 1)
    return shapes[0]!
  const merged = turf.union(turf.featureCollection(shapes.map(s => turf.feature(s))))
  if (!merged)
    throw new Error('union of counties is empty')
  return asMultiPolygon(merged.geometry)
}

/** All regions of one city, townships first; the geometry is rounded but shared vertices are not yet aligned. */
function cityDrafts(city: CityBuild): RegionDraft[] {
  const drafts: RegionDraft[] = []
  const countyDrafts: RegionDraft[] = []
  for (const { shape, townships } of city.counties) {
    const source = countySource(shape)
    const townshipDrafts = townships.map<RegionDraft>(t => ({
      props: { code: t.code, name: t.name, level: 'township', parent: shape.plan.code, population: syntheticTownshipPopulation(t.code, t.name), populationSynthetic: true, approximate: true, source: `synthetic partition of ${source}` },
      geometry: roundMultiPolygon(t.geometry),
    }))
    countyDrafts.push({
      props: { code: shape.plan.code, name: shape.plan.name, level: 'district', parent: city.plan.code, population: sum(townshipDrafts), populationSynthetic: true, approximate: false, source },
      geometry: roundMultiPolygon(shape.geometry),
    })
    drafts.push(...townshipDrafts)
  }
  const partial = city.plan.coverageNote !== null
  const citySource = partial
    ? `${city.plan.coverageNote}: ${countySource(city.counties[0]!.shape)}`
    : `union of its ${countyDrafts.length} counties from ${ECHARTS_PACKAGE} geojson/shape-with-internal-borders/${city.counties[0]!.shape.plan.shapeFile}; GCJ-02 converted to WGS84 with gcoord`
  drafts.push({
    // A city drawn as one district is not the city's shape, so it is flagged approximate.
    props: { code: city.plan.code, name: city.plan.name, level: 'city', parent: null, population: sum(countyDrafts), populationSynthetic: true, approximate: partial, source: citySource },
    geometry: roundMultiPolygon(unionOf(countyDrafts.map(c => c.geometry))),
  })
  return [...drafts, ...countyDrafts]
}

function sum(drafts: RegionDraft[]): number {
  return drafts.reduce((total, d) => total + d.props.population, 0)
}

const LEVEL_ORDER = { city: 0, district: 1, township: 2 } as const

/** Full-resolution regions, ordered city → district → township and by code, with shared vertices aligned. */
export function buildRegionDrafts(cities: CityBuild[]): RegionDraft[] {
  const drafts = cities.flatMap(cityDrafts)
    .sort((a, b) => LEVEL_ORDER[a.props.level] - LEVEL_ORDER[b.props.level] || a.props.code.localeCompare(b.props.code))
  const aligned = insertSharedVertices(drafts.map(d => d.geometry))
  return drafts.map((d, i) => ({ ...d, geometry: aligned[i]! }))
}
