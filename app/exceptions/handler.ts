import app from '@adonisjs/core/services/app'
import { errors as vineErrors } from '@vinejs/vine'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'
import DomainError from '#exceptions/domain_error'
import { isJsonApi } from '#services/json_api'

type FieldError = { field: string | null; message: string }

/** Refusals of a request's form (request_body_middleware), told in the reader's language. */
const REQUEST_REFUSALS = new Set([
  'E_UNSUPPORTED_MEDIA_TYPE',
  'E_MALFORMED_BODY',
  'E_REQUEST_ENTITY_TOO_LARGE',
])

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' ? code : undefined
}
/** Bouncer's refusal: a policy's own translated reason, or the generic one. */
type RefusalMessage = { getResponseMessage(ctx: HttpContext): string }

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = app.inDev
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '403': (error, { view }) => view.render('pages/errors/forbidden', { error }),
    '404': (error, { view }) => view.render('pages/errors/not_found', { error }),
    '500..599': (error, { view }) => view.render('pages/errors/server_error', { error }),
  }

  async handle(error: unknown, ctx: HttpContext) {
    // Refusals of the domain render themselves, on pages and on the API alike.
    if (error instanceof DomainError) return error.handle(error, ctx)
    if (isJsonApi(ctx)) {
      return this.renderApiError(error, ctx)
    }
    const code = codeOf(error)
    if (code && REQUEST_REFUSALS.has(code)) {
      return ctx.response.status(this.statusOf(error)).send(ctx.i18n.t(`http.${code}`))
    }
    // Bouncer answers refusals with plain text; pages get the layout.
    if ((error as { code?: unknown })?.code === 'E_AUTHORIZATION_FAILURE') {
      // A policy that hides what it guards (drafts) refuses like a missing row.
      if (this.statusOf(error) === 404) {
        return ctx.response.status(404).send(await ctx.view.render('pages/errors/not_found'))
      }
      const refusal = error as { response?: { translation?: unknown } } & RefusalMessage
      const reason = refusal.response?.translation ? refusal.getResponseMessage(ctx) : null
      return ctx.response
        .status(403)
        .send(await ctx.view.render('pages/errors/forbidden', { reason }))
    }
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(error, ctx)
  }

  /**
   * The JSON API has one error shape: `{ errors: [{ field, message }] }`.
   */
  private renderApiError(error: unknown, ctx: HttpContext) {
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const errors: FieldError[] = error.messages.map((m: { field: string; message: string }) => ({
        field: m.field,
        message: m.message,
      }))
      return ctx.response.status(422).send({ errors })
    }

    const status = this.statusOf(error)
    return ctx.response
      .status(status)
      .send({ errors: [{ field: null, message: this.apiMessage(error, status, ctx) }] })
  }

  /**
   * The framework's generic messages (401, 403, 404, 5xx) are replaced by
   * ours, in the reader's language.
   */
  private apiMessage(error: unknown, status: number, ctx: HttpContext): string {
    const code = (error as { code?: unknown })?.code
    if (status >= 500 || !(error instanceof Error)) return ctx.i18n.t('errors.server_error.title')
    if (status === 404) return ctx.i18n.t('errors.not_found.title')
    if (code === 'E_UNAUTHORIZED_ACCESS') return ctx.i18n.t('errors.E_UNAUTHORIZED_ACCESS')
    if (typeof code === 'string' && REQUEST_REFUSALS.has(code)) return ctx.i18n.t(`http.${code}`)
    if (code === 'E_AUTHORIZATION_FAILURE') {
      // Bouncer translates a policy's own reason, or errors.E_AUTHORIZATION_FAILURE.
      return (
        error as unknown as { getResponseMessage(c: HttpContext): string }
      ).getResponseMessage(ctx)
    }
    return error.message
  }

  private statusOf(error: unknown): number {
    // Bouncer keeps a policy's own status (e.g. 404 for hidden drafts) on its response.
    const { code, response } = (error ?? {}) as { code?: unknown; response?: { status?: unknown } }
    const refusal = code === 'E_AUTHORIZATION_FAILURE' ? response?.status : undefined
    const status = refusal ?? (error as { status?: unknown })?.status
    return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
  }
}
