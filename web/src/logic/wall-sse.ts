import type { WallWarning } from './wall-warnings.ts'
import { parseWarning } from './wall-warnings.ts'

/** One Server-Sent Events message as the stream spells it (fields per the HTML standard). */
export interface SseMessage {
  event: string
  data: string
  id: string | null
}

/**
 * Incremental `text/event-stream` parser: feed it decoded chunks as they arrive and it returns the
 * messages completed so far. Lines may end in LF, CR or CRLF, a chunk may stop mid-line, comment
 * lines (`:`) are skipped, and `retry:` is reported through `retry`.
 */
export class SseParser {
  private buffer = ''
  private event = ''
  private data: string[] = []
  private id: string | null = null
  private pendingCR = false
  /** The last `retry:` the server asked for, in ms. */
  retry: number | null = null

  push(chunk: string): SseMessage[] {
    // A chunk ending in CR may be the first half of a CRLF: its LF must not count as a blank line.
    const text = this.pendingCR && chunk.startsWith('\n') ? chunk.slice(1) : chunk
    this.pendingCR = chunk.endsWith('\r')
    this.buffer += text
    const out: SseMessage[] = []
    const lines = this.buffer.split(/\r\n|\r|\n/)
    this.buffer = lines.pop() ?? ''
    for (const line of lines) {
      const message = this.line(line)
      if (message)
        out.push(message)
    }
    return out
  }

  private line(line: string): SseMessage | null {
    if (line === '') {
      if (this.data.length === 0) {
        this.event = ''
        return null
      }
      const message = { event: this.event || 'message', data: this.data.join('\n'), id: this.id }
      this.event = ''
      this.data = []
      return message
    }
    if (line.startsWith(':'))
      return null
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event')
      this.event = value
    else if (field === 'data')
      this.data.push(value)
    else if (field === 'id' && !value.includes('\0'))
      this.id = value
    else if (field === 'retry' && /^\d+$/.test(value))
      this.retry = Number(value)
    return null
  }
}

/** What one stream message means to the wall (wall and health contracts); null for anything else. */
export type StreamEvent
  = | { type: 'hello' | 'heartbeat', dataVersion: unknown }
    | { type: 'import', data: unknown, dataVersion: unknown }
    | { type: 'warning', warning: WallWarning }

/** Read a parsed SSE message: its JSON data checked against the event it claims to be. */
export function streamEvent(message: Pick<SseMessage, 'event' | 'data'>): StreamEvent | null {
  let data: unknown
  try {
    data = JSON.parse(message.data)
  }
  catch {
    return null
  }
  if (!data || typeof data !== 'object')
    return null
  const dataVersion = (data as { dataVersion?: unknown }).dataVersion
  if (message.event === 'hello' || message.event === 'heartbeat')
    return { type: message.event, dataVersion }
  if (message.event === 'import')
    return { type: 'import', data, dataVersion }
  if (message.event === 'warning') {
    const warning = parseWarning(data)
    return warning ? { type: 'warning', warning } : null
  }
  return null
}
