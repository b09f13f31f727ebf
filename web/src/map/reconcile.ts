import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'

type Props = Record<string, unknown>
type PaintKey = Parameters<MapLibreMap['setPaintProperty']>[1]
type LayoutKey = Parameters<MapLibreMap['setLayoutProperty']>[1]

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function diffProps(before: Props, after: Props, apply: (key: string, value: unknown) => void): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!same(before[key], after[key]))
      apply(key, after[key])
  }
}

/**
 * Bring the map's layers in line with `next`. Layers that exist are updated in place with
 * setPaintProperty/setLayoutProperty/setFilter (cheap, no re-tiling); only missing layers are added.
 * `previous` is the last list applied, so unchanged properties are not touched at all.
 * Missing layers go on top, or below `beforeId` when that layer exists.
 */
export function reconcileLayers(map: MapLibreMap, previous: readonly LayerSpecification[], next: readonly LayerSpecification[], beforeId?: string): void {
  const before = new Map(previous.map(l => [l.id, l]))
  for (const layer of next) {
    const old = before.get(layer.id)
    if (!old || !map.getLayer(layer.id)) {
      map.addLayer(layer, beforeId && map.getLayer(beforeId) ? beforeId : undefined)
      continue
    }
    const o = old as Props
    const n = layer as Props
    diffProps((o.paint ?? {}) as Props, (n.paint ?? {}) as Props, (k, v) => map.setPaintProperty(layer.id, k as PaintKey, v as Parameters<MapLibreMap['setPaintProperty']>[2]))
    diffProps((o.layout ?? {}) as Props, (n.layout ?? {}) as Props, (k, v) => map.setLayoutProperty(layer.id, k as LayoutKey, v as Parameters<MapLibreMap['setLayoutProperty']>[2]))
    if (!same(o.filter, n.filter))
      map.setFilter(layer.id, (n.filter ?? null) as Parameters<MapLibreMap['setFilter']>[1])
  }
}
