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
