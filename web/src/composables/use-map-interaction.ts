import type { MapLayerMouseEvent, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { ref, watch } from 'vue'
import { EVENT_CLICK_LAYERS } from '../map/layers/events-layers.ts'
import { REGIONS_SOURCE } from '../map/sources.ts'
import { useCompareStore } from '../stores/compare.ts'
import { useDrawStore } from '../stores/draw.ts'
import { useThematicStore } from '../stores/thematic.ts'
import { useViewStore } from '../stores/view.ts'

export interface HoverInfo { code: string, x: number, y: number }

/**
 * Pointer behaviour: hover and selection through feature-state, clicks that drill into a
 * district (and select it) or select a township (in compare mode: add it to the compare tray), and a
 * click on a neighbour district to jump there.
 */
export function useMapInteraction(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const store = useViewStore()
  const thematic = useThematicStore()
  const compare = useCompareStore()
  const draw = useDrawStore()
  const hover = ref<HoverInfo | null>(null)
  let hoveredId: string | null = null
  let selectedId: string | null = null

  function setHovered(instance: MapLibreMap, id: string | null) {
    if (hoveredId === id)
      return
    if (hoveredId)
      instance.setFeatureState({ source: REGIONS_SOURCE, id: hoveredId }, { hover: false })
    if (id)
      instance.setFeatureState({ source: REGIONS_SOURCE, id }, { hover: true })
    hoveredId = id
    instance.getCanvas().style.cursor = id ? 'pointer' : ''
  }

  function applySelected(instance: MapLibreMap) {
    if (selectedId)
      instance.setFeatureState({ source: REGIONS_SOURCE, id: selectedId }, { selected: false })
    selectedId = store.view.selected
    if (selectedId)
      instance.setFeatureState({ source: REGIONS_SOURCE, id: selectedId }, { selected: true })
  }

  function onMove(e: MapLayerMouseEvent) {
    const code = e.features?.[0]?.properties?.code as string | undefined
    setHovered(e.target, code ?? null)
    hover.value = code ? { code, x: e.point.x, y: e.point.y } : null
  }

  function onLeave(e: MapLayerMouseEvent) {
    setHovered(e.target, null)
    hover.value = null
  }

  function onClick(e: MapLayerMouseEvent) {
    const code = e.features?.[0]?.properties?.code as string | undefined
    if (!code || hitsEvent(e))
      return
    // Compare mode, or a Ctrl/⌘-click, puts the region in the compare tray instead of drilling
    // (not shift: MapLibre's box zoom takes a shift-click).
    if ((compare.mode || e.originalEvent.ctrlKey || e.originalEvent.metaKey) && !draw.mode)
      return compare.toggle(code)
    if (store.view.level === 'district')
      store.drillInto(code)
    else store.select(store.view.selected === code ? null : code)
  }

  // A click on an event point or cluster is for the event layers, not a drill into the region below.
  function hitsEvent(e: MapLayerMouseEvent): boolean {
    const layers = EVENT_CLICK_LAYERS.filter(id => e.target.getLayer(id))
    return layers.length > 0 && e.target.queryRenderedFeatures(e.point, { layers }).length > 0
  }

  function onContextClick(e: MapLayerMouseEvent) {
    const code = e.features?.[0]?.properties?.code as string | undefined
    if (code && code !== store.view.parent && !e.target.queryRenderedFeatures(e.point, { layers: ['regions-fill'] }).length)
      store.drillInto(code)
  }

  watch([map, ready], ([instance, isReady], _, onCleanup) => {
    if (!instance || !isReady)
      return
    instance.on('mousemove', 'regions-fill', onMove)
    instance.on('mouseleave', 'regions-fill', onLeave)
    instance.on('click', 'regions-fill', onClick)
    instance.on('click', 'context-fill', onContextClick)
    onCleanup(() => {
      instance.off('mousemove', 'regions-fill', onMove)
      instance.off('mouseleave', 'regions-fill', onLeave)
      instance.off('click', 'regions-fill', onClick)
      instance.off('click', 'context-fill', onContextClick)
    })
  }, { immediate: true })

  // New geometry: the previous hover target is gone, and the selection must be re-marked.
  watch([ready, () => thematic.regions, () => store.view.selected], ([isReady]) => {
    if (!isReady || !map.value)
      return
    setHovered(map.value, null)
    hover.value = null
    applySelected(map.value)
  }, { immediate: true })

  return { hover }
}
