import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { UNITS_CLICK_LAYERS } from '../map/layers/units-layers.ts'
import { useDrawStore } from '../stores/draw.ts'
import { useSidePanelStore } from '../stores/side-panel.ts'
import { useUnitsStore } from '../stores/units.ts'
import { canvasPoint, useContainerPointer } from './use-container-pointer.ts'

/**
 * A click on a unit opens it in the units panel (with its reach). Taken in the capture phase and
 * stopped, so the region underneath is not also selected; ignored while anything is being drawn.
 */
export function useUnitsInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const units = useUnitsStore()
  const draw = useDrawStore()
  const side = useSidePanelStore()

  function hitAt(instance: MapLibreMap, event: MouseEvent): number | null {
    const layers = UNITS_CLICK_LAYERS.filter(id => instance.getLayer(id) && instance.getLayoutProperty(id, 'visibility') !== 'none')
    if (!layers.length)
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
        side.open('units')
        units.select(id)
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
