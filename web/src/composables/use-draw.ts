import type { Map as MapLibreMap } from 'maplibre-gl'
import type { TerraDraw } from 'terra-draw'
import type { Ref, ShallowRef } from 'vue'
import { onBeforeUnmount, watch } from 'vue'
import { drawnShape } from '../logic/drawn-shape.ts'
import { useDrawStore } from '../stores/draw.ts'

const ACCENT = '#38e1ff'

/** terra-draw is loaded on first use: most sessions never draw. */
async function createDraw(map: MapLibreMap): Promise<TerraDraw> {
  const [{ TerraDraw, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode }, { TerraDrawMapLibreGLAdapter }] = await Promise.all([
    import('terra-draw'),
    import('terra-draw-maplibre-gl-adapter'),
  ])
  return new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map }),
    modes: [
      new TerraDrawPointMode({ styles: { pointColor: ACCENT, pointWidth: 7, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
      new TerraDrawLineStringMode({
        styles: { lineStringColor: ACCENT, lineStringWidth: 3, closingPointColor: '#ffffff', closingPointWidth: 5, closingPointOutlineColor: ACCENT, closingPointOutlineWidth: 2 },
      }),
      new TerraDrawPolygonMode({
        styles: {
          fillColor: ACCENT,
          fillOpacity: 0.25,
          outlineColor: ACCENT,
          outlineWidth: 2,
          closingPointColor: '#ffffff',
          closingPointWidth: 5,
          closingPointOutlineColor: ACCENT,
          closingPointOutlineWidth: 2,
        },
      }),
    ],
  })
}

/**
 * The map's one drawing tool (terra-draw), for every feature that places geometry: the draw
 * store's `mode` switches it on ('point', 'linestring' or 'polygon'); a finished shape lands in
 * `draw.drawn` (for `draw.owner`) and stays on the map until the form it belongs to clears it.
 * While drawing, clicks are kept from MapLibre's own handlers (taken in the capture phase on the
 * map container; terra-draw works from pointer events), so a vertex click does not also select or
 * drill into the region underneath, and double-click zoom is off.
 */
export function useDraw(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const draw = useDrawStore()
  let tool: Promise<TerraDraw> | null = null
  let container: HTMLElement | null = null

  // terra-draw finishes a shape on pointerup; the browser's click for that same press comes after,
  // when drawMode is already off, and must not reach the region underneath either.
  let finishedAt = Number.NEGATIVE_INFINITY

  function swallowClick(event: MouseEvent) {
    if (draw.mode || event.timeStamp - finishedAt < 500)
      event.stopPropagation()
  }

  function ensureDraw(instance: MapLibreMap): Promise<TerraDraw> {
    tool ??= createDraw(instance).then((current) => {
      current.start()
      current.on('finish', (id) => {
        finishedAt = performance.now()
        const geometry = drawnShape(current.getSnapshotFeature(id)?.geometry)
        if (geometry)
          draw.finish(geometry)
      })
      container = instance.getContainer()
      container.addEventListener('click', swallowClick, true)
      container.addEventListener('dblclick', swallowClick, true)
      return current
    })
    return tool
  }

  watch([() => draw.mode, ready], async ([mode, isReady]) => {
    const instance = map.value
    if (!isReady || !instance || (!mode && !tool))
      return
    const current = await ensureDraw(instance)
    if (mode) {
      current.clear()
      instance.doubleClickZoom.disable()
      current.setMode(mode)
    }
    else {
      instance.doubleClickZoom.enable()
      current.setMode('static')
    }
    // For tests, like data-map-idle: the tool that is really listening now.
    document.body.dataset.drawMode = mode ?? ''
  }, { immediate: true })

  // The sketch disappears with the form that it belongs to.
  watch(() => draw.drawn, async (geometry) => {
    if (!geometry && !draw.mode && tool)
      (await tool).clear()
  })

  onBeforeUnmount(() => {
    container?.removeEventListener('click', swallowClick, true)
    container?.removeEventListener('dblclick', swallowClick, true)
    // The map may already be gone (use-map removes it first); the drawing has nothing left to undo then.
    void tool?.then((d) => {
      try {
        if (d.enabled)
          d.stop()
      }
      catch {}
    })
    tool = null
  })
}
