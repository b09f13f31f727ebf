import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { HTTPException } from 'hono/http-exception'
import { ImportRejected } from '../import/row-error.ts'

export interface ErrorBody {
  error: { code: string, message: string, details?: unknown }
}

/** Throws an HTTP error with the shared `{ error: { code, message, details } }` body. */
export function fail(status: ContentfulStatusCode, code: string, message: string, details?: unknown, headers?: Record<string, string>): never {
  const body: ErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } }
  throw new HTTPException(status, { res: Response.json(body, { status, headers }) })
}

// PostgreSQL error codes that mean "try again later" rather than "your request is wrong".
const unavailableCodes = new Set(['57014', '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004'])

/** The one place errors become responses: nothing leaks a stack trace or database error text. */
export function toErrorResponse(err: unknown, c: Context): Response {
  if (err instanceof HTTPException) {
    // Hono's own exceptions (malformed JSON in a validator, for one) carry only a message.
    if (err.res)
      return err.getResponse()
    return c.json<ErrorBody>({ error: { code: err.status === 400 ? 'bad_request' : 'http_error', message: err.message || 'bad request' } }, err.status as ContentfulStatusCode)
  }
  if (err instanceof ImportRejected) {
    return c.json<ErrorBody>({
      error: {
        code: 'import_rejected',
        message: `${err.errors.length} bad row(s) out of ${err.rowsRead}; nothing was imported`,
        details: { rowsRead: err.rowsRead, errors: err.errors },
      },
    }, 422)
  }
  const e = err as { code?: string, message?: string }
  if (e.code === '23505')
    return c.json<ErrorBody>({ error: { code: 'conflict', message: 'the record already exists' } }, 409)
  // Class 22 (data exception): a value PostgreSQL cannot represent, such as a NUL character in
  // text or 2026-02-30, that slipped past validation. It is the request that is wrong.
  if (e.code?.startsWith('22'))
    return c.json<ErrorBody>({ error: { code: 'invalid_parameter', message: 'a value in the request is out of range or cannot be stored' } }, 400)
  // The embedded database does not enforce statement_timeout; pg's client-side query_timeout
  // ('Query read timeout', database.ts) stands in for it there.
  const timeout = e.code === '57014' || e.message === 'Query read timeout'
  if ((e.code && unavailableCodes.has(e.code)) || timeout || isConnectionFailure(e)) {
    c.header('Retry-After', '5')
    return c.json<ErrorBody>({ error: { code: timeout ? 'timeout' : 'unavailable', message: timeout ? 'the query took too long; try a smaller range' : 'the database is unavailable; try again shortly' } }, 503)
  }
  console.error(`[error] ${c.get('requestId') ?? '-'} ${c.req.method} ${c.req.path}:`, err)
  return c.json<ErrorBody>({ error: { code: 'internal', message: 'internal error' } }, 500)
}

function isConnectionFailure(e: { code?: string, message?: string }): boolean {
  return e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' || e.code === 'EPIPE'
    || /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error/i.test(e.message ?? '')
}
