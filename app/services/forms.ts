import { errors } from '@vinejs/vine'
import type { VineValidator } from '@vinejs/vine'
import type { Infer, SchemaTypes } from '@vinejs/vine/types'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * Vine's error as `{ field: message }` (the first message per field), or
 * null for any other error, which the caller rethrows.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> | null {
  if (!(error instanceof errors.E_VALIDATION_ERROR)) return null
  const byField: Record<string, string> = {}
  for (const message of error.messages as { field: string; message: string }[]) {
    byField[message.field] ??= message.message
  }
  return byField
}

export type QueryForm<Schema extends SchemaTypes> =
  { input: Infer<Schema>; errors: null } | { input: null; errors: Record<string, string> }

/**
 * Validates a GET form (the query string). GET forms have no session, so
 * invalid input is not redirected back: the response gets status 422 and
 * the caller re-renders the page with one message per field. Messages come
 * through i18n like every other validation (request.validateUsing).
 */
export async function validateQuery<
  Schema extends SchemaTypes,
  Meta extends Record<string, any> | undefined,
>(
  { request, response }: HttpContext,
  validator: VineValidator<Schema, Meta>,
  meta?: Meta
): Promise<QueryForm<Schema>> {
  try {
    const input = await request.validateUsing(validator as VineValidator<Schema, any>, {
      data: request.qs(),
      meta,
    })
    return { input, errors: null }
  } catch (error) {
    const byField = fieldErrorsOf(error)
    if (!byField) throw error
    response.status(422)
    return { input: null, errors: byField }
  }
}
