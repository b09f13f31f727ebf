import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { watch } from 'vue'
import { featuresBounds } from '../logic/geo-bounds.ts'
import { framesOverlay } from '../logic/wall-overlays.ts'
import { REGIONS_SOURCE } from '../map/sources.ts'
import { useWallStore } from '../stores/wall.ts'

/**
 * Room for the KPI column on the left, the lists on the right and the legend at the bottom, as
 * shares of the map's size; a tour stop leaves more at the top for its line.
 */
function padding(instance: MapLibreMap, tour = false) {
  const { clientWidth: w, clientHeight: h } = instance.getContainer()
  return { top: h * (tour ? 0.24 : 0.14), bottom: h * 0.3, left: w * 0.25, right: w * 0.27 }
}

/**
 * Move the camera for each scene once its data has loaded: the scene's own camera, else the
 * regions' bounds; a tour flies to each stop in turn. Flights are cut short by the next one, so
 * quick rotation never queues them. The tour's current stop is outlined (feature state `selected`).
 */
export function useWallCamera(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const wall = useWallStore()
  let outlined: string | null = null

  function outline(instance: MapLibreMap, code: string | null) {
    if (outlined && instance.getSource(REGIONS_SOURCE))
      instance.setFeatureState({ source: REGIONS_SOURCE, id: outlined }, { selected: false })
    outlined = code
    if (code)
      instance.setFeatureState({ source: REGIONS_SOURCE, id: code }, { selected: true })
  }

  /** Patrol zones and blind spots are small beside a district: frame them, not the region. */
  function overlayBox() {
    const overlay = wall.overlay
    if (!overlay || overlay.run !== wall.sceneRun || !framesOverlay(overlay.layer))
      return null
    return featuresBounds(Object.values(overlay.sources).flatMap(fc => fc.features))
  }

  watch([ready, () => wall.loadedRun, () => wall.tourStop, () => wall.overlay], ([isReady, run]) => {
    const instance = map.value
    const scene = wall.scene
    if (!isReady || !instance || !scene || (run !== wall.sceneRun && !overlayBox()))
      return
    const duration = Math.min(2500, wall.sceneMs / 3)
    const stop = scene.kind === 'tour' ? wall.tourStops[wall.tourStop] : undefined
    outline(instance, stop?.code ?? null)
    if (stop) {
      instance.fitBounds(stop.bbox as [number, number, number, number], { padding: padding(instance, true), maxZoom: 12, duration })
      return
    }
    if (scene.camera) {
      instance.flyTo({ ...scene.camera, duration })
      return
    }
    const framed = overlayBox()
    const box = framed ?? featuresBounds(wall.regions?.features ?? [])
    if (box)
      instance.fitBounds(box, { padding: padding(instance), duration, ...(framed ? { maxZoom: 13.5 } : {}) })
  })
}
