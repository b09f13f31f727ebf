import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const water = api.api.water
const zones = water.zones
const assets = water.assets
const routes = water.routes

export type WaterZone = InferResponseType<typeof zones.$get, 200>['features'][number]
export type WaterAsset = InferResponseType<typeof assets.$get, 200>['features'][number]
export type DroneRoute = InferResponseType<typeof routes.$get, 200>['features'][number]
export type WaterCalendar = InferResponseType<typeof water.calendar.$get, 200>
export type ShoreCoverage = InferResponseType<(typeof water)['shoreline-coverage']['$get'], 200>
export type ZoneCreate = InferRequestType<typeof zones.$post>['json']
export type AssetCreate = InferRequestType<typeof assets.$post>['json']
export type RouteCreate = InferRequestType<typeof routes.$post>['json']
export type ZonePatch = InferRequestType<(typeof zones)[':id']['$patch']>['json']
export type AssetPatch = InferRequestType<(typeof assets)[':id']['$patch']>['json']
export type RoutePatch = InferRequestType<(typeof routes)[':id']['$patch']>['json']

const param = (id: number) => ({ param: { id: String(id) } })
const query = (region: string | null) => (region ? { region } : {})

/** The drowning-prevention (防溺水) calls; credentials are added by the client. */
export const waterApi = {
  zones: (signal?: AbortSignal) => unwrap(zones.$get({ query: {} }, withSignal(signal))),
  assets: (signal?: AbortSignal) => unwrap(assets.$get({ query: {} }, withSignal(signal))),
  routes: (signal?: AbortSignal) => unwrap(routes.$get({ query: {} }, withSignal(signal))),
  createZone: (json: ZoneCreate) => unwrap(zones.$post({ json })),
  createAsset: (json: AssetCreate) => unwrap(assets.$post({ json })),
  createRoute: (json: RouteCreate) => unwrap(routes.$post({ json })),
  editZone: (id: number, json: ZonePatch) => unwrap(zones[':id'].$patch({ ...param(id), json })),
  editAsset: (id: number, json: AssetPatch) => unwrap(assets[':id'].$patch({ ...param(id), json })),
  editRoute: (id: number, json: RoutePatch) => unwrap(routes[':id'].$patch({ ...param(id), json })),
  removeZone: (id: number, version: number) => unwrap(zones[':id'].$delete({ ...param(id), query: { version: String(version) } })),
  removeAsset: (id: number, version: number) => unwrap(assets[':id'].$delete({ ...param(id), query: { version: String(version) } })),
  removeRoute: (id: number, version: number) => unwrap(routes[':id'].$delete({ ...param(id), query: { version: String(version) } })),
  calendar: (region: string | null, months: number, signal?: AbortSignal) =>
    unwrap(water.calendar.$get({ query: { ...query(region), months: String(months) } }, withSignal(signal))),
  coverage: (region: string | null, signal?: AbortSignal) =>
    unwrap(water['shoreline-coverage'].$get({ query: query(region) }, withSignal(signal))),
}
