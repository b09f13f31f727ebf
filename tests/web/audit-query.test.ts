import { describe, expect, it } from 'vitest'
import { auditPageParams, EMPTY_AUDIT_FILTERS, parseAuditQuery, prettyJson, serializeAuditQuery } from '../../web/src/logic/audit-query.ts'

describe('audit filters in the URL', () => {
  it('round-trips set filters and omits empty ones', () => {
    const filters = { ...EMPTY_AUDIT_FILTERS, actor: '张三 (token 4)', action: 'user.update', from: '2025-01-31' }
    const query = serializeAuditQuery(filters)
    expect(query).toEqual({ actor: '张三 (token 4)', action: 'user.update', from: '2025-01-31' })
    expect(parseAuditQuery(query)).toEqual(filters)
  })
  it('keeps hostile text as text, trims and caps it, and drops malformed dates', () => {
    const parsed = parseAuditQuery({ actor: ' o\'brien; $1 🚨 ', entity: 'x'.repeat(500), from: '2025-13-01', to: '2025-02-30\'--' })
    expect(parsed.actor).toBe('o\'brien; $1 🚨')
    expect(parsed.entity).toHaveLength(100)
    expect(parsed.from).toBe('')
    expect(parsed.to).toBe('')
  })
  it('adds limit, and before only after the first page', () => {
    const filters = { ...EMPTY_AUDIT_FILTERS, entity: 'app_user' }
    expect(auditPageParams(filters, null)).toEqual({ entity: 'app_user', limit: '50' })
    expect(auditPageParams(filters, 1234, 20)).toEqual({ entity: 'app_user', limit: '20', before: '1234' })
  })
})

describe('prettyJson', () => {
  it('indents objects and unpacks JSON held in strings', () => {
    expect(prettyJson({ role: 'analyst', scope: '500104' })).toBe('{\n  "role": "analyst",\n  "scope": "500104"\n}')
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}')
    expect(prettyJson('plain text')).toBe('plain text')
    expect(prettyJson(null)).toBe('—')
  })
})
