import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const blindSpots = api.api.coverage['blind-spots']
const method = api.api.coverage.method

export type BlindSpotQuery = InferRequestType<typeof blindSpots.$get>['query']
export type BlindSpots = InferResponseType<typeof blindSpots.$get, 200>
export type BlindSpotFeature = BlindSpots['features'][number]
export type ReachMethodInfo = InferResponseType<typeof method.$get, 200>['method']

/** Blind spots (hexagons with many events outside 5-minute reach) and the reach method in use. */
export const blindSpotsApi = {
  list: (query: BlindSpotQuery, signal?: AbortSignal) => unwrap(blindSpots.$get({ query }, withSignal(signal))),
  method: (signal?: AbortSignal) => unwrap(method.$get({}, withSignal(signal))),
}
