import { z } from 'zod'
import { monthSpan } from '../analysis/months.ts'

/** 'YYYY-MM' between 1970 and 2100. */
export const month = z.string().regex(/^(19[7-9]\d|20\d\d|2100)-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM')
export const regionCode = z.string().regex(/^\d{6}(\d{6})?$/, 'expected a 6-digit county or 12-digit township code')
export const indicatorCode = z.string().regex(/^(all|[A-Z][0-9A-Za-z-]{0,15})$/, 'expected an indicator code such as A, A1, A1-01 or all')
export const level = z.enum(['city', 'district', 'township'])
export const MAX_RANGE_MONTHS = 36

/** A period with an optional end month, bounded so that no request scans years of data. */
export const periodRange = z.object({ period: month, to: month.optional() }).superRefine((v, ctx) => {
  if (v.to && v.to < v.period)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before period' })
  else if (v.to && monthSpan(v.period, v.to) > MAX_RANGE_MONTHS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `a range may cover at most ${MAX_RANGE_MONTHS} months` })
})
