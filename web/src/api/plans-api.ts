import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap, withSignal } from './client.ts'

const plans = api.api['patrol-plans']
const one = plans[':id']

export type SolveRequest = InferRequestType<typeof plans.solve.$post>['json']
export type PlanSolution = InferResponseType<typeof plans.solve.$post, 200>
export type PlanPost = PlanSolution['posts'][number]
export type PlanRoute = NonNullable<PlanSolution['route']>
export type RouteRequest = InferRequestType<typeof plans.route.$post>['json']
export type PlanCreate = InferRequestType<typeof plans.$post>['json']
export type SavedPlan = InferResponseType<typeof one.$get, 200>['plan']
export type PlanComparison = InferResponseType<typeof one.compare.$get, 200>
export type PlanCompareRow = PlanComparison['townships'][number]

const param = (id: number) => ({ id: String(id) })

/** Patrol plans: k new posts by greedy maximal covering, their route, saved plans and the comparison with today. */
export const plansApi = {
  solve: (json: SolveRequest, signal?: AbortSignal) => unwrap(plans.solve.$post({ json }, withSignal(signal))),
  route: (json: RouteRequest) => unwrap(plans.route.$post({ json })),
  list: (region: string | undefined, signal?: AbortSignal) => unwrap(plans.$get({ query: region ? { region } : {} }, withSignal(signal))),
  get: (id: number, signal?: AbortSignal) => unwrap(one.$get({ param: param(id) }, withSignal(signal))),
  create: (json: PlanCreate) => unwrap(plans.$post({ json })),
  remove: (id: number) => unwrap(one.$delete({ param: param(id) })),
  compare: (id: number, signal?: AbortSignal) => unwrap(one.compare.$get({ param: param(id) }, withSignal(signal))),
}
