import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Vendor from '#models/vendor'
import VendorMember from '#models/vendor_member'
import VendorRevision from '#models/vendor_revision'
import AuditLog from '#models/audit_log'
import { createUser } from '#tests/helpers/users'
import { pendingRevision } from '#tests/functional/editorial/fixtures'
import { createTopic, formFields, ownedVendor } from '#tests/helpers/vendor_accounts'

test.group('Account / vendors: create, edit, submit', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a confirmed user creates a draft and becomes its owner', async ({ client, assert }) => {
    const user = await createUser()
    const topic = await createTopic('E-Akte')

    const form = await client.get(urlFor('account.vendors.create')).loginAs(user)
    form.assertStatus(200)
    form.assertTextIncludes('Neuen Anbieter anlegen')
    form.assertTextIncludes('E-Akte')

    const response = await client
      .post(urlFor('account.vendors.store'))
      .form(
        formFields({
          name: 'Gießen Digital GmbH',
          postalCode: '35390',
          city: 'Gießen',
          state: 'Hessen',
          description: 'Wir **digitalisieren** Verwaltungen.',
          topicIds: [String(topic.id)],
        })
      )
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    const vendor = await Vendor.findByOrFail('name', 'Gießen Digital GmbH')
    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.vendors.show', { id: vendor.id }))
    assert.equal(vendor.slug, 'giessen-digital-gmbh')
    assert.equal(vendor.status, 'draft')
    assert.equal(vendor.country, 'DE')
    assert.isNull(vendor.street)
    assert.include(vendor.searchText, 'giessen')
    await vendor.load('topics')
    assert.deepEqual(
      vendor.topics.map((t) => t.id),
      [topic.id]
    )
    const member = await VendorMember.findByOrFail('vendor_id', vendor.id)
    assert.equal(member.userId, user.id)
    assert.equal(member.role, 'owner')

    const show = await client.get(urlFor('account.vendors.show', { id: vendor.id })).loginAs(user)
    show.assertStatus(200)
    show.assertTextIncludes('Gießen Digital GmbH')
    show.assertTextIncludes('Entwurf')
    show.assertTextIncludes('Zur Prüfung einreichen')
    assert.notInclude(show.text(), 'translation missing')
    assert.notInclude(form.text(), 'translation missing')
  })

  test('a second vendor of the same name gets its own slug', async ({ client, assert }) => {
    const user = await createUser()
    const topic = await createTopic()
    for (let i = 0; i < 2; i++) {
      await client
        .post(urlFor('account.vendors.store'))
        .form(
          formFields({
            name: 'Müller & Söhne',
            postalCode: '10115',
            city: 'Berlin',
            topicIds: [topic.id],
          })
        )
        .withCsrfToken()
        .loginAs(user)
    }
    const vendors = await Vendor.query().where('name', 'Müller & Söhne').orderBy('id')
    const slugs = vendors.map((v) => v.slug)
    assert.deepEqual(slugs, ['mueller-soehne', 'mueller-soehne-2'])
  })

  test('an unconfirmed user sees why they cannot create a vendor, and cannot post one', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ confirmed: false })
    const topic = await createTopic()

    const form = await client.get(urlFor('account.vendors.create')).loginAs(user)
    form.assertStatus(200)
    form.assertTextIncludes('bestätigen Sie bitte zuerst Ihre E-Mail-Adresse')
    assert.notInclude(form.text(), 'name="postalCode"')

    const response = await client
      .post(urlFor('account.vendors.store'))
      .form(
        formFields({
          name: 'Heimlich GmbH',
          postalCode: '10115',
          city: 'Berlin',
          topicIds: [topic.id],
        })
      )
      .withCsrfToken()
      .loginAs(user)
    response.assertStatus(403)
    assert.isNull(await Vendor.findBy('name', 'Heimlich GmbH'))
  })

  test('invalid input goes back to the form with messages and the old values', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const response = await client
      .post(urlFor('account.vendors.store'))
      .header('referer', urlFor('account.vendors.create'))
      .form(
        formFields({ name: 'X', postalCode: '123', city: 'Halle', website: 'javascript:alert(1)' })
      )
      .withCsrfToken()
      .loginAs(user)
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', urlFor('account.vendors.create'))
    response.assertFlashMessage('inputErrorsBag', {
      name: ['„Name“ muss mindestens 2 Zeichen lang sein.'],
      postalCode: ['Eine PLZ hat genau 5 Ziffern, zum Beispiel 06217.'],
      website: ['Bitte geben Sie eine Web-Adresse an, zum Beispiel www.example.de.'],
      topicIds: ['Bitte wählen Sie 1 bis 5 Themen.'],
    })
    assert.lengthOf(await Vendor.query().where('name', 'X'), 0)
  })

  test('the index lists own vendors only, with status, reason and pending revision', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    await ownedVendor({ owner: user, status: 'draft', attributes: { name: 'Entwurf AG' } })
    await ownedVendor({
      owner: user,
      status: 'rejected',
      attributes: { name: 'Abgelehnt AG', rejectionReason: 'Adresse fehlt' },
    })
    const { vendor: published } = await ownedVendor({
      owner: user,
      attributes: { name: 'Live AG' },
    })
    await pendingRevision(published, user, { name: 'Live AG 2' })
    await ownedVendor({ owner: user, status: 'pending', attributes: { name: 'Wartend AG' } })
    await ownedVendor({ attributes: { name: 'Fremd AG' } })

    const response = await client.get(urlFor('account.vendors.index')).loginAs(user)
    response.assertStatus(200)
    response.assertTextIncludes('Entwurf AG')
    response.assertTextIncludes('Abgelehnt AG')
    response.assertTextIncludes('Grund: Adresse fehlt')
    response.assertTextIncludes('Live AG')
    response.assertTextIncludes('Änderung in Prüfung')
    response.assertTextIncludes('Wartend AG')
    response.assertTextIncludes('>In Prüfung<')
    response.assertTextIncludes('>Veröffentlicht<')
    response.assertTextIncludes('>Entwurf<')
    response.assertTextIncludes('>Abgelehnt<')
    assert.notInclude(response.text(), 'Fremd AG')
  })

  test('a draft is edited in place; a rejected one goes back to draft', async ({
    client,
    assert,
  }) => {
    const { vendor, owner, topics } = await ownedVendor({
      status: 'rejected',
      attributes: { name: 'Alt GmbH', rejectionReason: 'Beschreibung fehlt' },
    })
    const other = await createTopic()
    const slugBefore = vendor.slug

    const form = await client.get(urlFor('account.vendors.edit', { id: vendor.id })).loginAs(owner)
    form.assertStatus(200)
    form.assertTextIncludes('value="Alt GmbH"')

    const response = await client
      .put(urlFor('account.vendors.update', { id: vendor.id }))
      .form(
        formFields({
          name: 'Neu GmbH',
          postalCode: '06108',
          city: 'Halle (Saale)',
          description: 'Jetzt mit Beschreibung',
          topicIds: [topics[0].id, other.id],
        })
      )
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertStatus(302)
    await vendor.refresh()
    await vendor.load('topics')
    assert.equal(vendor.name, 'Neu GmbH')
    assert.equal(vendor.slug, slugBefore)
    assert.equal(vendor.status, 'draft')
    assert.equal(vendor.city, 'Halle (Saale)')
    assert.sameMembers(
      vendor.topics.map((t) => t.id),
      [topics[0].id, other.id]
    )
    assert.include(vendor.searchText, 'neu gmbh')
    assert.lengthOf(await VendorRevision.query().where('vendor_id', vendor.id), 0)
  })

  test('submitting sends a draft into review; a pending one cannot be submitted again', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })

    const response = await client
      .post(urlFor('account.vendors.submit', { id: vendor.id }))
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    await vendor.refresh()
    assert.equal(vendor.status, 'pending')
    assert.isNotNull(vendor.submittedAt)
    const audit = await AuditLog.query()
      .where('vendor_id', vendor.id)
      .where('action', 'vendor.submitted')
      .first()
    assert.equal(audit?.actorId, owner.id)

    const show = await client.get(urlFor('account.vendors.show', { id: vendor.id })).loginAs(owner)
    show.assertTextIncludes('In Prüfung')
    assert.notInclude(show.text(), 'Zur Prüfung einreichen')

    const again = await client
      .post(urlFor('account.vendors.submit', { id: vendor.id }))
      .withCsrfToken()
      .loginAs(owner)
    again.assertStatus(403)
  })

  test('a form post without the CSRF token is refused', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const response = await client
      .post(urlFor('account.vendors.submit', { id: vendor.id }))
      .loginAs(owner)
      .redirects(0)
    response.assertStatus(302)
    response.assertFlashMessage('errorsBag', {
      E_BAD_CSRF_TOKEN:
        'Das Formular war zu lange geöffnet oder ist ungültig. Bitte senden Sie es noch einmal.',
    })
    await vendor.refresh()
    assert.equal(vendor.status, 'draft')
  })

  test('signed-out visitors are sent to the log-in page', async ({ client }) => {
    const response = await client.get(urlFor('account.vendors.index')).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('auth.login'))
  })
})
