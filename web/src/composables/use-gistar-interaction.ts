import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { EMERGING_FILL } from '../map/layers/emerging-cells.ts'
import { EVENT_CLICK_LAYERS } from '../map/layers/events-layers.ts'
import { GISTAR_FILL } from '../map/layers/gistar-cells.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'
import { useViewStore } from '../stores/view.ts'
import { canvasPoint, useContainerPointer } from './use-container-pointer.ts'

/**
 * A click on a hot spot cell shows its numbers. Taken in the capture phase and stopped, like the
 * listed hotspots, so the region beneath is not drilled into; a click already taken by a listed
 * hotspot, or landing on an event point, is left alone.
 */
export function useGistarInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const store = useViewStore()
  const hotspots = useHotspotsStore()

  function layerOn(instance: MapLibreMap): string | null {
    const on = store.view.hotspot?.layer
    const id = on === 'gistar' ? GISTAR_FILL : on === 'emerging' ? EMERGING_FILL : null
    return id && instance.getLayer(id) ? id : null
  }

  function cellAt(instance: MapLibreMap, event: MouseEvent) {
    const layer = layerOn(instance)
    if (!layer)
      return null
    const point = canvasPoint(instance, event)
    const events = EVENT_CLICK_LAYERS.filter(id => instance.getLayer(id))
    if (events.length && instance.queryRenderedFeatures(point, { layers: events }).length)
      return null
    const hit = instance.queryRenderedFeatures(point, { layers: [layer] })[0]
    return hit?.properties?.id ? { layer, properties: hit.properties } : null
  }

  useContainerPointer(map, ready, instance => ({
    click: (event) => {
      // A listed hotspot above the cell took the click first.
      if (event.cancelBubble)
        return
      const hit = cellAt(instance, event)
      if (!hit)
        return
      event.stopPropagation()
      const id = String(hit.properties.id)
      if (hotspots.selected?.cell.id === id)
        hotspots.select(null)
      else hotspots.selectCell(hit.layer === GISTAR_FILL ? 'gistar' : 'emerging', id)
    },
    move: (event) => {
      if (cellAt(instance, event))
        instance.getCanvas().style.cursor = 'pointer'
    },
  }))
}
