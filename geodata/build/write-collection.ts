import type { MultiPolygon } from 'geojson'
import type { RegionFeatureProps } from '../regions.ts'
import { writeFileSync } from 'node:fs'

/**
 * One feature per line: stable bytes for identical input, and a reviewable git diff when a
 * single region changes. Property order is fixed by RegionFeatureProps' construction.
 */
export function writeRegionCollection(url: URL, features: { props: RegionFeatureProps, geometry: MultiPolygon }[]): number {
  const lines = features.map(({ props, geometry }) => JSON.stringify({
    type: 'Feature',
    id: props.code,
    properties: {
      code: props.code,
      name: props.name,
      level: props.level,
      parent: props.parent,
      population: props.population,
      populationSynthetic: props.populationSynthetic,
      approximate: props.approximate,
      source: props.source,
    },
    geometry,
  }))
  const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`
  writeFileSync(url, text)
  return Buffer.byteLength(text)
}
