import { test } from '@japa/runner'
import type { Locator, Page } from 'playwright'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { squash } from '#tests/helpers/pages'
import { clickAndWait, field, logIn, newPersonContext } from '#tests/helpers/browser_session'

const OWNED_VENDOR = 'SEITENBAU GmbH'
const CLAIMABLE_VENDOR = { name: 'brain-SCC GmbH', search: { q: 'Merseburg' } }

/**
 * Reaches each page the way a person does (a link, a button, an address)
 * and checks it twice: axe-core on the rendered page, and its HTML exactly
 * as the server sent it, kept for one Nu HTML checker run at the end.
 */
class PageChecks {
  html: Record<string, string> = {}
  axeFailures: string[] = []

  /** `go` is an address, or the link or button a person would click. */
  async check(name: string, page: Page, go: string | Locator) {
    const response = typeof go === 'string' ? await page.goto(go) : await clickAndWait(go)
    const where = `${name} (${new URL(page.url()).pathname})`
    if (response?.status() !== 200) {
      const text = (await response?.text()) ?? ''
      const body = squash(text.replace(/<[^>]+>/g, ' ')).slice(0, 600)
      throw new Error(`${where} answered ${response?.status() ?? 'nothing'}, not 200: ${body}`)
    }
    if (where in this.html) throw new Error(`${where} is checked twice; name the checks apart`)
    this.html[where] = await response.text()
    const blocking = blockingViolations(await auditPage(page))
    if (blocking.length) this.axeFailures.push(`${where}:\n${formatViolations(blocking)}`)
  }
}

function editorialNav(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Redaktionsbereich' })
    .getByRole('link', { name, exact: true })
}

function queueItem(page: Page, type: 'vendor' | 'revision' | 'claim', vendorName: string) {
  return page
    .locator(`tr[data-queue-item^="${type}-"]`, { hasText: vendorName })
    .getByRole('link', { name: /^Prüfen\b/ })
}

/** Rejects what the open review page shows, with a reason, and waits for the queue. */
async function rejectWithReason(page: Page, button: string, reason: string) {
  await field(page, 'Begründung').fill(reason)
  await clickAndWait(page.getByRole('button', { name: button, exact: true }))
  if (new URL(page.url()).pathname !== urlFor('editorial.queue')) {
    throw new Error(`"${button}" led to ${page.url()}, not the queue`)
  }
}

test.group('Account vendor and editorial pages: accessibility and valid HTML', () => {
  test('axe-core and the Nu HTML checker accept the account vendor and editorial pages', async ({
    visit,
    browser,
    assert,
    cleanup,
  }) => {
    const checks = new PageChecks()
    const stamp = Date.now().toString(36)
    const newVendor = `Prüfanbieter ${stamp}`

    // The owner of SEITENBAU: their vendors, a new vendor, an edit that becomes a revision.
    const owner = await visit(urlFor('home'))
    await logIn(owner, 'vendor@example.com')
    await checks.check(
      'account vendors',
      owner,
      owner.getByRole('link', { name: 'Meine Anbieter', exact: true }).first()
    )
    await checks.check(
      'vendor create form',
      owner,
      owner.getByRole('link', { name: 'Neuen Anbieter anlegen' })
    )
    await checks.check(
      'vendor create form with errors',
      owner,
      owner.getByRole('button', { name: 'Anbieter anlegen', exact: true })
    )
    assert.isAbove(
      await owner.locator('.field-error').count(),
      0,
      'the empty create form shows field errors'
    )
    await field(owner, 'Name des Unternehmens').fill(newVendor)
    await field(owner, 'PLZ').fill('06108')
    await field(owner, 'Ort').fill('Halle (Saale)')
    await field(owner, 'Beschreibung').fill('Ein Eintrag, an dem die Redaktion ihre Seiten prüft.')
    await owner.getByRole('checkbox', { name: 'Social Media', exact: true }).check()
    await checks.check(
      'vendor account page (draft)',
      owner,
      owner.getByRole('button', { name: 'Anbieter anlegen', exact: true })
    )
    await checks.check(
      'vendor account page (pending)',
      owner,
      owner.getByRole('button', { name: 'Zur Prüfung einreichen', exact: true })
    )
    assert.equal(squash(await owner.locator('dl.facts .status-badge').textContent()), 'In Prüfung')

    await clickAndWait(owner.getByRole('link', { name: 'Meine Anbieter', exact: true }).first())
    await checks.check(
      'vendor account page (published)',
      owner,
      owner.getByRole('link', { name: OWNED_VENDOR, exact: true })
    )
    await checks.check(
      'vendor edit form',
      owner,
      owner.getByRole('link', { name: 'Bearbeiten', exact: true })
    )
    await field(owner, 'Beschreibung').fill('Eine Änderung, die die Redaktion ablehnen wird.')
    await checks.check(
      'vendor account page with a pending revision',
      owner,
      owner.getByRole('button', { name: 'Änderung zur Prüfung speichern', exact: true })
    )
    await checks.check(
      'vendor revision (account)',
      owner,
      owner
        .locator('section[aria-labelledby="revisions-heading"]')
        .getByRole('link', { name: 'Ansehen' })
        .first()
    )

    // A member without a vendor asks to take over an imported entry.
    const advertiserContext = await newPersonContext(browser)
    cleanup(() => advertiserContext.close())
    const advertiser = await advertiserContext.newPage()
    await logIn(advertiser, 'advertiser@example.com')
    await advertiser.goto(urlFor('search', [], { qs: CLAIMABLE_VENDOR.search }))
    await clickAndWait(
      advertiser.getByRole('link', { name: CLAIMABLE_VENDOR.name, exact: true }).first()
    )
    await checks.check(
      'vendor claim form',
      advertiser,
      advertiser.getByRole('link', { name: 'Eintrag übernehmen' })
    )
    await field(advertiser, 'Nachricht an die Redaktion (freiwillig)').fill(
      'Ich bin dort Geschäftsführerin.'
    )
    await checks.check(
      'account vendors with a claim',
      advertiser,
      advertiser.getByRole('button', { name: 'Übernahme anfragen', exact: true })
    )

    // The editor reviews all three, then rejects them, which fills the audit log.
    const editorContext = await newPersonContext(browser)
    cleanup(() => editorContext.close())
    const editor = await editorContext.newPage()
    await logIn(editor, 'editor@example.com')
    await checks.check(
      'editorial queue',
      editor,
      editor.getByRole('main').getByRole('link', { name: 'Redaktion', exact: true })
    )
    await checks.check('editorial vendor review', editor, queueItem(editor, 'vendor', newVendor))
    await rejectWithReason(editor, 'Ablehnen', 'Bitte ergänzen Sie Ihre Anschrift.')
    await checks.check(
      'editorial revision diff',
      editor,
      queueItem(editor, 'revision', OWNED_VENDOR)
    )
    assert.equal(
      await editor.locator('table.diff-table tr[data-field="description"].changed').count(),
      1,
      'the revision diff marks the changed description'
    )
    await rejectWithReason(editor, 'Änderung ablehnen', 'Die bisherige Beschreibung bleibt.')
    await checks.check(
      'editorial claim review',
      editor,
      queueItem(editor, 'claim', CLAIMABLE_VENDOR.name)
    )
    await rejectWithReason(editor, 'Übernahme ablehnen', 'Bitte weisen Sie Ihre Funktion nach.')

    await checks.check('editorial vendors', editor, editorialNav(editor, 'Anbieter'))
    await field(editor, 'Name oder Stichwort').fill('SEITENBAU')
    await checks.check(
      'editorial vendors, filtered',
      editor,
      editor.getByRole('button', { name: 'Filtern', exact: true })
    )
    await checks.check(
      'editorial vendor page',
      editor,
      editor.getByRole('link', { name: OWNED_VENDOR, exact: true })
    )
    await checks.check(
      'editorial audit log of a vendor',
      editor,
      editor.getByRole('link', { name: 'Protokoll dieses Anbieters' })
    )
    await checks.check('editorial audit log', editor, editorialNav(editor, 'Protokoll'))
    assert.isAtLeast(
      await editor.locator('table.audit-log tbody tr[data-audit]').count(),
      3,
      'the audit log lists the three decisions'
    )
    await checks.check('editorial topics', editor, editorialNav(editor, 'Themen'))
    await checks.check(
      'editorial topic edit form',
      editor,
      editor.getByRole('link', { name: '„Social Media“ bearbeiten' })
    )

    // Users are managed by admins only.
    const adminContext = await newPersonContext(browser)
    cleanup(() => adminContext.close())
    const admin = await adminContext.newPage()
    await logIn(admin, 'admin@example.com')
    await clickAndWait(
      admin.getByRole('main').getByRole('link', { name: 'Redaktion', exact: true })
    )
    await checks.check('editorial users', admin, editorialNav(admin, 'Benutzer'))

    const vnu = formatVnuMessages(await checkHtml(checks.html)) // one JVM start for all pages
    assert.isTrue(
      checks.axeFailures.length === 0 && vnu === '',
      [
        `axe-core violations:\n${checks.axeFailures.join('\n') || '  none'}`,
        `Nu HTML checker errors:\n${vnu || '  none'}`,
      ].join('\n')
    )
  })
})
