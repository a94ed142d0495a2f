import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createUser } from '#tests/helpers/users'
import { checkHtml, formatVnuMessages } from '#tests/helpers/vnu'
import { approvedBooking, issueCreditNote, issueInvoice } from '#tests/helpers/invoices'

test.group('Invoices / HTML', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the account and editorial invoice pages are valid HTML (Nu HTML checker)', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const { user, booking } = await approvedBooking({ billing: { company: 'A & B <GmbH>' } })
    await issueInvoice(booking)
    await issueCreditNote(booking)

    const pages: Record<string, string> = {}
    const account = await client.get(urlFor('account.invoices.index')).loginAs(user)
    account.assertStatus(200)
    pages['account invoices'] = account.text()
    const editorial = await client.get(urlFor('editorial.invoices.index')).loginAs(editor)
    editorial.assertStatus(200)
    pages['editorial invoices'] = editorial.text()
    const refused = await client
      .get(urlFor('editorial.invoices.index', {}, { qs: { month: 2 } }))
      .loginAs(editor)
    refused.assertStatus(422)
    pages['editorial invoices, refused filter'] = refused.text()

    const messages = await checkHtml(pages)
    assert.deepEqual(messages, [], formatVnuMessages(messages))
  }).timeout(120_000)
})
