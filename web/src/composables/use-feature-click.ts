import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { useDrawStore } from '../stores/draw.ts'
import { canvasPoint, useContainerPointer } from './use-container-pointer.ts'

export interface FeatureClickOptions {
  /** Layers whose features open on a click; those not on the map or hidden are skipped. */
  layers: readonly string[]
  /** False while the feature's layers are switched off. */
  enabled?: () => boolean
  /** Called with the clicked feature's numeric `id` property. */
  select: (id: number) => void
}

/**
 * A click on one of a feature's layers selects it. The click is taken in the capture phase and
 * stopped, so the region underneath is not also selected or drilled into; clicks while anything is
 * being drawn, or elsewhere, pass untouched. The pointer becomes a hand over a clickable feature.
 */
export function useFeatureClick(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>, options: FeatureClickOptions) {
  const draw = useDrawStore()

  function hitAt(instance: MapLibreMap, event: MouseEvent): number | null {
    if (options.enabled && !options.enabled())
      return null
    const layers = options.layers.filter(id => instance.getLayer(id) && instance.getLayoutProperty(id, 'visibility') !== 'none')
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
        options.select(id)
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
