import { errors } from '@vinejs/vine'

/**
 * GET forms have no session, so a failed validation re-renders the page
 * with status 422. This turns Vine's error into `{ field: message }`
 * (the first message per field) for the view, or returns null for any
 * other error, which the caller rethrows.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> | null {
  if (!(error instanceof errors.E_VALIDATION_ERROR)) return null
  const byField: Record<string, string> = {}
  for (const message of error.messages as { field: string; message: string }[]) {
    byField[message.field] ??= message.message
  }
  return byField
}
