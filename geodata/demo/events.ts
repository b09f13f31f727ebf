import type { CategoryDef, SubClassDef } from '../../server/src/catalog/indicator-catalog.ts'
import type { ResolvedHotspot } from './hotspots.ts'
import type { Rng } from './random.ts'
import type { DemoEvent, DemoRegion } from './types.ts'
import { countEvents, index } from './event-counts.ts'
import { resolveHotspots } from './hotspots.ts'
import { daysInMonth, demoMonths, monthOfYear } from './months.ts'
import { hourProfileFor, HOURS, profileFor } from './profiles.ts'
import { cumulate, makeRng, pickCumulative } from './random.ts'
import { round6, TownshipSampler } from './sampler.ts'
import { townshipsOf } from './townships.ts'
import { DEFAULT_SEED } from './types.ts'

export interface EventOptions { regions: DemoRegion[], catalog: CategoryDef[], endMonth: string, total?: number, seed?: string }

/** ~100k synthetic point events over 24 months, including the planted hot spots. */
export function generateDemoEvents(opts: EventOptions): Generator<DemoEvent> {
  return generate({ ...opts, total: opts.total ?? 100_000 }, true, 'demo')
}

/** Background events only (no planted hot spots), for the 1M-event benchmark. */
export function generateBenchEvents(opts: EventOptions & { total: number }): Generator<DemoEvent> {
  return generate(opts, false, 'bench')
}

const STREET_KINDS = ['robbery', 'snatching', 'pickpocketing', 'motor_vehicle_theft', 'non_motor_vehicle_theft', 'theft_from_vehicle', 'shop_theft', 'provoking_trouble', 'brawl']
const HOUR_CUMULATIVE = Object.fromEntries(Object.entries(HOURS).map(([k, w]) => [k, cumulate(w)])) as Record<keyof typeof HOURS, Float64Array>
const M_PER_DEG_LAT = 110_540

function* generate(opts: EventOptions & { total: number }, withHotspots: boolean, prefix: string): Generator<DemoEvent> {
  const seed = opts.seed ?? DEFAULT_SEED
  const months = demoMonths(opts.endMonth)
  const subs = opts.catalog.flatMap(c => c.classes.flatMap(k => k.subclasses)).filter(s => s.geolocated)
  const towns = townshipsOf(opts.regions, seed)
  if (towns.length === 0 || subs.length === 0)
    return
  const samplers = new Map<string, TownshipSampler>()
  const samplerFor = (code: string): TownshipSampler => {
    let sampler = samplers.get(code)
    if (!sampler) {
      const region = towns.find(t => t.region.code === code)?.region
      if (!region)
        throw new Error(`unknown township ${code}`)
      sampler = new TownshipSampler(region.geometry)
      samplers.set(code, sampler)
    }
    return sampler
  }
  const hotspots = withHotspots ? resolveHotspots(opts.regions) : []
  const hotspotCounts = hotspots.map(h => hotspotMonthCounts(h, months, opts.total))
  const hotspotTotal = hotspotCounts.flat().reduce((a, b) => a + b, 0)
  const table = countEvents(towns, subs, months, Math.max(0, opts.total - hotspotTotal), seed)
  const rng = makeRng(seed, 'events', prefix)
  const width = String(opts.total).length < 6 ? 6 : String(opts.total).length
  let serial = 0
  const makeEvent = (sub: SubClassDef, month: string, lon: number, lat: number, extra: Record<string, string>): DemoEvent => ({
    id: `${prefix}-${String(++serial).padStart(width, '0')}`,
    indicator: sub.code,
    occurredAt: localTime(rng, sub, month),
    lon,
    lat,
    attrs: { synthetic: 'true', channel: channelOf(sub.code), ...extra, ...streetKind(rng, sub.code) },
  })
  for (let m = 0; m < months.length; m++) {
    const month = months[m] ?? ''
    for (let t = 0; t < towns.length; t++) {
      for (let s = 0; s < subs.length; s++) {
        const n = table.counts[index(table, t, s, m)] ?? 0
        const sub = subs[s]
        const town = towns[t]
        if (n === 0 || !sub || !town)
          continue
        const sampler = samplerFor(town.region.code)
        for (let k = 0; k < n; k++) {
          const [lon, lat] = sampler.sample(rng)
          yield makeEvent(sub, month, lon, lat, {})
        }
      }
    }
    for (const [h, hotspot] of hotspots.entries()) {
      const hotSubs = subs.filter(s => hotspot.subclasses.includes(s.code))
      const n = hotspotCounts[h]?.[m] ?? 0
      for (let k = 0; k < n && hotSubs.length > 0; k++) {
        const sub = hotSubs[Math.floor(rng() * hotSubs.length)] ?? hotSubs[0]!
        const [lon, lat] = pointInDisc(rng, hotspot, samplerFor(hotspot.township))
        yield makeEvent(sub, month, lon, lat, { planted: hotspot.id })
      }
    }
  }
}

/** Spread a hot spot's events evenly over its active months inside the window; small runs get proportionally fewer. */
function hotspotMonthCounts(h: ResolvedHotspot, months: string[], total: number): number[] {
  const activeIdx = months.flatMap((m, i) => (h.activeMonths.length === 0 || h.activeMonths.includes(monthOfYear(m) + 1) ? [i] : []))
  const counts = months.map(() => 0)
  if (activeIdx.length === 0)
    return counts
  const n = Math.round(h.events * Math.min(1, total / 100_000))
  const base = Math.floor(n / activeIdx.length)
  const lateExtras = new Set(activeIdx.slice(activeIdx.length - (n - base * activeIdx.length)))
  for (const i of activeIdx) counts[i] = base + (lateExtras.has(i) ? 1 : 0)
  return counts
}

function pointInDisc(rng: Rng, h: ResolvedHotspot, sampler: TownshipSampler): [number, number] {
  for (;;) {
    const r = h.radius * Math.sqrt(rng())
    const angle = 2 * Math.PI * rng()
    const lat = h.centre[1] + (r * Math.sin(angle)) / M_PER_DEG_LAT
    const lon = h.centre[0] + (r * Math.cos(angle)) / (M_PER_DEG_LAT * Math.cos((h.centre[1] * Math.PI) / 180))
    const point: [number, number] = [round6(lon), round6(lat)]
    if (sampler.contains(point[0], point[1]))
      return point
  }
}

/** Local Asia/Shanghai wall-clock time written with its +08:00 offset (China has no DST). */
function localTime(rng: Rng, sub: SubClassDef, month: string): string {
  const profile = hourProfileFor(profileFor(sub.code), monthOfYear(month))
  const hour = pickCumulative(rng, HOUR_CUMULATIVE[profile])
  const day = 1 + Math.floor(rng() * daysInMonth(month))
  const minute = Math.floor(rng() * 60)
  const second = Math.floor(rng() * 60)
  return `${month}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`
}

function channelOf(code: string): string {
  if (code.startsWith('A1'))
    return '12345'
  if (code.startsWith('A2'))
    return '110'
  return 'police_case'
}

function streetKind(rng: Rng, code: string): Record<string, string> {
  return code === 'A2-02' ? { streetKind: STREET_KINDS[Math.floor(rng() * STREET_KINDS.length)] ?? 'brawl' } : {}
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
