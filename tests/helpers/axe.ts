import axe from 'axe-core'
import type { Page } from 'playwright'
import type { AxeResults, Result } from 'axe-core'

/** Impacts that fail a page; minor and moderate findings are reported only. */
export const BLOCKING_IMPACTS = ['serious', 'critical']

/**
 * Runs axe-core inside the page as it is rendered now (styles applied, so
 * colour contrast is measured) and returns all of its violations.
 */
export async function auditPage(page: Page): Promise<Result[]> {
  try {
    return await withinAuditTime(page, runAxe(page))
  } catch (error) {
    if (!(error instanceof AuditTimeout)) throw error
    // Seen rarely in headless Chromium: an evaluate that never returns. The
    // page is loaded again and audited once more; a second hang fails.
    console.warn(`${error.message}; reloading the page and auditing it once more`)
    await page.reload({ timeout: AUDIT_TIMEOUT_MS })
    return withinAuditTime(page, runAxe(page))
  }
}

async function runAxe(page: Page) {
  // Evaluated through the DevTools protocol, not as an inline <script>: the
  // site's CSP (no inline script) blocks the latter in any context that
  // does not bypass it, e.g. browser.newContext() in a journey.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axe.source)
  // A string, because this runs in the page, where `axe` and `document` live.
  const results = await page.evaluate<AxeResults>(
    `axe.run(document, { resultTypes: ['violations'] })`
  )
  return results.violations
}

const AUDIT_TIMEOUT_MS = 30_000

class AuditTimeout extends Error {}

/** page.evaluate has no timeout of its own: a stuck audit fails, naming the page. */
async function withinAuditTime<T>(page: Page, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AuditTimeout(`axe-core did not finish within ${AUDIT_TIMEOUT_MS} ms on ${page.url()}`)
        ),
      AUDIT_TIMEOUT_MS
    )
  })
  try {
    return await Promise.race([work, stuck])
  } finally {
    clearTimeout(timer)
  }
}

export function blockingViolations(violations: Result[]) {
  return violations.filter((v) => v.impact && BLOCKING_IMPACTS.includes(v.impact))
}

/** Rule, impact, help text and the offending nodes, for a failure message. */
export function formatViolations(violations: Result[]) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (node) => `      ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`
        )
        .join('\n')
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`
    })
    .join('\n')
}
