import type { RawQuery } from './url-state.ts'

export interface WallQuery {
  /** The playlist id; null opens the first playlist the viewer can see. */
  playlist: number | null
  /** Seconds per scene, overriding the playlist (1–3600), for rehearsals and the soak. */
  interval: number | null
  /** The scene to start with, 1-based (a rehearsal of one scene); null starts at the first. */
  scene: number | null
}

function first(value: RawQuery[string]): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

function boundedInt(raw: string | undefined, min: number, max: number): number | null {
  if (!raw || !/^\d{1,9}$/.test(raw))
    return null
  const n = Number(raw)
  return n >= min && n <= max ? n : null
}

/** Read `/wall?playlist=ID&interval=S&scene=N`; anything malformed counts as absent. */
export function parseWallQuery(query: RawQuery): WallQuery {
  return {
    playlist: boundedInt(first(query.playlist), 1, 2 ** 31 - 1),
    interval: boundedInt(first(query.interval), 1, 3600),
    scene: boundedInt(first(query.scene), 1, 20),
  }
}
