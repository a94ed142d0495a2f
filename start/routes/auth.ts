/*
| Routes of the auth area: sign-up, log-in, e-mail confirmation, password
| reset, the account home with its privacy tools, the token API and the
| development mailbox. Signed-in areas run the session and Shield (CSRF)
| middleware on their own groups: reader pages set no cookies.
*/
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { middleware } from '#start/kernel'

router
  .group(() => {
    router
      .group(() => {
        router.get('/signup', [controllers.auth.Signup, 'create']).as('auth.signup')
        router.post('/signup', [controllers.auth.Signup, 'store']).as('auth.signup.store')
        router.get('/login', [controllers.auth.Session, 'create']).as('auth.login')
        router.post('/login', [controllers.auth.Session, 'store']).as('auth.login.store')
      })
      .use(middleware.guest())

    router
      .get('/verify-email/:id', [controllers.auth.EmailVerification, 'verify'])
      .as('auth.verify')
    router
      .get('/forgot-password', [controllers.auth.PasswordReset, 'create'])
      .as('auth.password.forgot')
    router
      .post('/forgot-password', [controllers.auth.PasswordReset, 'store'])
      .as('auth.password.email')
    router
      .get('/reset-password/:token', [controllers.auth.PasswordReset, 'edit'])
      .as('auth.password.reset')
    router
      .post('/reset-password/:token', [controllers.auth.PasswordReset, 'update'])
      .as('auth.password.update')

    router
      .group(() => {
        router.post('/logout', [controllers.auth.Session, 'destroy']).as('auth.logout')
        router
          .post('/account/sessions/revoke', [controllers.auth.Session, 'destroyAll'])
          .as('account.sessions.revoke')
        router.get('/account', [controllers.account.Account, 'show']).as('account.home')
        router
          .post('/account/settings', [controllers.account.Account, 'update'])
          .as('account.update')
        router
          .post('/account/password', [controllers.account.Account, 'changePassword'])
          .as('account.password.update')
        router
          .post('/account/verification', [controllers.auth.EmailVerification, 'resend'])
          .as('account.verification.resend')
        router.get('/account/export', [controllers.account.Privacy, 'export']).as('account.export')
        router
          .post('/account/delete', [controllers.account.Privacy, 'destroy'])
          .as('account.delete')
      })
      .use(middleware.auth())
  })
  .where('id', router.matchers.number())
  .use([middleware.session(), middleware.shield()])

/*
| JSON API: bearer tokens, no session, no CSRF.
*/
router
  .group(() => {
    router.post('/auth/tokens', [controllers.api.v1.AuthTokens, 'store']).as('auth.tokens.store')
    router
      .delete('/auth/tokens/current', [controllers.api.v1.AuthTokens, 'destroy'])
      .as('auth.tokens.destroy')
      .use(middleware.auth({ guards: ['api'] }))
    router
      .get('/me', [controllers.api.v1.Me, 'show'])
      .as('me')
      .use(middleware.auth({ guards: ['api'] }))
  })
  .prefix('/api/v1')
  .as('api.v1')

/*
| Captured mails, so that a person can follow their links. Outside
| production only; the route does not exist there.
*/
if (!app.inProduction) {
  router
    .group(() => {
      router.get('/', [controllers.dev.Mailbox, 'index']).as('index')
      // A mail's own inline styles, shown in a sandboxed srcdoc frame that inherits this CSP.
      router
        .get('/:id', [controllers.dev.Mailbox, 'show'])
        .as('show')
        .use(middleware.contentSecurityPolicy({ 'style-src': ["'self'", "'unsafe-inline'"] }))
    })
    .prefix('/dev/mailbox')
    .as('dev.mailbox')
}
