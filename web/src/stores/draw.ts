import type { LineString, Point, Polygon } from 'geojson'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'

export type DrawKind = 'point' | 'linestring' | 'polygon'
export type DrawnGeometry = Point | LineString | Polygon

/**
 * The one drawing tool on the map, shared by every feature that places geometry (listed hotspots,
 * response units, patrol zones, water zones…). A feature asks for a tool under its own `owner`
 * name and reads `drawn` only when `drawnBy` is its name, so two forms never take each other's shape.
 */
export const useDrawStore = defineStore('draw', () => {
  const mode = ref<DrawKind | null>(null)
  const owner = ref<string | null>(null)
  const drawn = shallowRef<DrawnGeometry | null>(null)
  const drawnBy = ref<string | null>(null)

  /** Switch the tool on for `who`; any earlier sketch is dropped. */
  function start(who: string, kind: DrawKind) {
    drawn.value = null
    drawnBy.value = null
    owner.value = who
    mode.value = kind
  }

  /** A finished shape, kept for the owner that asked for it until its form closes. */
  function finish(geometry: DrawnGeometry) {
    drawn.value = geometry
    drawnBy.value = owner.value
    mode.value = null
  }

  /** Stop drawing; a finished shape stays. */
  function cancel() {
    mode.value = null
  }

  /** Drop the sketch (and the tool) when `who` owns it, or always without an argument. */
  function clear(who?: string) {
    if (who !== undefined && owner.value !== who && drawnBy.value !== who)
      return
    mode.value = null
    drawn.value = null
    drawnBy.value = null
  }

  return { mode, owner, drawn, drawnBy, start, finish, cancel, clear }
})
