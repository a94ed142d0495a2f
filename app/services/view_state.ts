import { HttpContext } from '@adonisjs/core/http'

/** What is to be shared with a request's view once it is made. */
const waiting = new WeakMap<HttpContext, Record<string, unknown>[]>()

/**
 * Shares `state` with the templates of the request, in the order of the
 * calls (a later value wins). `ctx.view`, the edge provider's renderer, is
 * made on first use only: the middleware of every request shares the
 * language and the Bouncer helpers, and a JSON answer never renders.
 */
export function shareWithViews(ctx: HttpContext, state: Record<string, unknown>) {
  const makeView = Object.getOwnPropertyDescriptor(HttpContext.prototype, 'view')?.get
  if (!makeView) return
  const queued = waiting.get(ctx)
  if (queued) {
    queued.push(state)
    return
  }
  if (Object.hasOwn(ctx, 'view')) {
    ctx.view.share(state)
    return
  }
  const states = [state]
  waiting.set(ctx, states)
  // The provider's getter keeps the view on `ctx` in place of this one.
  Object.defineProperty(ctx, 'view', {
    configurable: true,
    get: () => {
      waiting.delete(ctx)
      const view = makeView.call(ctx)
      for (const shared of states) view.share(shared)
      return view
    },
  })
}
