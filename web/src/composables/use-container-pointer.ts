import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { watch } from 'vue'

/** Where a mouse event falls on the map's canvas, in the pixels queryRenderedFeatures takes. */
export function canvasPoint(instance: MapLibreMap, event: MouseEvent): [number, number] {
  const box = instance.getCanvas().getBoundingClientRect()
  return [event.clientX - box.left, event.clientY - box.top]
}

export interface PointerHandlers {
  click: (event: MouseEvent) => void
  move: (event: MouseEvent) => void
}

/**
 * Click and mouse-move handlers on the map's container while the map is ready; `attach` makes
 * them for each map instance, so any state they keep starts afresh with it. The click is taken in
 * the capture phase, so a handler that stops it keeps it from MapLibre's own layer handlers (the
 * region underneath is not also selected or drilled into).
 */
export function useContainerPointer(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>, attach: (instance: MapLibreMap) => PointerHandlers) {
  watch([map, ready], ([instance, isReady], _, onCleanup) => {
    if (!instance || !isReady)
      return
    const container = instance.getContainer()
    const { click, move } = attach(instance)
    container.addEventListener('click', click, true)
    container.addEventListener('mousemove', move)
    onCleanup(() => {
      container.removeEventListener('click', click, true)
      container.removeEventListener('mousemove', move)
    })
  }, { immediate: true })
}
