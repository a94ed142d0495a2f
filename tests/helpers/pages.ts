/**
 * Plain HTTP access to the server the suite started (HOST and PORT come
 * from .env.test or the environment), for checks on the raw HTML.
 */
export function baseUrl() {
  return `http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? '3333'}`
}

/** GETs a page as a German reader would, and fails on anything but a 200 HTML answer. */
export async function fetchHtml(path: string) {
  const response = await fetch(new URL(path, baseUrl()), {
    headers: { 'accept-language': 'de-DE,de;q=0.9', 'accept': 'text/html' },
  })
  const html = await response.text()
  const type = response.headers.get('content-type') ?? ''
  if (response.status !== 200 || !type.includes('text/html')) {
    throw new Error(`GET ${path} answered ${response.status} (${type}):\n${html.slice(0, 500)}`)
  }
  return html
}

/** Whitespace as a reader sees it: collapsed and trimmed. */
export function squash(text: string | null | undefined) {
  return (text ?? '').replace(/\s+/g, ' ').trim()
}
