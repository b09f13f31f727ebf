import { createHash } from 'node:crypto'

/** A strong ETag: a hash of the bytes themselves, right whatever changed the data. */
export function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`
}

/** If-None-Match matches: `*`, or one of its (possibly weak) tags equals ours. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header)
    return false
  return header.split(',').some((t) => {
    const tag = t.trim()
    return tag === '*' || tag.replace(/^W\//, '') === etag
  })
}
