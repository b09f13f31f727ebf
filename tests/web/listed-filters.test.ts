import { describe, expect, it } from 'vitest'
import { dispositionFilename, EMPTY_LISTED_FILTERS, exportUrl, listedQuery } from '../../web/src/logic/listed-filters.ts'

describe('listed filters to the query', () => {
  it('sends only the filters that are set', () => {
    expect(listedQuery(EMPTY_LISTED_FILTERS)).toEqual({})
    expect(listedQuery({ status: 'rectifying', unit: '  ', overdue: 'true' })).toEqual({ status: 'rectifying', overdue: 'true' })
    expect(listedQuery({ status: '', unit: ' 公安分局 ', overdue: 'false' })).toEqual({ unit: '公安分局', overdue: 'false' })
  })

  it('drops an unknown status and caps the unit at the server\'s 200 characters', () => {
    expect(listedQuery({ status: 'closed' as never, unit: 'x'.repeat(300), overdue: 'maybe' as never })).toEqual({ unit: 'x'.repeat(200) })
  })

  it('builds export URLs with the same filters, hostile text encoded', () => {
    expect(exportUrl('csv', EMPTY_LISTED_FILTERS)).toBe('/api/listed-hotspots/export.csv')
    const url = exportUrl('xlsx', { status: 'extended', unit: 'a&b=c; "$1" 🚨', overdue: 'true' })
    expect(url.startsWith('/api/listed-hotspots/export.xlsx?')).toBe(true)
    expect(Object.fromEntries(new URL(url, 'http://x').searchParams)).toEqual({ status: 'extended', unit: 'a&b=c; "$1" 🚨', overdue: 'true' })
  })

  it('reads the file name from Content-Disposition, RFC 6266 form first', () => {
    expect(dispositionFilename('attachment; filename="listed.csv"; filename*=UTF-8\'\'%E6%8C%82%E7%89%8C.csv', 'x')).toBe('挂牌.csv')
    expect(dispositionFilename('attachment; filename="listed-2026-12-04.xlsx"', 'x')).toBe('listed-2026-12-04.xlsx')
    expect(dispositionFilename('attachment; filename=plain.csv', 'x')).toBe('plain.csv')
    expect(dispositionFilename(null, 'fallback.csv')).toBe('fallback.csv')
    expect(dispositionFilename('attachment', 'fallback.csv')).toBe('fallback.csv')
  })
})
