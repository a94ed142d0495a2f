import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AuditLog from '#models/audit_log'
import Slot from '#models/slot'
import { SlotFactory } from '#database/factories/slot_factory'
import { BookingFactory, bookWeeks, upcomingWeeks } from '#database/factories/booking_factory'
import { createUser } from '#tests/helpers/users'
import { topic } from './fixtures.js'

const validForm = {
  topicId: '',
  position: 'sidebar',
  format: '300x250',
  capacity: '3',
  price: '190,50',
  active: '1',
}

function routes(slotId: number): [method: 'get' | 'post', url: string][] {
  return [
    ['get', urlFor('editorial.slots.index')],
    ['get', urlFor('editorial.slots.create')],
    ['post', urlFor('editorial.slots.store')],
    ['get', urlFor('editorial.slots.edit', { id: slotId })],
    ['post', urlFor('editorial.slots.update', { id: slotId })],
    ['post', urlFor('editorial.slots.activate', { id: slotId })],
    ['post', urlFor('editorial.slots.deactivate', { id: slotId })],
    ['get', urlFor('editorial.slots.occupancy')],
    ['get', urlFor('editorial.slots.occupancy_csv')],
  ]
}

test.group('Editorial / slots', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('guests go to the log-in page, members get 403, and nothing changes', async ({
    client,
    assert,
  }) => {
    const member = await createUser()
    const slot = await SlotFactory.create()

    for (const [method, url] of routes(slot.id)) {
      const guest = await client[method](url).form(validForm).withCsrfToken().redirects(0)
      guest.assertStatus(302)
      assert.equal(guest.header('location'), urlFor('auth.login'), `${method} ${url}`)

      const refused = await client[method](url).form(validForm).loginAs(member).withCsrfToken()
      refused.assertStatus(403)
    }
    assert.lengthOf(await Slot.all(), 1)
    await slot.refresh()
    assert.isTrue(slot.active)
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('editors and admins reach every slot page; the navigation links them', async ({
    client,
  }) => {
    const slot = await SlotFactory.create()
    for (const role of ['editor', 'admin'] as const) {
      const user = await createUser({ role })
      for (const url of [
        urlFor('editorial.slots.index'),
        urlFor('editorial.slots.create'),
        urlFor('editorial.slots.edit', { id: slot.id }),
        urlFor('editorial.slots.occupancy'),
      ]) {
        const response = await client.get(url).loginAs(user)
        response.assertStatus(200)
        response.assertTextIncludes(`href="${urlFor('editorial.slots.index')}"`)
        response.assertTextIncludes(`href="${urlFor('editorial.slots.occupancy')}"`)
      }
    }
    const queue = await client
      .get(urlFor('editorial.queue'))
      .loginAs(await createUser({ role: 'editor' }))
    queue.assertTextIncludes('Anzeigenplätze')
  })

  test('the list shows topic, position, format, capacity, price in euros and status', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const social = await topic('social-media', 'Social Media', 1)
    const sidebar = await SlotFactory.merge({ topicId: social.id, priceCents: 19_000 }).create()
    const box = await SlotFactory.merge({ topicId: social.id, priceCents: 12_050 })
      .apply('vendorBox')
      .apply('inactive')
      .create()
    const everywhere = await SlotFactory.apply('runOfSite').create()

    const response = await client.get(urlFor('editorial.slots.index')).loginAs(editor)

    response.assertStatus(200)
    const html = response.text()
    const row = (id: number) => {
      const start = html.indexOf(`<tr data-slot="${id}"`)
      assert.isAbove(start, -1, `row ${id}`)
      return html.slice(start, html.indexOf('</tr>', start))
    }
    assert.isBelow(
      html.indexOf(`data-slot="${everywhere.id}"`),
      html.indexOf(`data-slot="${sidebar.id}"`)
    )
    assert.include(row(everywhere.id), 'Alle Themenseiten')
    assert.include(row(sidebar.id), 'Social Media')
    assert.include(row(sidebar.id), 'Seitenleiste (Anzeige)')
    assert.include(row(sidebar.id), '300x250')
    assert.include(row(sidebar.id), '190,00\u00a0€')
    assert.include(row(sidebar.id), 'aktiv')
    assert.include(row(sidebar.id), 'Deaktivieren')
    assert.include(row(box.id), 'Ausgewählte Anbieter')
    assert.include(row(box.id), '120,50\u00a0€')
    assert.include(row(box.id), 'inaktiv')
    assert.include(row(box.id), 'Aktivieren')
  })

  test('an editor creates a slot: price in euros with a comma becomes cents; audited', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const social = await topic('social-media', 'Social Media', 1)

    const response = await client
      .post(urlFor('editorial.slots.store'))
      .form({ ...validForm, topicId: String(social.id), price: '1.190,5' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('editorial.slots.index'))
    const slot = await Slot.firstOrFail()
    assert.equal(slot.topicId, social.id)
    assert.equal(slot.position, 'sidebar')
    assert.equal(slot.format, '300x250')
    assert.equal(slot.capacity, 3)
    assert.equal(slot.priceCents, 119_050)
    assert.isTrue(slot.active)
    response.assertFlashMessage('notice', `Anzeigenplatz ${slot.id} wurde angelegt.`)

    const entry = await AuditLog.query().where('action', 'slot.created').firstOrFail()
    assert.equal(entry.subjectType, 'slot')
    assert.equal(entry.subjectId, slot.id)
    assert.equal(entry.actorId, editor.id)
    assert.deepInclude(entry.after!, { capacity: 3, priceCents: 119_050, topicId: social.id })

    const log = await client.get(urlFor('editorial.audit')).loginAs(editor)
    log.assertTextIncludes('Anzeigenplatz angelegt')
  })

  test('run of site and vendor_box: no topic, no format; unticked means inactive', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const response = await client
      .post(urlFor('editorial.slots.store'))
      .form({ topicId: '', position: 'vendor_box', format: '', capacity: '2', price: '120' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('editorial.slots.index'))
    const slot = await Slot.firstOrFail()
    assert.isNull(slot.topicId)
    assert.equal(slot.position, 'vendor_box')
    assert.isNull(slot.format)
    assert.equal(slot.priceCents, 12_000)
    assert.isFalse(slot.active)
  })

  test('each bad field gets its own message, in German and English, and nothing is stored', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const post = (form: Record<string, string>, lang = 'de') =>
      client
        .post(urlFor('editorial.slots.store', {}, { qs: { lang } }))
        .form(form)
        .loginAs(editor)
        .withCsrfToken()
        .redirects(0)

    const cases: [Record<string, string>, string, string][] = [
      [{ topicId: '999999' }, 'topicId', 'Diese Themenseite gibt es nicht.'],
      [{ topicId: 'abc' }, 'topicId', 'Bitte wählen Sie eine Themenseite aus der Liste.'],
      [
        { position: 'header' },
        'position',
        'Bitte wählen Sie „Seitenleiste“ oder „Ausgewählte Anbieter“.',
      ],
      [
        { format: '' },
        'format',
        'Für die Seitenleiste geben Sie bitte das Bildformat an, z. B. 300x250.',
      ],
      [
        { format: '300 mal 250' },
        'format',
        'Das Bildformat ist Breite x Höhe in Pixeln, z. B. 300x250.',
      ],
      [
        { position: 'vendor_box', format: '300x250' },
        'format',
        '„Ausgewählte Anbieter“ zeigt das Anbieterprofil und hat kein Bildformat. Bitte lassen Sie das Feld leer.',
      ],
      [{ capacity: '0' }, 'capacity', 'Die Kapazität muss mindestens 1 sein.'],
      [{ capacity: '21' }, 'capacity', 'Die Kapazität darf höchstens 20 sein.'],
      [{ capacity: '2,5' }, 'capacity', 'Die Kapazität ist eine ganze Zahl von 1 bis 20.'],
      [{ capacity: '' }, 'capacity', 'Bitte geben Sie die Kapazität an.'],
      [{ price: '' }, 'price', 'Bitte geben Sie den Preis je Anteil und Woche an.'],
      [{ price: '19O' }, 'price', 'Bitte geben Sie den Preis in Euro an, z. B. 190 oder 190,50.'],
      [
        { price: '190.50' },
        'price',
        'Bitte geben Sie den Preis in Euro an, z. B. 190 oder 190,50.',
      ],
      [{ price: '0,99' }, 'price', 'Der Preis muss mindestens 1,00 € betragen.'],
      [{ price: '100000,01' }, 'price', 'Der Preis darf höchstens 100000,00 € betragen.'],
    ]
    for (const [change, field, message] of cases) {
      const response = await post({ ...validForm, ...change })
      response.assertStatus(302)
      response.assertValidationErrors(field, [message])
    }

    const english = await post({ ...validForm, capacity: '21', price: 'abc' }, 'en')
    english.assertValidationErrors('capacity', ['The capacity may be at most 20.'])
    english.assertValidationErrors('price', [
      'Please enter the price in euros, e.g. 190 or 190,50.',
    ])
    assert.lengthOf(await Slot.all(), 0)
  })

  test('the form keeps the values after an error, and shows a slot in euros for editing', async ({
    client,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const slot = await SlotFactory.merge({ priceCents: 19_050, capacity: 4 }).create()

    const edit = await client.get(urlFor('editorial.slots.edit', { id: slot.id })).loginAs(editor)
    edit.assertStatus(200)
    edit.assertTextIncludes('value="190,50"')
    edit.assertTextIncludes('value="4"')
    edit.assertTextIncludes(`<option value="${slot.topicId}" selected`)

    const form = await client
      .get(urlFor('editorial.slots.create'))
      .withSession({})
      .withFlashMessages({
        inputErrorsBag: { capacity: ['Die Kapazität darf höchstens 20 sein.'] },
        capacity: '25',
        price: '12,34',
      })
      .loginAs(editor)
    form.assertStatus(200)
    form.assertTextIncludes('value="25"')
    form.assertTextIncludes('value="12,34"')
    form.assertTextIncludes('Die Kapazität darf höchstens 20 sein.')
  })

  test('an editor changes a slot; the audit log keeps before and after', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const slot = await SlotFactory.merge({ priceCents: 25_000 }).create()

    const response = await client
      .post(urlFor('editorial.slots.update', { id: slot.id }))
      .form({ ...validForm, topicId: String(slot.topicId), capacity: '5', price: '199,99' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('editorial.slots.index'))
    await slot.refresh()
    assert.equal(slot.capacity, 5)
    assert.equal(slot.priceCents, 19_999)
    const entry = await AuditLog.query().where('action', 'slot.updated').firstOrFail()
    assert.deepInclude(entry.before!, { capacity: 3, priceCents: 25_000 })
    assert.deepInclude(entry.after!, { capacity: 5, priceCents: 19_999 })
  })

  test('capacity below what is approved or held in a coming week is refused, naming the weeks', async ({
    client,
    assert,
  }) => {
    const editor = await createUser({ role: 'editor' })
    const slot = await SlotFactory.create()
    const [first, second, third] = upcomingWeeks(3)
    const approved = await BookingFactory.merge({ slotId: slot.id }).apply('approved').create()
    await bookWeeks(approved, [first, second])
    const held = await BookingFactory.merge({ slotId: slot.id }).create()
    await bookWeeks(held, [first, third])
    // A lapsed hold does not count.
    const lapsed = await BookingFactory.merge({ slotId: slot.id }).apply('expired').create()
    await bookWeeks(lapsed, [second, third])

    const form = { ...validForm, topicId: String(slot.topicId), capacity: '1', price: '250' }
    const response = await client
      .post(urlFor('editorial.slots.update', { id: slot.id }))
      .form(form)
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertValidationErrors('capacity', [
      `Die Kapazität kann nicht unter das bereits Gebuchte sinken. Diese Wochen sind mit mehr Anteilen gebucht oder reserviert (Anzahl in Klammern): ${first} (2). Nötig sind mindestens 2.`,
    ])
    await slot.refresh()
    assert.equal(slot.capacity, 3)
    assert.lengthOf(await AuditLog.query().where('action', 'slot.updated'), 0)

    const two = await client
      .post(urlFor('editorial.slots.update', { id: slot.id }))
      .form({ ...form, capacity: '2' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)
    two.assertHeader('location', urlFor('editorial.slots.index'))
    await slot.refresh()
    assert.equal(slot.capacity, 2)
  })

  test('a slot in use keeps its topic, position and format', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const slot = await SlotFactory.create()
    const [week] = upcomingWeeks(1)
    await bookWeeks(await BookingFactory.merge({ slotId: slot.id }).create(), [week])

    const response = await client
      .post(urlFor('editorial.slots.update', { id: slot.id }))
      .form({ ...validForm, topicId: '', capacity: '3', price: '250' })
      .loginAs(editor)
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage(
      'alert',
      `Dieser Platz hat gebuchte oder reservierte Wochen (${week}). Themenseite, Platz und Bildformat bleiben deshalb, wie sie sind.`
    )
    await slot.refresh()
    assert.isNotNull(slot.topicId)
  })

  test('deactivate and activate again, each audited once', async ({ client, assert }) => {
    const editor = await createUser({ role: 'editor' })
    const slot = await SlotFactory.create()
    const post = (route: 'editorial.slots.activate' | 'editorial.slots.deactivate') =>
      client
        .post(urlFor(route, { id: slot.id }))
        .loginAs(editor)
        .withCsrfToken()
        .redirects(0)

    const off = await post('editorial.slots.deactivate')
    off.assertHeader('location', urlFor('editorial.slots.index'))
    off.assertFlashMessage(
      'notice',
      `Anzeigenplatz ${slot.id} ist jetzt inaktiv und wird nicht mehr angeboten.`
    )
    await slot.refresh()
    assert.isFalse(slot.active)
    await post('editorial.slots.deactivate')

    const on = await post('editorial.slots.activate')
    on.assertFlashMessage('notice', `Anzeigenplatz ${slot.id} ist jetzt aktiv.`)
    await slot.refresh()
    assert.isTrue(slot.active)
    assert.lengthOf(await AuditLog.query().where('action', 'slot.deactivated'), 1)
    assert.lengthOf(await AuditLog.query().where('action', 'slot.activated'), 1)
  })

  test('unknown slots are 404', async ({ client }) => {
    const editor = await createUser({ role: 'editor' })
    const edit = await client.get(urlFor('editorial.slots.edit', { id: 999999 })).loginAs(editor)
    edit.assertStatus(404)
    const update = await client
      .post(urlFor('editorial.slots.update', { id: 999999 }))
      .form(validForm)
      .loginAs(editor)
      .withCsrfToken()
    update.assertStatus(404)
  })
})
