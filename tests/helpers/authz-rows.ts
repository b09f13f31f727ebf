import type { Expected } from './authz-expect.ts'
import { matrixRoles, matrixScopes } from '../fixtures/authz-matrix.ts'

/**
 * Every endpoint × role × scope of a resource's matrix as `it.each` rows, labelled
 * `role @ scope: endpoint → status`.
 */
export function matrixRows<E extends { name: string, expect: Expected }>(endpoints: readonly E[]) {
  return endpoints.flatMap(e => matrixRoles.flatMap(role => matrixScopes.map((scope) => {
    const x = e.expect[role]
    const status = typeof x === 'number' ? x : x[scope]
    return [`${role} @ ${scope}: ${e.name} → ${status}`, { e, role, scope, status }] as const
  })))
}
