import type { CityBuild } from './region-features.ts'
import { mkdirSync } from 'node:fs'
import { countyShape } from './county-polygons.ts'
import { displayGeometries } from './display-topology.ts'
import { loadDivisionPlan } from './division-codes.ts'
import { readEchartsShapes } from './echarts-source.ts'
import { absorbFragments } from './fragment-absorption.ts'
import { buildRegionDrafts } from './region-features.ts'
import { partitionCounty } from './synthetic-partition.ts'
import { writeRegionCollection } from './write-collection.ts'

/**
 * Rebuilds out/regions.geojson and out/regions-display.geojson from npm sources only.
 * Everything random is seeded, so two runs give byte-identical files.
 */
function rebuild(): void {
  const plan = loadDivisionPlan()
  const shapeFiles = [...new Set(plan.flatMap(city => city.counties.map(c => c.shapeFile)))].sort()
  console.log(`fetching ${shapeFiles.join(', ')} …`)
  const shapes = readEchartsShapes(shapeFiles)

  const cities: CityBuild[] = plan.map(city => ({
    plan: city,
    counties: city.counties.map((county) => {
      const shape = countyShape(county, shapes.get(county.shapeFile)!)
      return { shape, townships: absorbFragments(partitionCounty(shape)) }
    }),
  }))

  const drafts = buildRegionDrafts(cities)
  const display = displayGeometries(drafts)

  mkdirSync(new URL('../out/', import.meta.url), { recursive: true })
  const fullBytes = writeRegionCollection(new URL('../out/regions.geojson', import.meta.url), drafts)
  const displayBytes = writeRegionCollection(
    new URL('../out/regions-display.geojson', import.meta.url),
    drafts.map(d => ({ props: d.props, geometry: display.get(d.props.code)! })),
  )
  const count = (level: string): number => drafts.filter(d => d.props.level === level).length
  console.log(`${drafts.length} regions (${count('city')} cities, ${count('district')} districts, ${count('township')} townships)`)
  console.log(`regions.geojson ${(fullBytes / 1024).toFixed(0)} KB, regions-display.geojson ${(displayBytes / 1024).toFixed(0)} KB`)
}

rebuild()
