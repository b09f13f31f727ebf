import type { Ref } from 'vue'
import * as maplibregl from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { markRaw, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { credentials } from '../api/credentials.ts'
import { tileRequest } from '../logic/event-tiles.ts'
import { baseStyle, ensureThematicSources } from '../map/base-style.ts'
import 'maplibre-gl/dist/maplibre-gl.css'

maplibregl.setWorkerUrl(workerUrl)

function markIdle(idle: boolean) {
  document.body.dataset.mapIdle = idle ? '1' : '0'
}

/**
 * The wall's one MapLibre map, made once for the page's life: scenes change its layers and camera,
 * never the instance (a remounted map leaks on displays that run for days). No controls, no input.
 * `ready` is false between a WebGL context loss and the style's rebuild after the restore, and
 * `epoch` counts restores so the layer code re-applies what the rebuild dropped (feature state).
 */
export function useWallMap(container: Ref<HTMLElement | null>) {
  const map = shallowRef<maplibregl.Map | null>(null)
  const ready = ref(false)
  const epoch = ref(0)
  const contextLosses = ref(0)

  function whenStyleLoaded(instance: maplibregl.Map, then: () => void) {
    if (instance.isStyleLoaded())
      then()
    else instance.once('style.load', then)
  }

  onMounted(() => {
    if (!container.value)
      return
    markIdle(false)
    const instance = markRaw(new maplibregl.Map({
      container: container.value,
      style: baseStyle(),
      center: [108, 35],
      zoom: 3.5,
      attributionControl: false,
      interactive: false,
      fadeDuration: 0,
      transformRequest: url => tileRequest(url, window.location.origin, credentials),
    }))
    instance.on('movestart', () => markIdle(false))
    instance.on('dataloading', () => markIdle(false))
    instance.on('idle', () => markIdle(true))
    instance.on('load', () => {
      ensureThematicSources(instance)
      ready.value = true
    })
    instance.on('webglcontextlost', () => {
      ready.value = false
      contextLosses.value++
      document.body.dataset.wallContext = 'lost'
    })
    // MapLibre rebuilds the style from a snapshot on restore; feature state and anything added
    // since are ours to put back once that style has loaded.
    instance.on('webglcontextrestored', () => whenStyleLoaded(instance, () => {
      ensureThematicSources(instance)
      epoch.value++
      ready.value = true
      document.body.dataset.wallContext = 'restored'
    }))
    map.value = instance
    window.__riskmap = { map: instance }
  })

  onBeforeUnmount(() => {
    map.value?.remove()
    map.value = null
    ready.value = false
    delete window.__riskmap
  })

  return { map, ready, epoch, contextLosses }
}
