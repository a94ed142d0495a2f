import type { IncomingHttpHeaders } from 'node:http'
import { isbot } from 'isbot'

/** What the counter needs of a request: Node's own `ctx.request.request` fits. */
export type ViewRequest = { method?: string; headers: IncomingHttpHeaders }

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name]
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).toLowerCase()
}

/**
 * Whether a view counts as a filtered impression. Bots (isbot), prefetches
 * and prerenders (`Sec-Purpose`, `Purpose`) and HEAD requests count as raw
 * only: nobody has seen the placement yet, or nobody will.
 */
export function isCountedView(request: ViewRequest): boolean {
  if ((request.method ?? 'GET').toUpperCase() === 'HEAD') return false
  const purpose = `${header(request.headers, 'sec-purpose')},${header(request.headers, 'purpose')}`
  if (/\b(prefetch|prerender)\b/.test(purpose)) return false
  return !isbot(header(request.headers, 'user-agent') || undefined)
}
