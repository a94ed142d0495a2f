import { inject } from '@adonisjs/core'
import { ClickDedupe } from '#services/delivery/click_dedupe'
import { ImpressionCounter } from '#services/delivery/impression_counter'
import { readClickToken } from '#services/delivery/click_token'
import { isCountedView, type ViewRequest } from '#services/delivery/view_classification'

export type ClickOutcome =
  | { status: 'invalid' }
  | { status: 'counted' | 'repeated' | 'expired' | 'not_counted'; target: string }

/**
 * Follows a click link (`/c/:token`). A valid token redirects and counts
 * one click (an ad or box click, or a vendor's website click) once per
 * token, viewer and day; an expired one redirects without counting; a
 * forged or altered one is refused. Bots, prefetches and HEAD requests
 * are redirected but never counted.
 */
@inject()
export default class ClickService {
  constructor(
    private counter: ImpressionCounter,
    private dedupe: ClickDedupe
  ) {}

  async follow(
    token: string,
    request: ViewRequest & { ip: string },
    now: Date = new Date()
  ): Promise<ClickOutcome> {
    const check = readClickToken(token, now)
    if (check.status === 'invalid') return check
    const target = check.click.target
    if (check.status === 'expired') return { status: 'expired', target }
    if (!isCountedView(request)) return { status: 'not_counted', target }
    const userAgent = String(request.headers['user-agent'] ?? '')
    if (!(await this.dedupe.firstClick(token, request.ip, userAgent, now))) {
      return { status: 'repeated', target }
    }
    this.counter.recordClick(check.click.kind, check.click)
    return { status: 'counted', target }
  }
}
