import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { Page } from 'playwright'
import { squash } from '#tests/helpers/pages'
import { auditPage, blockingViolations, formatViolations } from '#tests/helpers/axe'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import {
  clickAndWait,
  field,
  logIn,
  newPersonContext,
  watchForBreakage,
  step,
  notice,
} from '#tests/helpers/browser_session'

/**
 * What the journey's pages must pass: axe-core finds nothing serious or
 * critical; their HTML is kept for one run of the Nu HTML checker at the end.
 */
async function checkPage(page: Page, name: string, html: Record<string, string>) {
  const blocking = blockingViolations(await auditPage(page))
  if (blocking.length > 0) {
    throw new Error(`axe-core on ${name} (${page.url()}):\n${formatViolations(blocking)}`)
  }
  html[`${name} (${new URL(page.url()).pathname})`] = await page.content()
}

/** Booked and held shares of the Social Media sidebar in the given weeks, as the grid shows them. */
async function sidebarWeeks(editor: Page, weeks: string[]) {
  await editor.goto(
    urlFor('editorial.slots.occupancy', undefined, { qs: { from: weeks[0], weeks: 4 } })
  )
  const row = editor
    .locator('tbody[data-topic="social-media"] tr[data-slot]')
    .filter({ hasText: 'Seitenleiste' })
  const cells: Record<string, { booked: number; held: number }> = {}
  for (const week of weeks) {
    const cell = row.locator(`td[data-week="${week}"]`)
    cells[week] = {
      booked: Number(await cell.getAttribute('data-booked')),
      held: Number(await cell.getAttribute('data-held')),
    }
  }
  return cells
}

/** The bytes of the file a link downloads. */
async function downloaded(page: Page, link: ReturnType<Page['locator']>) {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  return readFile((await download.path())!)
}

/** Money as a reader sees it (no-break spaces read as spaces). */
function plain(text: string | null) {
  return squash((text ?? '').replace(/\u00a0/g, ' '))
}

test.group('Booking journey', () => {
  test('an advertiser books two weeks of the Social Media sidebar, an editor approves it, the invoice follows', async ({
    browser,
    assert,
    cleanup,
  }) => {
    const problems: string[] = []
    const pages: Record<string, string> = {}
    const advertiserContext = await newPersonContext(browser)
    cleanup(() => advertiserContext.close())
    const advertiser = await advertiserContext.newPage()
    watchForBreakage(advertiser, problems)
    const headline = `Journey-Anzeige ${Date.now().toString(36)}`

    await step('log in as the demo advertiser', () => logIn(advertiser, 'advertiser@example.com'))

    // 1. From the Social Media page, "Anzeige buchen" leads to its slots.
    await step('follow "Anzeige buchen" on the Social Media page', async () => {
      await advertiser.goto(urlFor('topics.show', { slug: 'social-media' }))
      await clickAndWait(advertiser.getByRole('link', { name: 'Anzeige buchen' }).first())
      const landed = new URL(advertiser.url())
      assert.equal(landed.pathname, urlFor('advertise'))
      assert.equal(landed.searchParams.get('topic'), 'social-media')
    })

    // The Social Media rate card: free shares and prices per week.
    const chosen = await step('check the availability of the Social Media sidebar', async () => {
      const card = advertiser.locator('section.rate-card', {
        has: advertiser.getByRole('heading', {
          name: 'Anzeigenplatz (Seitenleiste) – Social Media',
        }),
      })
      assert.equal(await card.count(), 1)
      assert.include(plain(await card.textContent()), '190,00 € netto pro Anteil und Woche')
      const free = card.locator('li[data-full="false"]')
      assert.isAtLeast(await free.count(), 2)
      const weeks: string[] = []
      for (const index of [2, 3]) {
        const week = (await free.nth(index).getAttribute('data-week'))!
        await free.nth(index).getByRole('checkbox').check()
        weeks.push(week)
      }
      await checkPage(advertiser, 'rate card', pages)
      await clickAndWait(card.getByRole('button', { name: 'Preis berechnen' }))
      return weeks
    })

    // 2. The quote: weeks × price, net, VAT, gross.
    await step('see the quote and go on to book', async () => {
      assert.equal(squash(await advertiser.locator('h1').textContent()), 'Ihr Angebot')
      assert.equal(plain(await advertiser.locator('[data-amount="net"]').textContent()), '380,00 €')
      assert.equal(plain(await advertiser.locator('[data-amount="vat"]').textContent()), '72,20 €')
      assert.equal(
        plain(await advertiser.locator('[data-amount="gross"]').textContent()),
        '452,20 €'
      )
      await checkPage(advertiser, 'quote', pages)
      await clickAndWait(advertiser.getByRole('link', { name: 'Jetzt buchen' }))
      await advertiser.assertPath(urlFor('account.bookings.create'))
    })

    // 3. The booking form: the weeks are ticked; a text ad.
    const bookingPath = await step('book the two weeks with a text ad', async () => {
      for (const week of chosen) {
        assert.isTrue(
          await advertiser.locator(`input[name="weeks[]"][value="${week}"]`).isChecked()
        )
      }
      await checkPage(advertiser, 'booking form', pages)
      await advertiser.getByRole('radio', { name: 'Textanzeige' }).check()
      await field(advertiser, 'Überschrift').fill(headline)
      await field(advertiser, 'Text').fill(
        'Redaktionsplanung und Schulung für Ihre Social-Media-Kanäle.'
      )
      await field(advertiser, 'Zieladresse').fill('https://www.example.com/kampagne')
      await clickAndWait(advertiser.getByRole('button', { name: 'Verbindlich anfragen' }))
      assert.include(await notice(advertiser), 'Ihre Buchung ist angefragt.')
      assert.equal(
        await advertiser.locator('[data-status]').first().getAttribute('data-status'),
        'requested'
      )
      assert.equal(
        plain(await advertiser.locator('[data-amount="gross"]').textContent()),
        '452,20 €'
      )
      assert.include(await advertiser.locator('.creative-preview').textContent(), headline)
      await checkPage(advertiser, 'booking page', pages)
      return new URL(advertiser.url()).pathname
    })

    // 4. The confirmation PDF.
    await step('download the confirmation', async () => {
      const [download] = await Promise.all([
        advertiser.waitForEvent('download'),
        advertiser.getByRole('link', { name: 'Bestätigung als PDF' }).click(),
      ])
      const path = await download.path()
      const content = await readFile(path!)
      assert.equal(content.subarray(0, 5).toString(), '%PDF-')
      assert.match(download.suggestedFilename(), /^booking-\d+\.pdf$/)
    })

    // 5. An editor approves it from the queue; the occupancy grid follows.
    const editorContext = await newPersonContext(browser)
    cleanup(() => editorContext.close())
    const editor = await editorContext.newPage()
    watchForBreakage(editor, problems)
    await step('log in as the demo editor', () => logIn(editor, 'editor@example.com'))
    const gridBefore = await step('the occupancy grid holds the request', () =>
      sidebarWeeks(editor, chosen)
    )

    await step('an editor approves the booking', async () => {
      await editor.goto(urlFor('editorial.queue'))
      const id = bookingPath.split('/').pop()
      const row = editor.locator(`tr[data-queue-item="booking-${id}"]`)
      assert.equal(await row.count(), 1)
      await clickAndWait(row.getByRole('link', { name: /Prüfen/ }))
      assert.include(await editor.locator('.creative-preview').textContent(), headline)
      await checkPage(editor, 'editorial review', pages)
      await clickAndWait(editor.getByRole('button', { name: 'Freigeben', exact: true }))
      assert.equal(
        await notice(editor),
        'Die Buchung ist freigegeben; die Rechnung ist ausgestellt.'
      )
    })

    await step('the occupancy grid shows the booking as booked', async () => {
      const gridAfter = await sidebarWeeks(editor, chosen)
      for (const week of chosen) {
        assert.equal(gridAfter[week].booked, gridBefore[week].booked + 1, week)
        assert.equal(gridAfter[week].held, gridBefore[week].held - 1, week)
      }
      await checkPage(editor, 'occupancy grid', pages)
    })

    await step('the advertiser sees the booking approved', async () => {
      await advertiser.goto(bookingPath)
      assert.equal(
        await advertiser.locator('[data-status]').first().getAttribute('data-status'),
        'approved'
      )
    })

    // 6. The invoice, as a PDF and as an XRechnung.
    await step('the advertiser downloads the invoice and the XRechnung', async () => {
      await advertiser.goto(urlFor('account.invoices.index'))
      const id = bookingPath.split('/').pop()
      const row = advertiser.locator('tr[data-invoice]', { hasText: `#${id}` })
      assert.equal(await row.count(), 1)
      const number = (await row.getAttribute('data-invoice'))!
      assert.match(number, /^\d{4}-\d{5}$/)
      assert.include(plain(await row.textContent()), '452,20 €')
      await checkPage(advertiser, 'invoices', pages)

      const pdf = await downloaded(advertiser, row.locator('a').filter({ hasText: /^PDF$/ }))
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-')
      const xmlFile = await downloaded(advertiser, row.locator('a', { hasText: 'XRechnung' }))
      const xml = xmlFile.toString()
      assert.include(xml, `<ram:ID>${number}</ram:ID>`)
      assert.match(xml, /<ram:GrandTotalAmount>452\.20<\/ram:GrandTotalAmount>/)
    })

    assert.deepEqual(problems, [])
    const messages = await checkHtml(pages) // one JVM start for all pages
    assert.lengthOf(messages, 0, `Nu HTML checker errors:\n${formatVnuMessages(messages)}`)
  })
})
