import { onBeforeUnmount, watch } from 'vue'
import { nextScene, sceneDurationMs, tourStopMs } from '../logic/wall-scenes.ts'
import { useWallStore } from '../stores/wall.ts'

/**
 * Rotate the playlist's scenes: each stays up for its own duration (or the URL override, or the
 * playlist interval), then the next starts. A tour scene steps through its stops within that time
 * once they have loaded. One timer each, cleared on every step, so nothing piles up over days.
 */
export function useWallRotation() {
  const wall = useWallStore()
  let sceneTimer: ReturnType<typeof setTimeout> | undefined
  let stopTimer: ReturnType<typeof setInterval> | undefined

  function start(index: number) {
    clearTimeout(sceneTimer)
    clearInterval(stopTimer)
    const playlist = wall.playlist
    if (!playlist || playlist.scenes.length === 0)
      return
    wall.sceneIndex = index
    wall.tourStop = 0
    wall.sceneMs = sceneDurationMs(playlist.scenes[index]!, playlist.intervalS, wall.intervalOverride)
    wall.sceneRun++
    sceneTimer = setTimeout(() => start(nextScene(index, playlist.scenes.length)), wall.sceneMs)
  }

  watch(() => wall.playlist, playlist => start(Math.min(wall.firstScene, Math.max(0, (playlist?.scenes.length ?? 1) - 1))), { immediate: true })

  // The stops arrive after the scene starts; step through them in the time that is left.
  watch(() => [wall.tourStops, wall.loadedRun] as const, ([stops, loaded]) => {
    clearInterval(stopTimer)
    if (wall.scene?.kind !== 'tour' || loaded !== wall.sceneRun || stops.length < 2)
      return
    stopTimer = setInterval(() => {
      if (wall.tourStop + 1 < stops.length)
        wall.tourStop++
      else clearInterval(stopTimer)
    }, tourStopMs(wall.sceneMs, stops.length))
  })

  onBeforeUnmount(() => {
    clearTimeout(sceneTimer)
    clearInterval(stopTimer)
  })
}
