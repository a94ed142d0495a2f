import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'

/**
 * Tokens that travel by e-mail (password reset, vendor invitations). The
 * token itself is only ever in the link; the database keeps its SHA-256, so
 * a leaked table does not let anyone reset a password or join a vendor.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** 32 random bytes, URL-safe, and the hash to store. */
export function generateToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

/** A token works until it expires or is used, whichever comes first. */
export function isUsable(
  record: { expiresAt: DateTime; usedAt: DateTime | null },
  now: DateTime = DateTime.now()
): boolean {
  return record.usedAt === null && record.expiresAt.toMillis() > now.toMillis()
}
