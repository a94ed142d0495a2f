import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import BillingDetail from '#models/billing_detail'
import { createUser } from '#tests/helpers/users'

const VALID = {
  company: 'Werbe GmbH',
  street: 'Hauptstraße 1',
  postalCode: '06108',
  city: 'Halle (Saale)',
  country: 'DE',
  invoiceEmail: 'rechnung@werbe.example.test',
  vatId: '',
  buyerReference: '',
}

test.group('Account / billing details', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('asked once and kept: the form shows what is stored; a second save updates it', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const empty = await client.get(urlFor('account.billing.edit')).loginAs(user)
    empty.assertStatus(200)
    assert.include(empty.text(), '<option value="AT"')

    const saved = await client
      .post(urlFor('account.billing.update'))
      .form({ ...VALID, vatId: 'DE 811.907.980', buyerReference: '04011000-12345-03' })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    saved.assertStatus(302)
    saved.assertHeader('location', urlFor('account.billing.edit'))
    saved.assertFlashMessage('notice', 'Ihre Rechnungsdaten sind gespeichert.')
    const billing = await BillingDetail.findByOrFail('user_id', user.id)
    assert.deepEqual(billing.toBillingData(), {
      ...VALID,
      vatId: 'DE811907980',
      buyerReference: '04011000-12345-03',
    })

    await client
      .post(urlFor('account.billing.update'))
      .form({ ...VALID, company: 'Neue Werbe GmbH', country: 'AT', postalCode: '1010' })
      .withCsrfToken()
      .loginAs(user)
    const rows = await BillingDetail.query().where('user_id', user.id)
    assert.lengthOf(rows, 1)
    assert.deepInclude(rows[0].toBillingData(), {
      company: 'Neue Werbe GmbH',
      country: 'AT',
      postalCode: '1010',
      vatId: null,
    })
    const page = await client.get(urlFor('account.billing.edit')).loginAs(user)
    assert.include(page.text(), 'value="Neue Werbe GmbH"')
  })

  test('refused by field: {0}')
    .with([
      [
        'a malformed VAT ID',
        { vatId: 'DE12345' },
        'vatId',
        'Das ist keine gültige USt-IdNr., zum Beispiel DE123456789.',
      ],
      [
        'a malformed Leitweg-ID',
        { buyerReference: '0401-ABC' },
        'buyerReference',
        'Eine Leitweg-ID hat die Form 04011000-12345-03; eine eigene Referenz besteht aus Buchstaben, Ziffern und - _ / .',
      ],
      [
        'a German PLZ of 4 digits',
        { postalCode: '1010' },
        'postalCode',
        'Eine PLZ hat genau 5 Ziffern, zum Beispiel 06217.',
      ],
      [
        'an unknown country',
        { country: 'XX' },
        'country',
        'Bitte wählen Sie einen der angebotenen Werte für „Land“.',
      ],
      [
        'no invoice e-mail',
        { invoiceEmail: '' },
        'invoiceEmail',
        'Bitte füllen Sie das Feld „E-Mail für Rechnungen“ aus.',
      ],
    ] as const)
    .run(async ({ client, assert }, [, change, field, message]) => {
      const user = await createUser()
      const response = await client
        .post(urlFor('account.billing.update'))
        .form({ ...VALID, ...change })
        .withCsrfToken()
        .loginAs(user)
        .redirects(0)
      response.assertStatus(302)
      response.assertValidationError(field, message)
      assert.isNull(await BillingDetail.findBy('user_id', user.id))
    })

  test('“next” only ever leads to a page of this site', async ({ client }) => {
    const user = await createUser()
    const response = await client
      .post(urlFor('account.billing.update'))
      .form({ ...VALID, next: '//evil.example/' })
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    response.assertHeader('location', urlFor('account.billing.edit'))
  })
})
