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
  await page.addScriptTag({ content: axe.source })
  // A string, because this runs in the page, where `axe` and `document` live.
  const audit = page.evaluate<AxeResults>(`axe.run(document, { resultTypes: ['violations'] })`)
  // page.evaluate has no timeout of its own: a stuck audit fails here, naming the page.
  let timer: NodeJS.Timeout | undefined
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`axe-core did not finish within ${AUDIT_TIMEOUT_MS} ms on ${page.url()}`)),
      AUDIT_TIMEOUT_MS
    )
  })
  try {
    const results = await Promise.race([audit, stuck])
    return results.violations
  } finally {
    clearTimeout(timer)
  }
}

const AUDIT_TIMEOUT_MS = 60_000

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
