import { test } from '@japa/runner'
import { errors } from '@vinejs/vine'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import { TopicFactory } from '#database/factories/topic_factory'
import {
  vendorAttributes,
  vendorPatchValidator,
  vendorValidator,
} from '#validators/vendor_validator'

async function topics(count: number) {
  const rows = await TopicFactory.createMany(count)
  return rows.map((topic) => topic.id)
}

async function messagesOf(
  validator: typeof vendorValidator | typeof vendorPatchValidator,
  data: Record<string, unknown>,
  locale = 'de'
) {
  await i18nManager.loadTranslations()
  try {
    await validator.validate(data, {
      messagesProvider: i18nManager.locale(locale).createMessagesProvider(),
    })
    return {}
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    const byField: Record<string, string> = {}
    for (const m of error.messages as { field: string; message: string }[])
      byField[m.field] ??= m.message
    return byField
  }
}

test.group('Validators / vendor', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a complete vendor passes, normalized', async ({ assert }) => {
    const topicIds = await topics(2)
    const output = await vendorValidator.validate({
      name: '  Stadtwerk Digital GmbH ',
      street: null,
      postalCode: ' 06108 ',
      city: 'Halle (Saale)',
      state: 'sachsen-anhalt',
      country: 'de',
      phone: '+49 (0)345 123-45/6',
      email: 'info@example.de',
      website: 'https://example.de',
      description: null,
      topicIds: topicIds.map(String),
    })
    assert.deepEqual(vendorAttributes(output), {
      name: 'Stadtwerk Digital GmbH',
      street: null,
      postalCode: '06108',
      city: 'Halle (Saale)',
      state: 'Sachsen-Anhalt',
      country: 'DE',
      phone: '+49 (0)345 123-45/6',
      email: 'info@example.de',
      website: 'https://example.de',
      description: '',
    })
    assert.deepEqual(output.topicIds, topicIds)
  })

  test('a single checked topic box counts as a list of one', async ({ assert }) => {
    const [id] = await topics(1)
    const output = await vendorValidator.validate({
      name: 'Ab',
      postalCode: '35390',
      city: 'Gießen',
      topicIds: String(id),
    })
    assert.deepEqual(output.topicIds, [id])
    assert.equal(vendorAttributes(output).country, 'DE')
  })

  test('bad input gets a German message per field', async ({ assert }) => {
    const ids = await topics(6)
    const messages = await messagesOf(vendorValidator, {
      name: 'A',
      postalCode: '6108',
      city: null,
      state: 'Bavaria',
      phone: 'call me',
      email: 'nope',
      website: 'javascript:alert(1)',
      description: 'x'.repeat(10_001),
      topicIds: ids,
    })
    assert.equal(messages.name, '„Name“ muss mindestens 2 Zeichen lang sein.')
    assert.equal(messages.postalCode, 'Eine PLZ hat genau 5 Ziffern, zum Beispiel 06217.')
    assert.equal(messages.city, 'Bitte füllen Sie das Feld „Ort“ aus.')
    assert.equal(messages.state, 'Bitte wählen Sie eines der 16 Bundesländer.')
    assert.equal(
      messages.phone,
      'Eine Telefonnummer enthält nur Ziffern, Leerzeichen und + - ( ) /.'
    )
    assert.equal(messages.email, 'Bitte geben Sie eine gültige E-Mail-Adresse an.')
    assert.include(messages.website, 'www.example.de')
    assert.equal(messages.description, '„Beschreibung“ darf höchstens 10000 Zeichen lang sein.')
    assert.equal(messages.topicIds, 'Bitte wählen Sie höchstens 5 Themen.')
  })

  test('topics: none, unknown ones and duplicates are refused', async ({ assert }) => {
    const [id] = await topics(1)
    const base = { name: 'Anbieter', postalCode: '10115', city: 'Berlin' }
    const missing = await messagesOf(vendorValidator, base)
    const empty = await messagesOf(vendorValidator, { ...base, topicIds: [] })
    const unknown = await messagesOf(vendorValidator, { ...base, topicIds: [id, id + 1000] })
    const twice = await messagesOf(vendorValidator, { ...base, topicIds: [id, id] }, 'en')
    assert.equal(missing.topicIds, 'Bitte wählen Sie 1 bis 5 Themen.')
    assert.equal(empty.topicIds, 'Bitte wählen Sie mindestens 1 Thema.')
    assert.equal(unknown.topicIds, 'Mindestens eines der gewählten Themen gibt es nicht.')
    assert.equal(twice.topicIds, 'Each topic can be chosen only once.')
  })

  test('a patch validates only the given fields and keeps null to clear', async ({ assert }) => {
    const output = await vendorPatchValidator.validate({ city: ' Jena ', website: null })
    assert.deepEqual(output, { city: 'Jena', website: null })
    const messages = await messagesOf(vendorPatchValidator, { postalCode: '1' }, 'en')
    assert.deepEqual(Object.keys(messages), ['postalCode'])
  })
})
