import type { Ref } from 'vue'
import type { Camera } from '../logic/camera-hash.ts'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { markRaw, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { credentials } from '../api/credentials.ts'
import { tileRequest } from '../logic/event-tiles.ts'
import { baseStyle, ensureThematicSources } from '../map/base-style.ts'
import 'maplibre-gl/dist/maplibre-gl.css'

// Served from our own origin: no CDN, and the worker is a module worker in MapLibre 6.
maplibregl.setWorkerUrl(workerUrl)

function markIdle(idle: boolean) {
  document.body.dataset.mapIdle = idle ? '1' : '0'
}

/**
 * Create the MapLibre map in `container`. The instance is kept raw (never proxied) in a shallowRef;
 * `ready` turns true once the style and the thematic sources exist.
 */
export function useMap(container: Ref<HTMLElement | null>, initialCamera: Camera | null) {
  const map = shallowRef<maplibregl.Map | null>(null)
  const ready = ref(false)

  onMounted(() => {
    if (!container.value)
      return
    markIdle(false)
    const instance = markRaw(new maplibregl.Map({
      container: container.value,
      style: baseStyle(),
      center: initialCamera ? [initialCamera.lon, initialCamera.lat] : [108, 35],
      zoom: initialCamera?.zoom ?? 3.5,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: 0,
      // Tiles are fetched by MapLibre, not authFetch: a bearer token (wall display) is added here.
      transformRequest: url => tileRequest(url, window.location.origin, credentials),
    }))
    instance.touchZoomRotate.disableRotation()
    instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right')
    instance.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left')
    instance.on('movestart', () => markIdle(false))
    instance.on('dataloading', () => markIdle(false))
    instance.on('idle', () => markIdle(true))
    instance.on('load', () => {
      ensureThematicSources(instance)
      ready.value = true
    })
    map.value = instance
    window.__riskmap = { map: instance }
  })

  onBeforeUnmount(() => {
    map.value?.remove()
    map.value = null
    ready.value = false
    delete window.__riskmap
  })

  return { map, ready }
}
