import env from '#start/env'
import type { CspDirectives } from '#config/headers'

/**
 * The embeds for other sites (`/embed/…`, `/embed.js`). `frameAncestors`
 * is read on every embed response, so tests may replace it.
 */
export const embedsConfig = {
  /** Who may frame the embeds (EMBED_FRAME_ANCESTORS, default 'self'). */
  frameAncestors: env.get('EMBED_FRAME_ANCESTORS'),
  /** How long browsers and proxies may keep /embed.js (seconds). */
  scriptMaxAge: 3600,
}

/** The CSP of an embed document: the site-wide one, framed by the configured parents. */
export function embedFraming(): CspDirectives {
  return { 'frame-ancestors': embedsConfig.frameAncestors }
}
