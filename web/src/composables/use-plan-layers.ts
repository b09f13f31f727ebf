import type { FeatureCollection } from 'geojson'
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl'
import type { Ref, ShallowRef } from 'vue'
import { computed, watch } from 'vue'
import { candidateFeatures, postFeatures, routeFeatures } from '../logic/plan-features.ts'
import { drawBadge } from '../map/layers/plan-badges.ts'
import { planLayers } from '../map/layers/plan-layers.ts'
import { PLAN_CANDIDATES_SOURCE, PLAN_POSTS_SOURCE, PLAN_ROUTE_SOURCE } from '../map/layers/plan-source.ts'
import { reconcileLayers } from '../map/reconcile.ts'
import { EMPTY_COLLECTION } from '../map/sources.ts'
import { usePlansStore } from '../stores/plans.ts'
import { useSidePanelStore } from '../stores/side-panel.ts'
import { useViewStore } from '../stores/view.ts'

/** Plans are on the map while their panel is open or their layer is switched on. */
export function usePlanVisibility() {
  const view = useViewStore()
  const side = useSidePanelStore()
  const panelOpen = computed(() => side.active === 'plans')
  const shown = computed(() => panelOpen.value || !!view.view.layers.plans)
  return { panelOpen, shown }
}

/** Draw the plan on show: numbered posts with their gains, the route through them, and (in the panel) the candidates. */
export function usePlanLayers(map: ShallowRef<MapLibreMap | null>, ready: Ref<boolean>) {
  const plans = usePlansStore()
  const { panelOpen, shown } = usePlanVisibility()
  let applied: LayerSpecification[] = []

  const layers = computed(() => planLayers(shown.value, panelOpen.value && plans.mode === 'run'))
  const data = computed(() => {
    const s = plans.shown
    return {
      posts: postFeatures(s?.posts ?? []),
      route: routeFeatures(s?.route),
      candidates: candidateFeatures(s?.candidates ?? []),
    }
  })

  function source(instance: MapLibreMap, id: string): GeoJSONSource {
    if (!instance.getSource(id))
      instance.addSource(id, { type: 'geojson', data: EMPTY_COLLECTION })
    return instance.getSource(id) as GeoJSONSource
  }

  /** Each badge image once: the id carries rank and gain, so a changed gain is a new image. */
  function addBadges(instance: MapLibreMap, posts: FeatureCollection) {
    const ratio = Math.max(1, Math.round(window.devicePixelRatio || 1))
    for (const f of posts.features) {
      const { badge, rank, gain } = f.properties as { badge: string, rank: number, gain: number }
      if (instance.hasImage(badge))
        continue
      const image = drawBadge(rank, gain, ratio)
      if (image)
        instance.addImage(badge, image, { pixelRatio: ratio })
    }
  }

  watch([ready, layers], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    for (const id of [PLAN_POSTS_SOURCE, PLAN_ROUTE_SOURCE, PLAN_CANDIDATES_SOURCE])
      source(map.value, id)
    reconcileLayers(map.value, applied, next)
    applied = next
  }, { immediate: true })

  // A new plan on show (a run, or one opened from the list): frame its posts beside the panel.
  watch(() => plans.shown, (next) => {
    const posts = next?.posts ?? []
    if (!map.value || !ready.value || !posts.length)
      return
    const lons = posts.map(p => p.lon)
    const lats = posts.map(p => p.lat)
    map.value.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], {
      padding: { top: 140, bottom: 80, left: 300, right: panelOpen.value ? 470 : 80 },
      maxZoom: 14.5,
      duration: 0,
    })
  })

  watch([ready, data], ([isReady, next]) => {
    if (!isReady || !map.value)
      return
    addBadges(map.value, next.posts)
    source(map.value, PLAN_POSTS_SOURCE).setData(next.posts)
    source(map.value, PLAN_ROUTE_SOURCE).setData(next.route)
    source(map.value, PLAN_CANDIDATES_SOURCE).setData(next.candidates)
  }, { immediate: true })
}
