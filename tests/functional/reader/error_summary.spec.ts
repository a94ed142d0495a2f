import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { createUser } from '#tests/helpers/users'
import { createTopic, formFields } from '#tests/helpers/vendor_accounts'

/** Every `<script>` of a page: none may be inline (the CSP will forbid it). */
function scriptsOf(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(
    ([, attributes, body]) => ({
      attributes,
      body: body.trim(),
    })
  )
}

/** What a reader sees: the text without the markup. */
function textOf(html: string) {
  return html.replace(/<[^>]+>/g, ' ')
}

test.group('Error summary: links to the fields, in the page language', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a refused vendor form: the summary is German and links to each field with an error', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    await createTopic('Dokumentenmanagement')
    const post = await client
      .post(urlFor('account.vendors.store'))
      .header('accept-language', 'de-DE,de;q=0.9,en;q=0.8')
      .form(formFields({ name: 'X', postalCode: '123', city: 'Halle', website: 'javascript:x' }))
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    post.assertStatus(302)

    const page = await client
      .get(urlFor('account.vendors.create'))
      .header('accept-language', 'de-DE,de;q=0.9,en;q=0.8')
      .withFlashMessages({
        errorsBag: post.flashMessage('errorsBag'),
        inputErrorsBag: post.flashMessage('inputErrorsBag'),
      })
      .loginAs(user)
    page.assertStatus(200)
    const html = page.text()
    const summary = html.split('data-error-summary>')[1].split('</div>')[0]
    assert.include(
      summary,
      'Das Formular wurde nicht gespeichert. Bitte korrigieren Sie die 4 markierten Fehler.'
    )
    assert.notMatch(textOf(summary), /\b(the|form|could|please|field|must)\b/i)
    const links = [...summary.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map(([, id]) => id)
    assert.deepEqual(links, ['field-name', 'field-postalCode', 'field-website', 'field-topicIds'])
    // Each link leads to a field of the form, which says it is invalid.
    for (const id of links) assert.match(html, new RegExp(`id="${id}"[^>]*aria-invalid="true"`))
    // The focus moves by a script file, not inline script.
    const scripts = scriptsOf(html)
    assert.isTrue(scripts.some((s) => s.attributes.includes('src="/js/form-errors.js"')))
    for (const script of scripts) {
      assert.isTrue(script.body === '' || script.attributes.includes('application/ld+json'))
    }
  })

  test('the English page has an English summary', async ({ client, assert }) => {
    const user = await createUser({ locale: 'en' })
    const post = await client
      .post(urlFor('account.vendors.store', [], { qs: { lang: 'en' } }))
      .form(formFields({ name: 'X', postalCode: '06108', city: 'Halle', topicIds: [] }))
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)
    assert.equal(
      post.flashMessage('errorsBag.E_VALIDATION_ERROR'),
      'The form was not saved. Please correct the 2 marked errors.'
    )
    const page = await client
      .get(urlFor('account.vendors.create', [], { qs: { lang: 'en' } }))
      .withFlashMessages({
        errorsBag: post.flashMessage('errorsBag'),
        inputErrorsBag: post.flashMessage('inputErrorsBag'),
      })
      .loginAs(user)
    const summary = page.text().split('data-error-summary>')[1].split('</div>')[0]
    assert.include(summary, '<a href="#field-name">“Name” must have at least 2 characters.</a>')
    assert.include(summary, '<a href="#field-topicIds">Please choose 1 to 5 topics.</a>')
    assert.notMatch(textOf(summary), /[äöüß„]|\b(bitte|muss|wählen)\b/i)
  })

  test('the search form (GET, 422) has the same summary, linking to its fields', async ({
    client,
    assert,
  }) => {
    const response = await client.get(urlFor('search', [], { qs: { plz: 'abc', q: 'x' } }))
    response.assertStatus(422)
    const summary = response.text().split('data-error-summary>')[1].split('</div>')[0]
    assert.include(summary, 'Bitte prüfen Sie die markierten Angaben.')
    assert.include(
      summary,
      '<a href="#search-plz">Bitte geben Sie 1 bis 5 Ziffern einer PLZ an.</a>'
    )
    response.assertTextIncludes('<script src="/js/form-errors.js" defer></script>')

    const valid = await client.get(urlFor('search', [], { qs: { q: 'x' } }))
    valid.assertStatus(200)
    assert.notInclude(valid.text(), 'data-error-summary')
  })
})
