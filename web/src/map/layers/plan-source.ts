/** The posts of the plan on show (a badge each), the route through them and the candidates that would cover something. */
export const PLAN_POSTS_SOURCE = 'plan-posts'
export const PLAN_ROUTE_SOURCE = 'plan-route'
export const PLAN_CANDIDATES_SOURCE = 'plan-candidates'

/** The legend uses the same colours. */
export const PLAN_COLORS = {
  post: '#e0457b',
  route: '#ffd166',
  candidate: '#7dd3fc',
} as const

export type Visibility = 'visible' | 'none'
