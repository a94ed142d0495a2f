import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { formFields, ownedVendor } from '#tests/helpers/vendor_accounts'

/** What people type into the vendor form and the API: websites without a scheme, countries by name. */
test.group('Vendor form: website and country', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the web form takes www.example.de as https://www.example.de and a country from the list', async ({
    client,
    assert,
  }) => {
    const { vendor, owner, topics } = await ownedVendor({ status: 'draft' })

    const form = await client.get(urlFor('account.vendors.edit', { id: vendor.id })).loginAs(owner)
    form.assertStatus(200)
    // A list of countries with their German names; the code is what is sent.
    form.assertTextIncludes('<select id="field-country" name="country"')
    form.assertTextIncludes('<option value="DE" selected>Deutschland</option>')
    form.assertTextIncludes('<option value="AT">Österreich</option>')
    assert.notInclude(form.text(), 'maxlength="2"')

    const english = await client
      .get(urlFor('account.vendors.edit', { id: vendor.id }, { qs: { lang: 'en' } }))
      .loginAs(owner)
    english.assertTextIncludes('<option value="AT">Austria</option>')

    const response = await client
      .put(urlFor('account.vendors.update', { id: vendor.id }))
      .form(
        formFields({
          name: vendor.name,
          postalCode: '06108',
          city: 'Halle (Saale)',
          website: 'www.example.de',
          country: 'AT',
          topicIds: [topics[0].id],
        })
      )
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMissing('inputErrorsBag')
    await vendor.refresh()
    assert.equal(vendor.website, 'https://www.example.de')
    assert.equal(vendor.country, 'AT')
  })

  test('the API normalizes the website too, and reads "Deutschland" as DE', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ website: 'example.de/kontakt', country: 'Deutschland' })
      .withGuard('api')
      .loginAs(owner)
    response.assertStatus(200)
    await vendor.refresh()
    assert.equal(vendor.website, 'https://example.de/kontakt')
    assert.equal(vendor.country, 'DE')
  })

  test('an unknown country is refused in the page language, never cut to two letters', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft', attributes: { country: 'DE' } })
    const german = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ country: 'Dschungel' })
      .withGuard('api')
      .loginAs(owner)
    german.assertStatus(422)
    german.assertBody({
      errors: [{ field: 'country', message: 'Bitte wählen Sie ein Land aus der Liste.' }],
    })
    await vendor.refresh()
    assert.equal(vendor.country, 'DE')
  })

  test('API messages speak one language: an empty topic list in German and in English', async ({
    client,
  }) => {
    const { vendor, owner } = await ownedVendor()
    const german = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .header('accept-language', 'de-DE,de;q=0.9')
      .json({ topics: [], postalCode: '1' })
      .withGuard('api')
      .loginAs(owner)
    german.assertStatus(422)
    german.assertBody({
      errors: [
        { field: 'postalCode', message: 'Eine PLZ hat genau 5 Ziffern, zum Beispiel 06217.' },
        { field: 'topics', message: 'Bitte wählen Sie mindestens 1 Thema.' },
      ],
    })

    const english = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }, { qs: { lang: 'en' } }))
      .json({ topics: [], postalCode: '1' })
      .withGuard('api')
      .loginAs(owner)
    english.assertStatus(422)
    english.assertBody({
      errors: [
        {
          field: 'postalCode',
          message: 'A German postal code has exactly 5 digits, for example 06217.',
        },
        { field: 'topics', message: 'Please choose at least 1 topic.' },
      ],
    })
  })

  test('malformed topic ids get a message per item, never a database error', async ({ client }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: vendor.slug }))
      .json({ topicIds: ['a', -1, 1.5] })
      .withGuard('api')
      .loginAs(owner)
    response.assertStatus(422)
    response.assertBody({
      errors: [
        { field: 'topicIds.0', message: 'Bitte wählen Sie die Themen aus der Liste.' },
        { field: 'topicIds.1', message: 'Bitte wählen Sie die Themen aus der Liste.' },
        { field: 'topicIds.2', message: 'Bitte wählen Sie die Themen aus der Liste.' },
      ],
    })
  })
})
