import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { LISTED_CLICK_LAYERS } from '../map/layers/listed-layers.ts'
import { useDrawStore } from '../stores/draw.ts'
import { useListedStore } from '../stores/listed.ts'
import { canvasPoint, useContainerPointer } from './use-container-pointer.ts'

/**
 * A click on a listed hotspot opens it. The click is taken in the capture phase and stopped, so
 * the region underneath is not also selected or drilled into; clicks elsewhere pass untouched.
 */
export function useListedInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const listed = useListedStore()
  const draw = useDrawStore()

  function hitAt(instance: MapLibreMap, event: MouseEvent): number | null {
    const layers = LISTED_CLICK_LAYERS.filter(id => instance.getLayer(id))
    if (!listed.visible || !layers.length)
      return null
    const hit = instance.queryRenderedFeatures(canvasPoint(instance, event), { layers })[0]
    const id = Number(hit?.properties?.id)
    return Number.isInteger(id) ? id : null
  }

  useContainerPointer(map, ready, (instance) => {
    let over = false
    return {
      click: (event) => {
        if (draw.mode)
          return
        const id = hitAt(instance, event)
        if (id === null)
          return
        event.stopPropagation()
        listed.select(id)
      },
      move: (event) => {
        const hit = !draw.mode && hitAt(instance, event) !== null
        if (hit)
          instance.getCanvas().style.cursor = 'pointer'
        else if (over)
          instance.getCanvas().style.cursor = ''
        over = hit
      },
    }
  })
}
