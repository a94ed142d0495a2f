import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import app from '@adonisjs/core/services/app'
import type { Page } from 'playwright'
import Subscription from '#models/subscription'
import Topic from '#models/topic'
import { manageUrl, confirmUrl, unsubscribeUrl } from '#services/subscriptions/subscription_links'
import { DEMO_SEED_NEWS_SLUG } from '#database/data/demo_news'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { baseUrl, fetchHtml, squash } from '#tests/helpers/pages'
import { createNews } from '#tests/helpers/news'
import { createSubscription, pathOf } from '#tests/helpers/subscriptions'

/** Mails go out after the response: looks at the mailbox until one to `to` with `subject` is there. */
async function openMail(page: Page, to: string, subject: string) {
  const row = page.locator('table tbody tr', { hasText: to }).filter({ hasText: subject })
  for (let look = 0; look < 20 && (await row.count()) === 0; look++) {
    await page.goto(new URL(urlFor('dev.mailbox.index'), baseUrl()).href)
    if ((await row.count()) > 0) break
    await page.waitForTimeout(500)
  }
  if ((await row.count()) !== 1) throw new Error(`expected one mail "${subject}" to ${to}`)
  await row.getByRole('link', { name: subject }).click()
  await page.waitForURL(/\/dev\/mailbox\/.+/)
}

/** Runs an ace command in-process, as cron would run it. */
async function runCommand(name: string, args: string[] = []) {
  const ace = await app.container.make('ace')
  const command = await ace.exec(name, args)
  if (command.exitCode) throw command.error ?? new Error(`${name} failed`)
}

test.group('Subscription journey', () => {
  test('a reader subscribes to Social Media, confirms through the mail, then cancels through the next digest', async ({
    visit,
    assert,
  }) => {
    const email = `leserin-${Date.now()}@example.test`
    const page = await visit(urlFor('news.show', { slug: DEMO_SEED_NEWS_SLUG }))

    // 3a. The form beside the item: the topic is set, the reader picks "at once".
    const box = page.locator('section.subscription-box')
    assert.equal(
      squash(await box.getByRole('heading').textContent()),
      'Neuigkeiten aus dem Bereich Social Media abonnieren'
    )
    await box.getByLabel('E-Mail-Adresse').fill(email)
    await box.getByRole('radio', { name: 'Sofort, sobald etwas Neues erscheint' }).check()
    assert.isTrue(await box.getByRole('checkbox', { name: 'Neue Meldungen' }).isChecked())
    assert.isTrue(await box.getByRole('checkbox', { name: 'Neue Anbieter' }).isChecked())
    await box.getByRole('button', { name: 'Abonnieren' }).click()
    await page.waitForURL(`**${urlFor('subscriptions.sent')}`)
    assert.equal(squash(await page.locator('h1').textContent()), 'Bitte prüfen Sie Ihr Postfach')
    const cookies = await page.context().cookies()
    assert.deepEqual(cookies, [], 'reader pages and the form set no cookie')

    // 3b. Confirm through the captured mail.
    await openMail(page, email, 'Bitte bestätigen Sie Ihr Abonnement')
    await page.locator('ul.mail-links a', { hasText: '/confirm?' }).click()
    assert.include(
      squash(await page.locator('main').textContent()),
      `Bitte bestätigen Sie, dass Sie Neuigkeiten an ${email} erhalten möchten.`
    )
    await page.getByRole('button', { name: 'Abonnement bestätigen' }).click()
    await page.getByRole('status').first().waitFor()
    assert.equal(
      squash(await page.getByRole('status').first().textContent()),
      'Danke! Ihr Abonnement ist bestätigt.'
    )
    const subscription = await Subscription.findByOrFail('email', email)
    assert.isNotNull(subscription.confirmedAt)

    // Something new in Social Media, and the digest run (as cron or npm start would).
    const topic = await Topic.findByOrFail('slug', 'social-media')
    const item = await createNews(
      { kicker: 'Social Media:', title: `Neue Meldung für das Abo ${Date.now()}` },
      [topic]
    )
    await runCommand('digest:send')

    // 3c. Cancel through the link in the digest.
    await openMail(page, email, 'Neues aus Ihren Themen im Anbieterverzeichnis')
    assert.include(squash(await page.locator('main').textContent()), item.title)
    await page.locator('ul.mail-links a', { hasText: '/unsubscribe?' }).click()
    assert.include(
      squash(await page.locator('main').textContent()),
      `Möchten Sie das Abonnement für ${email} kündigen?`
    )
    await page.getByRole('button', { name: 'Abonnement kündigen' }).click()
    await page.locator('h1', { hasText: 'Abonnement gekündigt' }).waitFor()
    assert.isNull(await Subscription.findBy('email', email))
  })

  test('axe-core and the Nu checker find nothing on the subscription pages', async ({
    visit,
    assert,
  }) => {
    const topic = await Topic.findByOrFail('slug', 'social-media')
    const subscription = await createSubscription([topic], {
      email: `pruefung-${Date.now()}@example.test`,
      confirmed: false,
    })
    const pages: Record<string, string> = {
      form: urlFor('subscriptions.create', {}, { qs: { topic: 'social-media' } }),
      sent: urlFor('subscriptions.sent'),
      confirm: pathOf(confirmUrl(subscription)),
      manage: pathOf(manageUrl(subscription)),
      unsubscribe: pathOf(unsubscribeUrl(subscription)),
    }

    const failures: string[] = []
    const html: Record<string, string> = {}
    for (const [name, path] of Object.entries(pages)) {
      const page = await visit(path)
      const blocking = blockingViolations(await auditPage(page))
      if (blocking.length) failures.push(`${name} (${path}):\n${formatViolations(blocking)}`)
      await page.close()
      html[`${name} (${path})`] = await fetchHtml(path)
    }

    // The form with its errors (422), and the answer to a cancellation.
    const invalid = await fetch(new URL(urlFor('subscriptions.store'), baseUrl()), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' },
      body: 'email=nope&token=forged',
    })
    assert.equal(invalid.status, 422)
    html['form with errors'] = await invalid.text()
    const cancelled = await fetch(new URL(pages.unsubscribe, baseUrl()), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' },
      body: 'List-Unsubscribe=One-Click',
    })
    assert.equal(cancelled.status, 200)
    html.cancelled = await cancelled.text()

    assert.deepEqual(failures, [], `axe-core violations:\n${failures.join('\n')}`)
    const messages = await checkHtml(html)
    assert.lengthOf(messages, 0, `Nu HTML checker errors:\n${formatVnuMessages(messages)}`)
  })
})
