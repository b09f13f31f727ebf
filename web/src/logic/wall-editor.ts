import type { IndicatorNode } from '../api/client.ts'
import type { WallPlaylist, WallPlaylistCreate } from '../api/wall-api.ts'
import type { WallLayer } from './wall-scenes.ts'
import { parseCameraHash } from './camera-hash.ts'

export const WALL_LAYERS: readonly WallLayer[] = ['choropleth', 'points', 'heatmap', 'hexbins', 'gistar', 'blindspots', 'patrol', 'water']
export const KPI_KINDS = ['count', 'resolution_rate', 'days_since'] as const
export const SCENE_MONTHS = [1, 3, 12] as const

export interface DraftKpi { kind: (typeof KPI_KINDS)[number], indicator: string, labelZh: string, labelEn: string }

/** A scene as the form edits it: text boxes and numbers, `null` for an empty number box. */
export interface DraftScene {
  kind: 'map' | 'tour'
  titleZh: string
  titleEn: string
  layer: WallLayer
  indicator: string
  /** Empty: the playlist's region. */
  region: string
  level: 'district' | 'township'
  months: (typeof SCENE_MONTHS)[number]
  /** Off: fit the scene's regions. */
  fixedCamera: boolean
  lon: number | null
  lat: number | null
  zoom: number | null
  bearing: number | null
  pitch: number | null
  durationS: number | null
}

export interface Draft { name: string, intervalS: number, region: string, kpis: DraftKpi[], scenes: DraftScene[] }

export function blankKpi(): DraftKpi {
  return { kind: 'count', indicator: 'all', labelZh: '', labelEn: '' }
}

export function blankScene(): DraftScene {
  return { kind: 'map', titleZh: '', titleEn: '', layer: 'choropleth', indicator: 'all', region: '', level: 'township', months: 1, fixedCamera: false, lon: null, lat: null, zoom: null, bearing: null, pitch: null, durationS: null }
}

export function blankDraft(region: string): Draft {
  return { name: '', intervalS: 30, region, kpis: [blankKpi()], scenes: [blankScene()] }
}

/** The form's copy of a saved playlist. */
export function draftFrom(p: WallPlaylist): Draft {
  return {
    name: p.name,
    intervalS: p.intervalS,
    region: p.region,
    kpis: p.kpis.map(k => ({ kind: k.kind, indicator: k.indicator, labelZh: k.label?.zh ?? '', labelEn: k.label?.en ?? '' })),
    scenes: p.scenes.map(s => ({
      kind: s.kind,
      titleZh: s.title?.zh ?? '',
      titleEn: s.title?.en ?? '',
      layer: s.layer,
      indicator: s.indicator,
      region: s.region ?? '',
      level: s.level,
      months: s.period.months,
      fixedCamera: s.camera !== null,
      lon: s.camera?.center[0] ?? null,
      lat: s.camera?.center[1] ?? null,
      zoom: s.camera?.zoom ?? null,
      bearing: s.camera?.bearing ?? null,
      pitch: s.camera?.pitch ?? null,
      durationS: s.durationS ?? null,
    })),
  }
}

/** A number box's value: `v-model.number` gives '' for an empty box. */
const num = (v: unknown): number | null => typeof v === 'number' && Number.isFinite(v) ? v : null

/** A `{ zh, en? }` text, or nothing when the Chinese is empty (the server needs zh). */
function text(zh: string, en: string) {
  const z = zh.trim()
  const e = en.trim()
  return z ? { zh: z, ...(e ? { en: e } : {}) } : undefined
}

/**
 * The body the server takes. An empty number box of a fixed camera is sent as null (NaN in JSON),
 * so the server's 400 names the field instead of the form guessing a value.
 */
export function bodyFrom(d: Draft): WallPlaylistCreate {
  return {
    name: d.name.trim(),
    intervalS: Number(d.intervalS),
    region: d.region.trim(),
    kpis: d.kpis.map(k => ({ kind: k.kind, indicator: k.indicator, ...(text(k.labelZh, k.labelEn) ? { label: text(k.labelZh, k.labelEn) } : {}) })),
    scenes: d.scenes.map(s => ({
      kind: s.kind,
      ...(text(s.titleZh, s.titleEn) ? { title: text(s.titleZh, s.titleEn) } : {}),
      layer: s.layer,
      indicator: s.indicator,
      region: s.region.trim() || null,
      level: s.level,
      period: { months: s.months },
      camera: s.fixedCamera
        ? {
            center: [num(s.lon) ?? Number.NaN, num(s.lat) ?? Number.NaN] as [number, number],
            zoom: num(s.zoom) ?? Number.NaN,
            ...(num(s.bearing) !== null ? { bearing: num(s.bearing)! } : {}),
            ...(num(s.pitch) !== null ? { pitch: num(s.pitch)! } : {}),
          }
        : null,
      ...(num(s.durationS) !== null ? { durationS: num(s.durationS)! } : {}),
    })),
  }
}

/** `list` with item `i` moved by `delta` places (kept inside the list). */
export function moveItem<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = Math.max(0, Math.min(list.length - 1, i + delta))
  const out = [...list]
  const [item] = out.splice(i, 1)
  out.splice(j, 0, item!)
  return out
}

/** The camera in a map address (`…#zoom/lat/lon`, as the workspace writes it), or null. */
export function cameraFromLink(link: string): { lon: number, lat: number, zoom: number } | null {
  const hash = link.trim().slice(link.trim().indexOf('#'))
  const camera = link.includes('#') ? parseCameraHash(hash) : null
  return camera ? { lon: camera.lon, lat: camera.lat, zoom: camera.zoom } : null
}

/** Every indicator code with its depth, in catalogue order, for a flat select. */
export function indicatorOptions(tree: readonly IndicatorNode[], depth = 0): Array<{ code: string, depth: number, node: IndicatorNode }> {
  return tree.flatMap(node => [{ code: node.code, depth, node }, ...indicatorOptions(node.children ?? [], depth + 1)])
}
