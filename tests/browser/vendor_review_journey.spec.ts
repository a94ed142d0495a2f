import { mkdir, rm } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { urlFor } from '@adonisjs/core/services/url_builder'
import sharp from 'sharp'
import type { Page } from 'playwright'
import { squash } from '#tests/helpers/pages'
import {
  field,
  logIn,
  newPersonContext,
  clickAndWait,
  watchForBreakage,
  step,
  notice,
} from '#tests/helpers/browser_session'

const TOPIC = { name: 'Social Media', slug: 'social-media' }
const LOGO = { width: 120, height: 60 }

/** What the test reads of an <img> in the page (the project has no DOM typings). */
type LoadedImage = { complete: boolean; naturalWidth: number; naturalHeight: number }

/**
 * Looks for the vendor in the topic's full list, following its "next"
 * pages; returns the link's path or null.
 */
async function findInTopicList(page: Page, name: string): Promise<string | null> {
  await page.goto(urlFor('topics.show', { slug: TOPIC.slug }))
  for (;;) {
    const link = page.locator('ul.vendor-list a', { hasText: name })
    if (await link.count()) return link.first().getAttribute('href')
    const next = page.locator('nav.pagination a[rel="next"]')
    if (!(await next.count())) return null
    await clickAndWait(next)
  }
}

/** The profile's description as a reader sees it. */
async function profileDescription(page: Page) {
  return squash(await page.locator('section.vendor-profile__about .prose').textContent())
}

test.group('Vendor review journey', () => {
  test('a new user signs up, lists a vendor with a logo, an editor approves it and later a revision', async ({
    visit,
    browser,
    assert,
    cleanup,
  }) => {
    const stamp = Date.now().toString(36)
    const person = {
      name: `Jana Journey ${stamp}`,
      email: `jana-${stamp}@example.test`,
      password: 'ein-langes-passwort-2026',
    }
    const vendor = {
      name: `Kanalwerk Journey ${stamp}`,
      postalCode: '35398',
      city: 'Gießen',
      description:
        'Wir betreuen die Social-Media-Kanäle von Kommunen: Redaktionsplan, Community und Schulung.',
      newDescription:
        'Neu im Angebot: barrierefreie Posts und Schulungen für Ämter in ganz Hessen.',
    }

    const logoPath = app.tmpPath(`journey-logo-${stamp}.png`)
    await mkdir(app.tmpPath(), { recursive: true })
    await sharp({
      create: { ...LOGO, channels: 3, background: { r: 29, g: 112, b: 184 } },
    })
      .png()
      .toFile(logoPath)
    cleanup(() => rm(logoPath, { force: true }))

    const editorContext = await newPersonContext(browser)
    cleanup(() => editorContext.close())

    const problems: string[] = []
    const owner = await visit(urlFor('home'))
    watchForBreakage(owner, problems)

    // 1. Sign-up and e-mail confirmation through the captured mail.
    await step('sign up and confirm the e-mail', async () => {
      await clickAndWait(
        owner
          .getByRole('navigation', { name: 'Konto', exact: true })
          .getByRole('link', { name: 'Registrieren' })
      )
      await field(owner, 'Name').fill(person.name)
      await field(owner, 'E-Mail-Adresse').fill(person.email)
      await field(owner, 'Passwort').fill(person.password)
      await field(owner, 'Passwort wiederholen').fill(person.password)
      await clickAndWait(owner.getByRole('button', { name: 'Konto anlegen', exact: true }))
      await owner.assertPath(urlFor('auth.login'))
      assert.include(await notice(owner), 'Bitte bestätigen Sie Ihre E-Mail-Adresse')

      // Sign-up mails after its response (so a known address takes no longer):
      // the mailbox is looked at until the mail is there, for up to 10 s.
      const mailbox = urlFor('dev.mailbox.index')
      const row = owner.locator('table tbody tr', { hasText: person.email })
      for (let look = 0; look < 20; look++) {
        await owner.goto(mailbox)
        if ((await row.count()) > 0) break
        await owner.waitForTimeout(500)
      }
      assert.equal(await row.count(), 1, `exactly one mail to ${person.email} in ${mailbox}`)
      await clickAndWait(
        row.getByRole('link', { name: 'Bitte bestätigen Sie Ihre E-Mail-Adresse' })
      )
      // The link's text is its address; the user's id in it is not known here.
      const confirmLink = owner.locator('ul.mail-links a', { hasText: '/verify-email/' })
      assert.equal(await confirmLink.count(), 1, 'the mail has one confirmation link')
      await clickAndWait(confirmLink)

      await owner.assertPath(urlFor('account.home'))
      assert.equal(await notice(owner), 'Danke! Ihre E-Mail-Adresse ist bestätigt.')
      assert.equal(
        squash(await owner.locator('.account-facts .status-badge').textContent()),
        'bestätigt'
      )
    })

    // 2. Create the vendor, upload its logo, submit it for review.
    const accountPath = await step('create the vendor, upload a logo and submit it', async () => {
      await clickAndWait(owner.getByRole('link', { name: 'Meine Anbieter' }).first())
      await clickAndWait(owner.getByRole('link', { name: 'Neuen Anbieter anlegen' }))
      await field(owner, 'Name des Unternehmens').fill(vendor.name)
      await field(owner, 'PLZ').fill(vendor.postalCode)
      await field(owner, 'Ort').fill(vendor.city)
      await field(owner, 'Beschreibung').fill(vendor.description)
      await owner
        .getByRole('group', { name: /Themen/ })
        .getByRole('checkbox', { name: TOPIC.name, exact: true })
        .check()
      await clickAndWait(owner.getByRole('button', { name: 'Anbieter anlegen', exact: true }))

      // A pattern: the new vendor's id is not known here.
      await owner.assertUrlMatches(/\/account\/vendors\/\d+$/)
      assert.equal(squash(await owner.locator('h1').textContent()), vendor.name)
      assert.include(await notice(owner), 'als Entwurf angelegt')
      assert.equal(squash(await owner.locator('dl.facts .status-badge').textContent()), 'Entwurf')

      await field(owner, 'Neues Logo hochladen').setInputFiles(logoPath)
      await clickAndWait(owner.getByRole('button', { name: 'Logo hochladen', exact: true }))
      assert.equal(await notice(owner), 'Das Logo ist gespeichert.')
      const preview = owner.locator('section[aria-labelledby="logo-heading"] img')
      await preview.waitFor()
      assert.isAbove(
        await preview.evaluate((img: LoadedImage) => img.naturalWidth),
        0,
        'the account page shows the uploaded logo'
      )

      await clickAndWait(owner.getByRole('button', { name: 'Zur Prüfung einreichen', exact: true }))
      assert.equal(await notice(owner), 'Der Eintrag ist zur Prüfung eingereicht.')
      assert.equal(
        squash(await owner.locator('dl.facts .status-badge').textContent()),
        'In Prüfung'
      )
      return new URL(owner.url()).pathname
    })

    // 3. An editor approves it; it is listed on its topic with its logo.
    const editor = await editorContext.newPage()
    watchForBreakage(editor, problems)
    const profilePath = await step('the editor approves the new vendor', async () => {
      await logIn(editor, 'editor@example.com')
      await clickAndWait(
        editor.getByRole('main').getByRole('link', { name: 'Redaktion', exact: true })
      )
      await editor.assertPath(urlFor('editorial.queue'))
      const item = editor.locator('tr[data-queue-item^="vendor-"]', { hasText: vendor.name })
      assert.equal(await item.count(), 1, `the queue lists "${vendor.name}" once as a new vendor`)
      assert.include(squash(await item.textContent()), person.name)
      await clickAndWait(item.getByRole('link', { name: /^Prüfen\b/ }))

      assert.equal(squash(await editor.locator('h1').textContent()), `Anbieter: ${vendor.name}`)
      await clickAndWait(
        editor.getByRole('button', { name: 'Freigeben und veröffentlichen', exact: true })
      )
      await editor.assertPath(urlFor('editorial.queue'))
      assert.equal(await notice(editor), `„${vendor.name}“ ist freigegeben und veröffentlicht.`)
      assert.equal(
        await editor.locator('tr[data-queue-item]', { hasText: vendor.name }).count(),
        0,
        'the approved vendor left the queue'
      )

      const listed = await findInTopicList(owner, vendor.name)
      assert.isNotNull(listed, `"${vendor.name}" is not in the full list of ${TOPIC.name}`)
      const path = new URL(listed!, owner.url()).pathname
      // A pattern: that the profile's address is a bare slug path is what is checked.
      assert.match(path, /^\/vendors\/[a-z0-9-]+$/)

      await owner.goto(accountPath)
      assert.equal(
        squash(await owner.locator('dl.facts .status-badge').textContent()),
        'Veröffentlicht'
      )
      assert.equal(
        new URL(
          (await owner
            .getByRole('link', { name: 'Öffentliche Seite ansehen' })
            .getAttribute('href'))!,
          owner.url()
        ).pathname,
        path,
        'the account page links to the same public profile'
      )
      return path
    })

    const reader = await visit(profilePath)
    watchForBreakage(reader, problems)
    await step('the public profile shows the vendor with its logo', async () => {
      assert.equal(squash(await reader.locator('h1').textContent()), vendor.name)
      assert.equal(await profileDescription(reader), vendor.description)
      const logo = reader.locator('img.vendor-profile__logo')
      await logo.waitFor()
      assert.equal(await logo.getAttribute('alt'), `Logo von ${vendor.name}`)
      // A pattern: the stored file's name is not known here.
      assert.match((await logo.getAttribute('src')) ?? '', /^\/uploads\/logos\/.+\.png$/)
      assert.deepEqual(
        await logo.evaluate((img: LoadedImage) => ({
          complete: img.complete,
          width: img.naturalWidth,
          height: img.naturalHeight,
        })),
        { complete: true, ...LOGO },
        'the logo image loaded with the uploaded size'
      )
    })

    // 4. The owner edits the description: public only after the editor approves.
    await step('the owner edits the description of the published vendor', async () => {
      await clickAndWait(owner.getByRole('link', { name: 'Bearbeiten' }))
      assert.include(
        squash(await owner.locator('main').textContent()),
        'Ihre Änderungen werden als Änderungsvorschlag gespeichert'
      )
      await field(owner, 'Beschreibung').fill(vendor.newDescription)
      await clickAndWait(
        owner.getByRole('button', { name: 'Änderung zur Prüfung speichern', exact: true })
      )
      assert.include(await notice(owner), 'wird von der Redaktion geprüft')
      assert.equal(
        squash(await owner.locator('dl.facts .status-badge').textContent()),
        'Veröffentlicht'
      )
      assert.include(
        squash(await owner.locator('section[aria-labelledby="pending-heading"]').textContent()),
        vendor.newDescription
      )

      await reader.reload()
      assert.equal(
        await profileDescription(reader),
        vendor.description,
        'the public profile still shows the published description'
      )
    })

    await step('the editor approves the revision after reading its diff', async () => {
      await editor.goto(urlFor('editorial.queue'))
      const item = editor.locator('tr[data-queue-item^="revision-"]', { hasText: vendor.name })
      assert.equal(await item.count(), 1, `the queue lists one revision of "${vendor.name}"`)
      await clickAndWait(item.getByRole('link', { name: /^Prüfen\b/ }))

      const diff = editor.locator('table.diff-table')
      await diff.waitFor()
      const headers = await diff.locator('thead th').allTextContents()
      assert.deepEqual(headers.map(squash), ['Feld', 'Veröffentlicht', 'Vorgeschlagen'])
      const row = diff.locator('tr[data-field="description"]')
      assert.include(
        (await row.getAttribute('class')) ?? '',
        'changed',
        'the description row is marked'
      )
      const cells = row.locator('td')
      // Each side shows the Markdown rendered as the public page will, beside its source.
      for (const [index, text] of [vendor.description, vendor.newDescription].entries()) {
        const cell = cells.nth(index)
        assert.equal(squash(await cell.locator('[data-markdown="rendered"]').textContent()), text)
        assert.equal(squash(await cell.locator('[data-markdown="source"]').textContent()), text)
      }
      assert.isTrue(await cells.nth(0).isVisible())
      assert.isTrue(await cells.nth(1).isVisible())
      assert.equal(
        await diff.locator('tbody tr.changed').count(),
        1,
        'only the description changed'
      )

      await clickAndWait(editor.getByRole('button', { name: 'Änderung freigeben', exact: true }))
      await editor.assertPath(urlFor('editorial.queue'))
      assert.equal(await notice(editor), 'Die Änderung ist freigegeben und öffentlich.')
    })

    await step('the public profile shows the new description', async () => {
      await reader.reload()
      assert.equal(await profileDescription(reader), vendor.newDescription)
      await reader.locator('img.vendor-profile__logo').waitFor()
    })

    assert.deepEqual(problems, [], `failed requests or script errors:\n${problems.join('\n')}`)
  })
})
