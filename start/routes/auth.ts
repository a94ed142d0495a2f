/*
| Routes of the auth area: sign-up, log-in, e-mail confirmation, password
| reset, the account home with its privacy tools, the token API and the
| development mailbox. Signed-in areas run the session and Shield (CSRF)
| middleware on their own groups: reader pages set no cookies.
*/
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const SignupController = () => import('#controllers/auth/signup_controller')
const SessionController = () => import('#controllers/auth/session_controller')
const EmailVerificationController = () => import('#controllers/auth/email_verification_controller')
const PasswordResetController = () => import('#controllers/auth/password_reset_controller')
const AccountController = () => import('#controllers/account/account_controller')
const PrivacyController = () => import('#controllers/account/privacy_controller')
const ApiAuthTokensController = () => import('#controllers/api/v1/auth_tokens_controller')
const ApiMeController = () => import('#controllers/api/v1/me_controller')
const MailboxController = () => import('#controllers/dev/mailbox_controller')

router
  .group(() => {
    router
      .group(() => {
        router.get('/signup', [SignupController, 'create']).as('auth.signup')
        router.post('/signup', [SignupController, 'store']).as('auth.signup.store')
        router.get('/login', [SessionController, 'create']).as('auth.login')
        router.post('/login', [SessionController, 'store']).as('auth.login.store')
      })
      .use(middleware.guest())

    router.get('/verify-email/:id', [EmailVerificationController, 'verify']).as('auth.verify')
    router.get('/forgot-password', [PasswordResetController, 'create']).as('auth.password.forgot')
    router.post('/forgot-password', [PasswordResetController, 'store']).as('auth.password.email')
    router
      .get('/reset-password/:token', [PasswordResetController, 'edit'])
      .as('auth.password.reset')
    router
      .post('/reset-password/:token', [PasswordResetController, 'update'])
      .as('auth.password.update')

    router
      .group(() => {
        router.post('/logout', [SessionController, 'destroy']).as('auth.logout')
        router.get('/account', [AccountController, 'show']).as('account.home')
        router.post('/account/settings', [AccountController, 'update']).as('account.update')
        router
          .post('/account/verification', [EmailVerificationController, 'resend'])
          .as('account.verification.resend')
        router.get('/account/export', [PrivacyController, 'export']).as('account.export')
        router.post('/account/delete', [PrivacyController, 'destroy']).as('account.delete')
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
    router.post('/auth/tokens', [ApiAuthTokensController, 'store']).as('auth.tokens.store')
    router
      .delete('/auth/tokens/current', [ApiAuthTokensController, 'destroy'])
      .as('auth.tokens.destroy')
      .use(middleware.auth({ guards: ['api'] }))
    router
      .get('/me', [ApiMeController, 'show'])
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
      router.get('/', [MailboxController, 'index']).as('index')
      router.get('/:id', [MailboxController, 'show']).as('show')
    })
    .prefix('/dev/mailbox')
    .as('dev.mailbox')
}
