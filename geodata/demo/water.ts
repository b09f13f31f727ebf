import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson'
import * as turf from '@turf/turf'

/**
 * Synthetic drowning-prevention data for 大渡口区: an approximate Yangtze channel, a few ponds and
 * a reservoir, the assets along the bank and two drone routes. Everything here is hand-placed and
 * synthetic; geodata/demo/README.md ("Demo water") says how.
 *
 * The channel: the bank is a line through points picked by hand on the district's approximate
 * south-east boundary (DOMAIN.md: "the Yangtze runs along its south-east side"), from 跳磴 past
 * 建胜, 春晖路, 茄子溪 and 九宫庙 to 新山村. The centreline is that line moved 250 m into the river
 * (to its right, downstream), buffered 425 m each side (an 850 m channel) and cut to the district's
 * latitude band at both ends. Its inner edge so lies about 175 m inside the approximate township
 * polygons all along, and stands for the bank; its outer edge lies in 巴南区, which is not loaded,
 * and drops out of the shoreline.
 */
export const YANGTZE_BANK: Array<[number, number]> = [
  [106.3974, 29.3435], // 跳磴 upstream
  [106.4198, 29.3513],
  [106.4306, 29.3552],
  [106.4423, 29.3698],
  [106.4511, 29.3835], // 建胜
  [106.4658, 29.3923],
  [106.4844, 29.4002], // 春晖路
  [106.5001, 29.4022],
  [106.5059, 29.4012], // 茄子溪
  [106.5197, 29.3935],
  [106.5285, 29.3915],
  [106.5314, 29.3955],
  [106.5304, 29.4003],
  [106.5236, 29.4150],
  [106.5197, 29.4179],
  [106.5040, 29.4364], // 九宫庙
  [106.4971, 29.4451],
  [106.4952, 29.4559],
  [106.4971, 29.4734], // 新山村
  [106.4991, 29.4803],
]

export const CHANNEL_OFFSET_M = 250
export const CHANNEL_HALF_WIDTH_M = 425

export interface DemoZone { name: string, kind: 'river' | 'reservoir' | 'pond', danger: 1 | 2 | 3, approximate: boolean, sourceNote: string, geometry: Polygon | MultiPolygon }
export interface DemoAsset { name: string, type: 'warning_sign' | 'fence' | 'rescue_equipment' | 'guard_post', lon: number, lat: number }
export interface DemoRoute { name: string, drone: string, maxFlightM: number, geometry: LineString }

function disc(lon: number, lat: number, radiusM: number): Polygon {
  return turf.circle([lon, lat], radiusM / 1000, { steps: 32, units: 'kilometers' }).geometry
}

export function demoWaterZones(): DemoZone[] {
  // turf: a positive offset is to the right of the line's direction, here into the river.
  const line = turf.lineOffset(turf.lineString(YANGTZE_BANK), CHANNEL_OFFSET_M / 1000, { units: 'kilometers' })
  const buffered = turf.buffer(line, CHANNEL_HALF_WIDTH_M / 1000, { units: 'kilometers', steps: 8 }) as Feature<Polygon | MultiPolygon>
  const band = turf.bboxPolygon([106.38, 29.338, 106.56, 29.4803])
  const channel = turf.intersect(turf.featureCollection([buffered, band]))!.geometry
  return [
    {
      name: '长江大渡口段（近似河道）',
      kind: 'river',
      danger: 3,
      approximate: true,
      sourceNote: 'Approximate: a bank line picked by hand on the approximate district boundary, moved 250 m into the river and buffered 425 m each side. Not a surveyed channel; synthetic demo data.',
      geometry: channel,
    },
    { name: '跳磴水库（合成）', kind: 'reservoir', danger: 3, approximate: false, sourceNote: 'synthetic demo data', geometry: disc(106.4200, 29.3640, 220) },
    { name: '八桥镇鱼塘（合成）', kind: 'pond', danger: 2, approximate: false, sourceNote: 'synthetic demo data', geometry: disc(106.4120, 29.4250, 110) },
    { name: '建胜镇水塘（合成）', kind: 'pond', danger: 1, approximate: false, sourceNote: 'synthetic demo data', geometry: disc(106.4180, 29.3960, 80) },
  ]
}

/** The bank line moved `metres` inland (to its left): where the demo's assets and routes stand. */
function inland(metres: number) {
  return turf.lineOffset(turf.lineString(YANGTZE_BANK), -metres / 1000, { units: 'kilometers' })
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

/** Assets along the river: [name, type, km along the bank from 跳磴]. */
const RIVER_ASSETS: Array<[string, DemoAsset['type'], number]> = [
  ['跳磴江边值守点', 'guard_post', 3.0],
  ['建胜码头救生圈', 'rescue_equipment', 7.0],
  ['春晖路江滩值守点', 'guard_post', 10.5],
  ['茄子溪警示牌一', 'warning_sign', 13.5],
  ['茄子溪警示牌二', 'warning_sign', 16.5],
  ['茄子溪防护栏', 'fence', 18.5],
  ['茄子溪警示牌三', 'warning_sign', 19.5],
  ['九宫庙救生设备箱', 'rescue_equipment', 22.0],
  ['九宫庙警示牌', 'warning_sign', 23.5],
  ['新山村江边值守点', 'guard_post', 25.5],
]

/**
 * Assets 300 m inland of the bank (beyond the channel's inner edge), with a deliberate gap: from
 * km 11 to km 21.5 (the 茄子溪 bend, where the demo's summer water-call cluster lies, at km 19.3)
 * there are warning signs and a fence but no guard post or rescue point. The reservoir and the
 * 八桥 pond have their own.
 */
export function demoWaterAssets(): DemoAsset[] {
  const line = inland(300)
  const river = RIVER_ASSETS.map(([name, type, km]) => {
    const [lon, lat] = turf.along(line, km, { units: 'kilometers' }).geometry.coordinates as [number, number]
    return { name, type, lon: round6(lon), lat: round6(lat) }
  })
  return [
    ...river,
    { name: '跳磴水库值守点', type: 'guard_post', lon: 106.4180, lat: 29.3618 },
    { name: '跳磴水库警示牌', type: 'warning_sign', lon: 106.4226, lat: 29.3665 },
    { name: '八桥镇鱼塘警示牌', type: 'warning_sign', lon: 106.4108, lat: 29.4240 },
  ]
}

/** Two inspection routes along the bank, 300 m inland (a route must touch a loaded township), each within its drone's battery. */
export function demoDroneRoutes(): DemoRoute[] {
  const line = inland(300)
  const slice = (fromKm: number, toKm: number): LineString => ({
    type: 'LineString',
    coordinates: turf.lineSliceAlong(line, fromKm, toKm, { units: 'kilometers' }).geometry.coordinates.map(([x, y]) => [round6(x!), round6(y!)]),
  })
  return [
    { name: '茄子溪江岸巡查', drone: '巡查无人机 1 号（合成）', maxFlightM: 14000, geometry: slice(10, 21.5) },
    { name: '九宫庙—新山村江岸巡查', drone: '巡查无人机 2 号（合成）', maxFlightM: 6000, geometry: slice(21.5, 26) },
  ]
}
