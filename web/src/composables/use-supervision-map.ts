import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { SUPERVISION_CLICK_LAYERS, supervisionLayers } from '../map/layers/supervision-layers.ts'
import { hatchImage, SUPERVISION_HATCH, SUPERVISION_ID_PROPERTY, SUPERVISION_SOURCE } from '../map/layers/supervision-source.ts'
import { useDrawStore } from '../stores/draw.ts'
import { useSupervisionStore } from '../stores/supervision.ts'
import { canvasPoint, useContainerPointer } from './use-container-pointer.ts'
import { useFeatureClick } from './use-feature-click.ts'
import { useSelectableSource } from './use-selectable-source.ts'
import { useSupervisionData } from './use-supervision-data.ts'

/**
 * Everything the map does for supervision listings: the data, the listed regions (outlined,
 * overdue ones hatched), a click that opens a listing while the panel is open, and the region
 * picker of the create form (a click on a region takes it instead of drilling into it).
 */
export function useSupervisionMap(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const s = useSupervisionStore()
  const draw = useDrawStore()
  useSupervisionData()

  // The hatch is an image; a style reload drops images, so it is added again whenever it is missing.
  watch([map, ready], ([instance, isReady], _, onCleanup) => {
    if (!instance || !isReady)
      return
    const add = () => !instance.hasImage(SUPERVISION_HATCH) && instance.addImage(SUPERVISION_HATCH, hatchImage())
    add()
    const missing = (e: { id: string }) => e.id === SUPERVISION_HATCH && add()
    instance.on('styleimagemissing', missing)
    onCleanup(() => instance.off('styleimagemissing', missing))
  }, { immediate: true })

  useSelectableSource(map, ready, {
    source: SUPERVISION_SOURCE,
    promoteId: SUPERVISION_ID_PROPERTY,
    layers: computed(() => supervisionLayers(s.visible)),
    data: computed(() => s.mapData),
    selectedId: () => s.selectedId,
  })

  useContainerPointer(map, ready, instance => ({
    click: (event) => {
      if (!s.picking || draw.mode || !instance.getLayer('regions-fill'))
        return
      const hit = instance.queryRenderedFeatures(canvasPoint(instance, event), { layers: ['regions-fill'] })[0]
      // A 12-digit code can come back from the tile worker as a number.
      const code = hit?.properties?.code
      if (typeof code !== 'string' && typeof code !== 'number')
        return
      // Immediate: the listing click below listens on the same container and would open the
      // listing under the picked region once picking is over.
      event.stopImmediatePropagation()
      s.pick(String(code), String(hit?.properties?.name ?? code))
    },
    move: () => {
      if (s.picking)
        instance.getCanvas().style.cursor = 'crosshair'
    },
  }))

  useFeatureClick(map, ready, { layers: SUPERVISION_CLICK_LAYERS, enabled: () => s.open && !s.picking, select: id => s.select(id) })
}
