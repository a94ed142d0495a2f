import type { HttpContext } from '@adonisjs/core/http'
import type { ConfigProvider } from '@adonisjs/core/types'
import type { EmitterLike } from '@adonisjs/core/types/events'
import { errors as authErrors } from '@adonisjs/auth'
import { SessionGuard } from '@adonisjs/auth/session'
import type { GuardConfigProvider } from '@adonisjs/auth/types'
import type {
  SessionGuardEvents,
  SessionGuardOptions,
  SessionUserProviderContract,
} from '@adonisjs/auth/types/session'

/** The session key that holds the user's session generation from the log-in. */
export const SESSION_GENERATION_KEY = 'auth_generation'

type WithGeneration = { sessionGeneration?: number | null }
type Provider = SessionUserProviderContract<unknown>

function generationOf(user: unknown): number {
  return Number((user as WithGeneration).sessionGeneration ?? 0)
}

/**
 * The session guard, plus revocation: a log-in stores the user's
 * `session_generation` in the session, and every authentication compares it
 * with the stored user. Raising the counter in the database (log-out,
 * password reset, disabling, "sign out everywhere") ends every session of
 * the user, copies of the cookie included, whichever session store is used.
 */
export class RevocableSessionGuard<P extends Provider> extends SessionGuard<false, P> {
  #ctx: HttpContext

  constructor(
    name: string,
    ctx: HttpContext,
    options: SessionGuardOptions<false>,
    emitter: EmitterLike<SessionGuardEvents<any>>,
    provider: P
  ) {
    super(name, ctx, options, emitter, provider)
    this.#ctx = ctx
  }

  async authenticate() {
    const firstAttempt = !this.authenticationAttempted
    const user = await super.authenticate()
    if (!firstAttempt) return user

    const remembered = Number(this.#ctx.session.get(SESSION_GENERATION_KEY, 0))
    if (remembered === generationOf(user)) return user

    // A revoked session: forget the user, so that it reads as signed out
    // (reader pages read the session without writing it).
    if (!this.#ctx.session.readonly) {
      this.#ctx.session.forget(this.sessionKeyName)
      this.#ctx.session.forget(SESSION_GENERATION_KEY)
    }
    this.user = undefined
    this.isAuthenticated = false
    throw new authErrors.E_UNAUTHORIZED_ACCESS('Invalid or expired user session', {
      guardDriverName: this.driverName,
    })
  }

  async login(user: Parameters<SessionGuard<false, P>['login']>[0], remember?: false) {
    await super.login(user, remember)
    this.#ctx.session.put(SESSION_GENERATION_KEY, generationOf(user))
  }

  async logout() {
    await super.logout()
    this.#ctx.session.forget(SESSION_GENERATION_KEY)
  }

  /** Test clients (`loginAs`) get a session of the user's current generation. */
  async authenticateAsClient(user: Parameters<SessionGuard<false, P>['login']>[0]) {
    const client = await super.authenticateAsClient(user)
    return { session: { ...client.session, [SESSION_GENERATION_KEY]: generationOf(user) } }
  }
}

export function revocableSessionGuard<P extends Provider>(
  config: { provider: P | ConfigProvider<P> } & SessionGuardOptions<false>
): GuardConfigProvider<(ctx: HttpContext) => RevocableSessionGuard<P>> {
  return {
    async resolver(name, app) {
      const emitter = await app.container.make('emitter')
      const provider =
        'resolver' in config.provider ? await config.provider.resolver(app) : config.provider
      return (ctx) => new RevocableSessionGuard(name, ctx, config, emitter as any, provider)
    },
  }
}
