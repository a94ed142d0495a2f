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
