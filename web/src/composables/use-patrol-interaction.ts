import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { PATROL_CLICK_LAYERS } from '../map/layers/patrol-layers.ts'
import { useDrawStore } from '../stores/draw.ts'
import { usePatrolStore } from '../stores/patrol.ts'
import { canvasPoint, useContainerPointer } from './use-container-pointer.ts'
import { usePatrolVisibility } from './use-patrol-visibility.ts'

/**
 * A click on a patrol zone or route opens it in the patrol panel. The click is stopped so the
 * region underneath is not also selected; clicks while drawing, or elsewhere, pass untouched.
 */
export function usePatrolInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const patrol = usePatrolStore()
  const draw = useDrawStore()
  const shown = usePatrolVisibility()

  function hitAt(instance: MapLibreMap, event: MouseEvent): number | null {
    const layers = PATROL_CLICK_LAYERS.filter(id => instance.getLayer(id))
    if (!shown.value || !layers.length)
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
        patrol.select(id)
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
