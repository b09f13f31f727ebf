import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { watch } from 'vue'
import { EMERGING_FILL } from '../map/layers/emerging-cells.ts'
import { EVENT_CLICK_LAYERS } from '../map/layers/events-layers.ts'
import { GISTAR_FILL } from '../map/layers/gistar-cells.ts'
import { useHotspotsStore } from '../stores/hotspots.ts'
import { useViewStore } from '../stores/view.ts'

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
    const box = instance.getCanvas().getBoundingClientRect()
    const point: [number, number] = [event.clientX - box.left, event.clientY - box.top]
    const events = EVENT_CLICK_LAYERS.filter(id => instance.getLayer(id))
    if (events.length && instance.queryRenderedFeatures(point, { layers: events }).length)
      return null
    const hit = instance.queryRenderedFeatures(point, { layers: [layer] })[0]
    return hit?.properties?.id ? { layer, properties: hit.properties } : null
  }

  watch([map, ready], ([instance, isReady], _, onCleanup) => {
    if (!instance || !isReady)
      return
    const container = instance.getContainer()
    const onClick = (event: MouseEvent) => {
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
    }
    const onMove = (event: MouseEvent) => {
      if (cellAt(instance, event))
        instance.getCanvas().style.cursor = 'pointer'
    }
    container.addEventListener('click', onClick, true)
    container.addEventListener('mousemove', onMove)
    onCleanup(() => {
      container.removeEventListener('click', onClick, true)
      container.removeEventListener('mousemove', onMove)
    })
  }, { immediate: true })
}
