import type { Role } from '@riskmap/server/auth/roles.ts'
import type { ScopeKind } from '../fixtures/authz-matrix.ts'

/** Expected statuses per role (and per scope kind where they differ), for the per-resource matrices. */
export type Status = number | Record<ScopeKind, number>
export type Expected = Record<Role, Status>
export const perRole = (admin: Status, editor: Status, analyst: Status, display: Status): Expected => ({ admin, editor, analyst, display })
export const everyone = (s: Status) => perRole(s, s, s, s)
export const writers = (s: Status) => perRole(s, s, 403, 403)
export const hiddenFromTownship = (ok: number) => ({ all: ok, district: ok, township: 404 })
export const sameDistrictOnly = (ok: number, other: number) => ({ all: ok, district: ok, township: other })
