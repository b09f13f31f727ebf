import { createHash, randomBytes } from 'node:crypto'

/** A random secret with a readable prefix (rms_ session, rmp_ personal token, rmd_ display token). */
export function newSecret(prefix: 'rms' | 'rmp' | 'rmd'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}

/** Secrets are stored as sha256: they have 256 bits of entropy, so no slow hash is needed. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
