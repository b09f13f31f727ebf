import type { SseMessage } from '../logic/wall-sse.ts'
import type { WallWarning } from '../logic/wall-warnings.ts'
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { authFetch } from '../api/credentials.ts'
import { WALL_STREAM_PATH } from '../api/wall-api.ts'
import { backoffDelay } from '../logic/wall-backoff.ts'
import { SseParser, streamEvent } from '../logic/wall-sse.ts'

export type StreamState = 'connecting' | 'live' | 'lost'

export interface StreamHandlers {
  /** An import committed (wall contract `event: import`); the data behind the wall is stale. */
  onImport: (data: unknown) => void
  /** Connected again after the data version moved while away: refetch everything. */
  onResync: () => void
  /** A new early warning in the viewer's scope (health contract `event: warning`). */
  onWarning?: (warning: WallWarning) => void
}

/** No byte for this long (heartbeats come every 15 s) means a dead connection, not a quiet one. */
const SILENCE_MS = 45_000

/**
 * The wall's live stream, read with fetch rather than EventSource: a display token must go in the
 * Authorization header, and the wall owns its reconnect policy (exponential backoff with jitter,
 * 1 s → 30 s) instead of EventSource's fixed retry. `lastGoodAt` is the last moment the wall knew
 * its data was current (a hello, heartbeat, import or warning), for the "data as of" banner.
 */
export function useWallStream(handlers: StreamHandlers) {
  const state = ref<StreamState>('connecting')
  const lastGoodAt = ref<Date | null>(null)
  let dataVersion: unknown
  let attempt = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let silenceTimer: ReturnType<typeof setTimeout> | undefined
  let abort: AbortController | null = null
  let stopped = false

  function armSilence(ctl: AbortController) {
    clearTimeout(silenceTimer)
    silenceTimer = setTimeout(() => ctl.abort(), SILENCE_MS)
  }

  function handle(message: SseMessage) {
    const read = streamEvent(message)
    if (!read)
      return
    lastGoodAt.value = new Date()
    if (read.type === 'hello') {
      const moved = dataVersion !== undefined && read.dataVersion !== dataVersion
      dataVersion = read.dataVersion
      state.value = 'live'
      attempt = 0
      if (moved)
        handlers.onResync()
    }
    else if (read.type === 'heartbeat') {
      // Imports by another process (the CLI) are not announced: only the version tells.
      const moved = dataVersion !== undefined && read.dataVersion !== undefined && read.dataVersion !== dataVersion
      dataVersion = read.dataVersion ?? dataVersion
      if (moved)
        handlers.onResync()
    }
    else if (read.type === 'import') {
      dataVersion = read.dataVersion ?? dataVersion
      handlers.onImport(read.data)
    }
    else if (read.type === 'warning') {
      handlers.onWarning?.(read.warning)
    }
  }

  async function connect() {
    const ctl = abort = new AbortController()
    try {
      const res = await authFetch(WALL_STREAM_PATH, { headers: { Accept: 'text/event-stream' }, signal: ctl.signal, cache: 'no-store' })
      if (!res.ok || !res.body)
        throw new Error(`stream answered ${res.status}`)
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      const parser = new SseParser()
      armSilence(ctl)
      for (;;) {
        const { value, done } = await reader.read()
        if (done)
          break
        armSilence(ctl)
        for (const message of parser.push(value))
          handle(message)
      }
    }
    catch {
      // Refused, dropped or silent: all three are handled by reconnecting.
    }
    clearTimeout(silenceTimer)
    if (stopped)
      return
    state.value = 'lost'
    retryTimer = setTimeout(() => void connect(), backoffDelay(attempt++))
  }

  onMounted(() => void connect())
  onBeforeUnmount(() => {
    stopped = true
    clearTimeout(retryTimer)
    clearTimeout(silenceTimer)
    abort?.abort()
  })

  return { state, lastGoodAt }
}
