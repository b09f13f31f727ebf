import type { FeatureCollection } from 'geojson'
import type { RegionCollection } from '../api/client.ts'
import type { WallKpis, WallPlaylist, WallTicker, WallTop, WallTourStop, WallTrend } from '../api/wall-api.ts'
import type { StreamState } from '../composables/use-wall-stream.ts'
import type { WallOverlay } from '../logic/wall-overlays.ts'
import type { WallWarning } from '../logic/wall-warnings.ts'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'

/**
 * What the wall shows. Large payloads sit in shallowRefs and are replaced, never mutated, so a
 * wall that runs for days holds one copy of each and Vue does not proxy geometry.
 */
export const useWallStore = defineStore('wall', () => {
  const playlist = shallowRef<WallPlaylist | null>(null)
  /** Seconds per scene from the URL, overriding the playlist. */
  const intervalOverride = ref<number | null>(null)
  /** The scene index to start with (from the URL). */
  const firstScene = ref(0)
  const sceneIndex = ref(0)
  /** Bumped on every scene start (also when a one-scene playlist starts over), for the progress bar. */
  const sceneRun = ref(0)
  const sceneMs = ref(0)
  const tourStop = ref(0)
  /** Bumped when an import arrives: every fetch keyed on it runs again. */
  const revision = ref(0)
  /** The month the server counts as current (from the KPI answer). */
  const month = ref<string | null>(null)

  const kpis = shallowRef<WallKpis | null>(null)
  const top = shallowRef<WallTop | null>(null)
  const trend = shallowRef<WallTrend | null>(null)
  /** The indicator `top` and `trend` were fetched for (they lag a scene change by one fetch). */
  const panelIndicator = ref<string | null>(null)
  const ticker = shallowRef<WallTicker | null>(null)

  const regions = shallowRef<RegionCollection | null>(null)
  const figures = shallowRef<Map<string, number | null>>(new Map())
  const breaks = shallowRef<number[]>([])
  const hexbins = shallowRef<FeatureCollection | null>(null)
  const tourStops = shallowRef<WallTourStop[]>([])
  /** The gistar / blind spots / patrol / water layer of the current scene, when it has one. */
  const overlay = shallowRef<WallOverlay | null>(null)
  /** Warnings heard on the stream (newest first, capped), shown in the ticker until it refetches them. */
  const liveWarnings = shallowRef<WallWarning[]>([])
  /** The scene run whose data the fields above hold, so the camera never frames stale regions. */
  const loadedRun = ref(-1)

  const stream = ref<StreamState>('connecting')
  const lastGoodAt = ref<Date | null>(null)

  const scene = computed(() => playlist.value?.scenes[sceneIndex.value] ?? null)
  const sceneRegion = computed(() => scene.value?.region ?? playlist.value?.region ?? null)

  function markFresh() {
    lastGoodAt.value = new Date()
  }

  return {
    playlist,
    intervalOverride,
    firstScene,
    sceneIndex,
    sceneRun,
    sceneMs,
    tourStop,
    revision,
    month,
    kpis,
    top,
    trend,
    panelIndicator,
    ticker,
    regions,
    figures,
    breaks,
    hexbins,
    tourStops,
    overlay,
    liveWarnings,
    loadedRun,
    stream,
    lastGoodAt,
    scene,
    sceneRegion,
    markFresh,
  }
})
