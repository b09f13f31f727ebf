import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import type { WaterZone } from '../api/water-api.ts'
import { Marker } from 'maplibre-gl'
import { onBeforeUnmount, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useWaterStore } from '../stores/water.ts'

/** The vertex of a zone's outer rings nearest to a point: where its label goes, on its edge and in view. */
function nearestVertex(g: WaterZone['geometry'], to: { lng: number, lat: number }): [number, number] | null {
  const rings = g.type === 'Polygon' ? [(g.coordinates as number[][][])[0]] : (g.coordinates as number[][][][]).map(p => p[0])
  let best: [number, number] | null = null
  let d = Infinity
  for (const ring of rings) {
    for (const [x, y] of ring ?? []) {
      const dd = (x! - to.lng) ** 2 + (y! - to.lat) ** 2
      if (dd < d) {
        d = dd
        best = [x!, y!]
      }
    }
  }
  return best
}

/**
 * Approximate zones carry a label on the map saying so, on their edge nearest a point a third of
 * the way into the view (moved after each pan). The app loads no glyphs (it runs offline), so the label is an HTML marker.
 */
export function useWaterLabels(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>, shown: Ref<boolean>) {
  const water = useWaterStore()
  const { t } = useI18n()
  let markers: Array<{ marker: Marker, zone: WaterZone }> = []

  function place(instance: MapLibreMap) {
    // Off the centre, where the user is looking and may be placing a post: a third of the way in.
    const { width, height } = instance.getCanvas().getBoundingClientRect()
    const anchor = instance.unproject([width / 3, height / 3])
    for (const m of markers) {
      const at = nearestVertex(m.zone.geometry, anchor)
      if (at)
        m.marker.setLngLat(at)
    }
  }
  const onMove = () => map.value && place(map.value)

  function clear() {
    markers.forEach(m => m.marker.remove())
    markers = []
    map.value?.off('moveend', onMove)
  }

  watch([ready, shown, () => water.zones, () => t('water.approximate')], ([isReady, on, zones]) => {
    clear()
    if (!isReady || !on || !map.value)
      return
    for (const zone of zones.filter(z => z.properties.approximate)) {
      const el = document.createElement('div')
      el.dataset.testid = 'water-approx-label'
      // Inline: the marker lives outside any component, beyond scoped styles.
      el.style.cssText = 'padding:2px 6px;border:1px dashed #2979ff;border-radius:4px;background:rgba(11,18,32,.85);color:#bbdefb;font-size:12px;white-space:nowrap;pointer-events:none'
      el.textContent = `${zone.properties.name} · ${t('water.approximate')}`
      markers.push({ zone, marker: new Marker({ element: el, anchor: 'bottom' }).setLngLat([0, 0]) })
    }
    place(map.value)
    markers.forEach(m => m.marker.addTo(map.value!))
    map.value.on('moveend', onMove)
  }, { immediate: true })

  onBeforeUnmount(clear)
}
