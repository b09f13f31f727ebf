import type { Feature, FeatureCollection } from 'geojson'
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import type { RegionFeature } from '../api/client.ts'
import { computed, shallowRef, watch } from 'vue'
import { api, unwrap } from '../api/client.ts'
import { regionListQuery, trayColor } from '../logic/compare-tray.ts'
import { COMPARE_SOURCE, compareLayers } from '../map/layers/compare-outline.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { useCompareStore } from '../stores/compare.ts'
import { useMetaStore } from '../stores/meta.ts'

/**
 * Outline the regions in the compare tray, each in its tray colour, whatever level the map shows:
 * their boundaries are read from /api/regions by level and parent (cached per list) and drawn from
 * a source of their own, above the thematic layers. When the comparison sheet opens (or a shared
 * link opens with one), the camera frames the compared regions in the map left above the sheet.
 */
export function useCompareLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const compare = useCompareStore()
  const meta = useMetaStore()
  const lists = new Map<string, Promise<RegionFeature[]>>()
  const shapes = shallowRef(new Map<string, RegionFeature>())

  function list(query: ReturnType<typeof regionListQuery>): Promise<RegionFeature[]> {
    const key = `${query.level}:${query.parent ?? ''}`
    if (!lists.has(key)) {
      const load = unwrap(api.api.regions.$get({ query })).then(fc => fc.features)
      load.catch(() => lists.delete(key))
      lists.set(key, load)
    }
    return lists.get(key)!
  }

  watch([() => compare.codes, () => meta.meta?.cities], async ([codes]) => {
    const cities = (meta.meta?.cities ?? []).map(c => c.code)
    const missing = codes.filter(c => !shapes.value.has(c))
    if (!missing.length)
      return
    const found = await Promise.all(missing.map(code => list(regionListQuery(code, cities)).then(fs => fs.find(f => f.properties.code === code)).catch(() => undefined)))
    const next = new Map(shapes.value)
    for (const f of found) {
      if (f) {
        next.set(f.properties.code, f)
        compare.remember(f.properties.code, f.properties.name)
      }
    }
    shapes.value = next
  }, { immediate: true })

  const data = computed<FeatureCollection>(() => ({
    type: 'FeatureCollection',
    features: compare.codes.flatMap((code, slot): Feature[] => {
      const f = shapes.value.get(code)
      return f ? [{ type: 'Feature', id: code, properties: { code, slot, color: trayColor(slot) }, geometry: f.geometry }] : []
    }),
  }))

  watch([ready, data], ([isReady, next]) => {
    const instance = map.value
    if (!isReady || !instance)
      return
    const source = instance.getSource(COMPARE_SOURCE) as GeoJSONSource | undefined
    if (source)
      source.setData(next)
    else instance.addSource(COMPARE_SOURCE, { type: 'geojson', data: next })
    reconcileLayers(instance, instance.getLayer(compareLayers[0]!.id) ? compareLayers : [], compareLayers)
  }, { immediate: true })

  // A link with a camera in its hash keeps that camera.
  let framePending = compare.open && !window.location.hash
  watch(() => compare.open, (open) => {
    framePending = open
  })
  watch([ready, data], ([isReady, next]) => {
    if (!framePending || !isReady || !map.value || next.features.length < compare.codes.length)
      return
    framePending = false
    const bounds = boundsOf(next)
    if (!bounds)
      return
    const sheet = document.querySelector('[data-testid=compare-sheet]')?.getBoundingClientRect().height ?? 0
    map.value.fitBounds(bounds, { padding: { top: 140, left: 270, right: 40, bottom: sheet + 40 }, maxZoom: 13, duration: 600 })
  })
}

function boundsOf(fc: FeatureCollection): LngLatBoundsLike | null {
  let [w, s, e, n] = [180, 90, -180, -90]
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0])
      e = Math.max(e, c[0])
      s = Math.min(s, c[1] as number)
      n = Math.max(n, c[1] as number)
    }
    else if (Array.isArray(c)) {
      c.forEach(visit)
    }
  }
  fc.features.forEach(f => visit((f.geometry as { coordinates: unknown }).coordinates))
  return w <= e ? [[w, s], [e, n]] : null
}
