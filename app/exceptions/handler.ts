import app from '@adonisjs/core/services/app'
import { errors as vineErrors } from '@vinejs/vine'
import { HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import type { StatusPageRange, StatusPageRenderer } from '@adonisjs/core/types/http'

type FieldError = { field: string | null; message: string }

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = app.inDev
  protected renderStatusPages = true

  protected statusPages: Record<StatusPageRange, StatusPageRenderer> = {
    '404': (error, { view }) => view.render('pages/errors/not_found', { error }),
    '500..599': (error, { view }) => view.render('pages/errors/server_error', { error }),
  }

  async handle(error: unknown, ctx: HttpContext) {
    if (ctx.request.url().startsWith('/api/')) {
      return this.renderApiError(error, ctx)
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
    const message =
      status >= 500 || !(error instanceof Error)
        ? ctx.i18n.t('errors.server_error.title')
        : status === 404
          ? ctx.i18n.t('errors.not_found.title')
          : error.message
    return ctx.response.status(status).send({ errors: [{ field: null, message }] })
  }

  private statusOf(error: unknown): number {
    const status = (error as { status?: unknown })?.status
    return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
  }
}
