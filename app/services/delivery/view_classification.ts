import type { IncomingHttpHeaders } from 'node:http'
import { isbot } from 'isbot'

/** What the counter needs of a request: Node's own `ctx.request.request` fits. */
export type ViewRequest = { method?: string; headers: IncomingHttpHeaders }

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name]
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).toLowerCase()
}

/** User agents already classified, and whether each is a bot: a site sees few distinct ones. */
const knownAgents = new Map<string, boolean>()
const MAX_KNOWN_AGENTS = 1_000

function isBotAgent(userAgent: string): boolean {
  let bot = knownAgents.get(userAgent)
  if (bot === undefined) {
    bot = isbot(userAgent || undefined)
    if (knownAgents.size >= MAX_KNOWN_AGENTS) knownAgents.clear()
    knownAgents.set(userAgent, bot)
  }
  return bot
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
  return !isBotAgent(header(request.headers, 'user-agent'))
}
