import type { DemoEvent, DemoRegion } from './index.ts'
/**
 * Self-checks for the demo generator (the lead ports them to vitest). Run:
 *   tsx demo/check-demo.ts                   small fixture squares
 *   tsx demo/check-demo.ts --regions out/regions.geojson [--bench]
 */
import { readFileSync } from 'node:fs'
import * as turf from '@turf/turf'
import { catalog } from '../../server/src/catalog/indicator-catalog.ts'
import { fixtureRegions } from './fixtures.ts'
import { distanceM } from './hotspots.ts'
import { demoMonths, generateBenchEvents, generateDemoEvents, generateDemoValues, plantedSurge, PROPERTY_CRIME, resolveHotspots, TELECOM_FRAUD } from './index.ts'

const END = '2025-06'
const args = process.argv.slice(2)
const regionsPath = args[args.indexOf('--regions') + 1]
const regions = args.includes('--regions') && regionsPath ? loadRegions(regionsPath) : fixtureRegions
const towns = regions.filter(r => r.level === 'township')
const subs = catalog.flatMap(c => c.classes.flatMap(k => k.subclasses))
const geoCodes = new Set(subs.filter(s => s.geolocated).map(s => s.code))
let failures = 0

function check(ok: boolean, label: string, detail = ''): void {
  if (!ok)
    failures++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${detail ? ` — ${detail}` : ''}`)
}

function loadRegions(path: string): DemoRegion[] {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon, Record<string, unknown>>
  return fc.features.map(f => ({
    code: String(f.properties.code),
    level: f.properties.level as DemoRegion['level'],
    parent: (f.properties.parent as string | null) ?? null,
    population: Number(f.properties.population ?? 0),
    geometry: f.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [f.geometry.coordinates] } : f.geometry,
  }))
}

// months
const months = demoMonths(END)
check(months.length === 24 && months[0] === '2023-07' && months[23] === END, 'demoMonths: 24 months ending with endMonth', `${months[0]}…${months[23]}`)

// values
const values = generateDemoValues({ regions, catalog, endMonth: END })
const nonGeo = subs.length - geoCodes.size
check(values.length === towns.length * 24 * nonGeo, 'values: every township × month × non-geolocated sub-class', `${values.length}`)
check(values.every(v => !geoCodes.has(v.indicator) && Number.isInteger(v.value) && v.value >= 0), 'values: no geolocated sub-class, non-negative integers')
check(JSON.stringify(values) === JSON.stringify(generateDemoValues({ regions, catalog, endMonth: END })), 'values: deterministic')
const surge = values.filter(v => v.region === plantedSurge.region && v.indicator === plantedSurge.indicator)
const last = surge.find(v => v.month === END)?.value ?? 0
const before = surge.filter(v => v.month !== END).map(v => v.value)
const prevMonth = surge.find(v => v.month === months[22])?.value ?? 0
const z = 2 * (Math.sqrt(last) - Math.sqrt(prevMonth))
if (towns.some(t => t.code === plantedSurge.region))
  check(z >= 3 && last > 3 * mean(before), 'planted surge stands out', `last ${last}, previous ${prevMonth}, mean before ${mean(before).toFixed(2)}, Poisson z ${z.toFixed(2)}`)
for (const cat of ['B', 'D']) console.log(`     values ${cat}: ${per10kMonth(values.filter(v => v.indicator.startsWith(cat)).reduce((s, v) => s + v.value, 0)).toFixed(2)} per 10k residents per month`)

// events
let t0 = performance.now()
const events = [...generateDemoEvents({ regions, catalog, endMonth: END })]
const seconds = (performance.now() - t0) / 1000
check(events.length === 100_000, 'events: exactly the default 100k', `${events.length} in ${seconds.toFixed(2)} s`)
check(seconds < 10, 'events: 100k in under 10 s')
check(new Set(events.map(e => e.id)).size === events.length, 'events: ids unique')
check(events.every(e => geoCodes.has(e.indicator) && e.attrs.synthetic === 'true'), 'events: only geolocated sub-classes, all labelled synthetic')
const isoLocal = /^(\d{4}-\d{2})-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/
check(events.every(e => months.includes(isoLocal.exec(e.occurredAt)?.[1] ?? '') && !Number.isNaN(Date.parse(e.occurredAt))), 'events: ISO times with +08:00 inside the window')
const again = generateDemoEvents({ regions, catalog, endMonth: END })
check(events.slice(0, 2000).every(e => JSON.stringify(e) === JSON.stringify(again.next().value)), 'events: deterministic')
const owner = townshipOf(events)
check(owner.every(c => c !== null), 'events: every point strictly inside exactly one township', `${owner.filter(c => c === null).length} outside/ambiguous`)

// structure: telecom fraud share per township-year
const shares: number[] = []
for (const town of towns) {
  for (const year of new Set(months.map(m => m.slice(0, 4)))) {
    const prop = events.filter((e, i) => owner[i] === town.code && e.occurredAt.startsWith(year) && PROPERTY_CRIME.includes(e.indicator))
    if (prop.length > 0)
      shares.push(prop.filter(e => e.indicator === TELECOM_FRAUD).length / prop.length)
  }
}
const allProp = events.filter(e => PROPERTY_CRIME.includes(e.indicator))
check(shares.every(s => s > 0.6), 'telecom fraud > 60% of property crime in every township-year', `min ${Math.min(...shares).toFixed(3)}, overall ${(allProp.filter(e => e.indicator === TELECOM_FRAUD).length / allProp.length).toFixed(3)}`)

// seasonality and hours
function summerWinter(prefix: string) {
  const inMonths = (e: DemoEvent, ms: number[]) => e.indicator.startsWith(prefix) && ms.includes(Number(e.occurredAt.slice(5, 7)))
  return events.filter(e => inMonths(e, [6, 7, 8])).length / Math.max(1, events.filter(e => inMonths(e, [12, 1, 2])).length)
}
check(summerWinter('C1') > 1.3, 'public-order cases peak in summer', `summer/winter ${summerWinter('C1').toFixed(2)}`)
check(summerWinter('A2-01') > 5, 'water-related calls peak in summer', `summer/winter ${summerWinter('A2-01').toFixed(2)}`)
const summerWater = events.filter(e => e.indicator === 'A2-01' && ['06', '07', '08'].includes(e.occurredAt.slice(5, 7)))
const hourOf = (e: { occurredAt: string }) => Number(e.occurredAt.slice(11, 13))
const afterSchool = summerWater.filter(e => hourOf(e) >= 16 && hourOf(e) < 20).length / summerWater.length
check(afterSchool > 0.35, 'summer water-related calls peak 16–19h', `${(afterSchool * 100).toFixed(1)}% in 16–19h`)
const eveningOrder = events.filter(e => e.indicator.startsWith('C1') && Number(e.occurredAt.slice(11, 13)) >= 18).length / events.filter(e => e.indicator.startsWith('C1')).length
console.log(`     public-order cases after 18:00: ${(eveningOrder * 100).toFixed(1)}%`)

// planted hot spots: density inside the disc against the township's background density
for (const h of resolveHotspots(regions)) {
  const town = towns.find(t => t.code === h.township)
  if (!town)
    continue
  const inTown = events.filter((e, i) => owner[i] === h.township && h.subclasses.includes(e.indicator))
  const inDisc = inTown.filter(e => distanceM(h.centre, [e.lon, e.lat]) <= h.radius)
  const discKm2 = (Math.PI * h.radius ** 2) / 1e6
  const ratio = (inDisc.length / discKm2) / (inTown.length / (turf.area(town.geometry) / 1e6))
  const moved = distanceM(h.anchor, h.centre)
  check(ratio > 3 && inDisc.length >= h.events * 0.9, `hot spot ${h.id} is dense`, `${inDisc.length} events in r=${Math.round(h.radius)} m, density ×${ratio.toFixed(1)} of township, centre moved ${Math.round(moved)} m from anchor`)
}

// stats
const perTown = towns.map(t => owner.filter(c => c === t.code).length).sort((a, b) => a - b)
console.log(`     events per township: min ${perTown[0]}, median ${perTown[Math.floor(perTown.length / 2)]}, max ${perTown[perTown.length - 1]} (${towns.length} townships)`)
for (const cat of ['A', 'C']) console.log(`     events ${cat}: ${events.filter(e => e.indicator.startsWith(cat)).length}`)
console.log(`     homicides (C2-01): ${events.filter(e => e.indicator === 'C2-01').length}`)

if (args.includes('--bench')) {
  t0 = performance.now()
  let n = 0
  for (const _ of generateBenchEvents({ regions, catalog, endMonth: END, total: 1_000_000 })) n++
  const s = (performance.now() - t0) / 1000
  check(n === 1_000_000, 'bench: 1M events streamed', `${s.toFixed(2)} s`)
}

console.log(failures === 0 ? 'all checks passed' : `${failures} check(s) failed`)
process.exit(failures === 0 ? 0 : 1)

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
}

function per10kMonth(total: number): number {
  return total / (towns.reduce((s, t) => s + t.population, 0) / 1e4) / 24
}

/** Township containing each event, or null when none or several do. */
function townshipOf(list: DemoEvent[]): (string | null)[] {
  const boxes = towns.map(t => ({ code: t.code, geometry: t.geometry, bbox: turf.bbox(t.geometry) }))
  return list.map((e) => {
    const hits = boxes.filter(b => e.lon > b.bbox[0] && e.lon < b.bbox[2] && e.lat > b.bbox[1] && e.lat < b.bbox[3]
      && turf.booleanPointInPolygon([e.lon, e.lat], b.geometry, { ignoreBoundary: true }))
    return hits.length === 1 ? (hits[0]?.code ?? null) : null
  })
}
