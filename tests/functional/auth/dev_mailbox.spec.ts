import { test } from '@japa/runner'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import VerifyEmailNotification from '#mails/verify_email_notification'

const folder = app.makePath(env.get('MAILBOX_DIR', 'tmp/mailbox'))

/** Sends through the real development transport and returns the captured mail's id. */
async function capture(user: User, url: string) {
  const response = await mail.use('mailbox').send(new VerifyEmailNotification(user, url))
  return response.messageId
}

/** The route patterns the app registers when booted with the given NODE_ENV. */
async function routePatterns(nodeEnv: string) {
  const { stdout } = await promisify(execFile)('node', ['ace', 'list:routes', '--json'], {
    cwd: app.makePath(),
    env: { ...process.env, NODE_ENV: nodeEnv, LOG_LEVEL: 'silent' },
  })
  const domains: { routes: { pattern: string }[] }[] = JSON.parse(stdout)
  return domains.flatMap((domain) => domain.routes.map((route) => route.pattern))
}

async function removeCaptured(id: string) {
  const files = await readdir(folder)
  await Promise.all(files.filter((name) => name.includes(id)).map((name) => rm(join(folder, name))))
}

test.group('Development mailbox', () => {
  test('lists captured mails and shows one with its links, its HTML sandboxed', async ({
    client,
    assert,
    cleanup,
  }) => {
    const user = new User().merge({
      id: 4711,
      name: 'Max <script>alert(1)</script>',
      email: `mailbox-${Date.now()}@example.test`,
      locale: 'de',
    })
    const url = urlFor(
      'auth.verify',
      { id: user.id },
      { prefixUrl: 'http://localhost:3333', qs: { signature: 'abc.def' } }
    )
    const id = await capture(user, url)
    cleanup(() => removeCaptured(id))

    const list = await client.get(urlFor('dev.mailbox.index'))
    list.assertStatus(200)
    list.assertTextIncludes('Postfach (Entwicklung)')
    list.assertTextIncludes(`href="${urlFor('dev.mailbox.show', { id })}"`)
    list.assertTextIncludes('Bitte bestätigen Sie Ihre E-Mail-Adresse')
    list.assertTextIncludes(user.email)
    assert.notExists(list.header('set-cookie'))

    const shown = await client.get(urlFor('dev.mailbox.show', { id }))
    shown.assertStatus(200)
    shown.assertTextIncludes(`<a href="${url}">${url}</a>`)
    shown.assertTextIncludes('sandbox="allow-popups allow-popups-to-escape-sandbox"')
    shown.assertTextIncludes('srcdoc="&lt;base target=&quot;_blank&quot;&gt;&lt;!DOCTYPE html&gt;')
    shown.assertTextIncludes('<pre class="mail-text">Hallo Max &lt;script&gt;')
    // The mail's markup never reaches this page unescaped.
    assert.notInclude(shown.text(), '<script>')
    assert.notInclude(shown.text(), '<h1 style=')
  })

  test('an unknown mail is 404', async ({ client }) => {
    const response = await client.get(
      urlFor('dev.mailbox.show', { id: '00000000-0000-0000-0000-000000000000' })
    )

    response.assertStatus(404)
  })

  test('does not exist in production', async ({ assert }) => {
    const [development, production] = await Promise.all([
      routePatterns('development'),
      routePatterns('production'),
    ])

    // Route patterns as another process lists them: this process cannot name production's routes.
    assert.includeMembers(development, ['/dev/mailbox', '/dev/mailbox/:id'])
    assert.includeMembers(production, ['/login', '/account'])
    assert.isEmpty(production.filter((pattern) => pattern.startsWith('/dev')))
  }).timeout(60000)
})
