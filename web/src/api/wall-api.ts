import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const wall = api.api.wall

export type WallPlaylists = InferResponseType<typeof wall.playlists.$get, 200>
export type WallPlaylist = WallPlaylists['playlists'][number]
export type WallScene = WallPlaylist['scenes'][number]
export type WallKpis = InferResponseType<typeof wall.kpis.$get, 200>
export type WallTile = WallKpis['tiles'][number]
export type WallTop = InferResponseType<typeof wall.top.$get, 200>
export type WallTrend = InferResponseType<typeof wall.trend.$get, 200>
export type WallTour = InferResponseType<typeof wall.tour.$get, 200>
export type WallTourStop = WallTour['stops'][number]
export type WallTicker = InferResponseType<typeof wall.ticker.$get, 200>
export type WallTickerItem = WallTicker['items'][number]
type TopQuery = InferRequestType<typeof wall.top.$get>['query']
type TrendQuery = InferRequestType<typeof wall.trend.$get>['query']
type TourQuery = InferRequestType<typeof wall.tour.$get>['query']
type TickerQuery = InferRequestType<typeof wall.ticker.$get>['query']
export type WallPlaylistCreate = InferRequestType<typeof wall.playlists.$post>['json']
export type WallPlaylistPatch = InferRequestType<(typeof wall.playlists)[':id']['$patch']>['json']
const param = (id: number) => ({ id: String(id) })

/** The wall display's reads (wall contract); credentials, a display token included, come from the client. */
export const wallApi = {
  playlists: (signal?: AbortSignal) => unwrap(wall.playlists.$get({}, withSignal(signal))),
  playlist: (id: number, signal?: AbortSignal) => unwrap(wall.playlists[':id'].$get({ param: { id: String(id) } }, withSignal(signal))),
  kpis: (playlist: number, signal?: AbortSignal) => unwrap(wall.kpis.$get({ query: { playlist: String(playlist) } }, withSignal(signal))),
  top: (query: TopQuery, signal?: AbortSignal) => unwrap(wall.top.$get({ query }, withSignal(signal))),
  trend: (query: TrendQuery, signal?: AbortSignal) => unwrap(wall.trend.$get({ query }, withSignal(signal))),
  tour: (query: TourQuery, signal?: AbortSignal) => unwrap(wall.tour.$get({ query }, withSignal(signal))),
  ticker: (query: TickerQuery, signal?: AbortSignal) => unwrap(wall.ticker.$get({ query }, withSignal(signal))),
  /** Admin writes (the playlist editor); PATCH and DELETE carry the version read (409 when stale). */
  create: (json: WallPlaylistCreate) => unwrap(wall.playlists.$post({ json })),
  edit: (id: number, json: WallPlaylistPatch) => unwrap(wall.playlists[':id'].$patch({ param: param(id), json })),
  remove: (id: number, version: number) => unwrap(wall.playlists[':id'].$delete({ param: param(id), query: { version: String(version) } })),
}

/** The live stream's path; read with authFetch (EventSource cannot send a bearer token). */
export const WALL_STREAM_PATH = '/api/stream'
