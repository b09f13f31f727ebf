import type { Map as MapLibreMap } from 'maplibre-gl'
import type { ShallowRef } from 'vue'
import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { formatCameraHash, parseCameraHash } from '../logic/camera-hash.ts'

const WRITE_EVERY_MS = 400

/**
 * Write the camera to the URL hash after each move, throttled, always with `replace`; and follow
 * the hash when it changes from outside (back/forward), so history restores the camera too.
 */
export function useCameraHash(map: ShallowRef<MapLibreMap | null>) {
  const route = useRoute()
  const router = useRouter()
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastWrite = 0
  let written = route.hash

  function write(instance: MapLibreMap) {
    timer = null
    lastWrite = Date.now()
    const { lat, lng } = instance.getCenter()
    const hash = formatCameraHash({ zoom: instance.getZoom(), lat, lon: lng })
    written = hash
    if (hash !== route.hash)
      void router.replace({ query: route.query, hash })
  }

  function onMoveEnd(this: void, e: { target: MapLibreMap }) {
    if (timer)
      return
    const wait = Math.max(0, WRITE_EVERY_MS - (Date.now() - lastWrite))
    timer = setTimeout(() => write(e.target), wait)
  }

  watch(map, (instance, _, onCleanup) => {
    if (!instance)
      return
    instance.on('moveend', onMoveEnd)
    onCleanup(() => {
      instance.off('moveend', onMoveEnd)
      if (timer)
        clearTimeout(timer)
    })
  }, { immediate: true })

  watch(() => route.hash, (hash) => {
    const camera = parseCameraHash(hash)
    if (hash === written || !camera || !map.value)
      return
    written = hash
    map.value.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom })
  })
}
