import { test } from '@japa/runner'
import vine, { errors } from '@vinejs/vine'
import i18nManager from '@adonisjs/i18n/services/main'
import {
  emailAddress,
  germanPostalCode,
  isGermanPostalCode,
  postalCodePrefix,
  websiteUrl,
} from '#validators/vendor_rules'

const validator = vine.compile(
  vine.object({
    postalCode: germanPostalCode().optional(),
    plz: postalCodePrefix().optional(),
    website: websiteUrl().optional(),
    email: emailAddress().optional(),
  })
)

async function messagesFor(data: Record<string, unknown>, locale = 'de') {
  await i18nManager.loadTranslations()
  try {
    await validator.validate(data, {
      messagesProvider: i18nManager.locale(locale).createMessagesProvider(),
    })
    return {}
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    return Object.fromEntries(
      (error.messages as { field: string; message: string }[]).map((m) => [m.field, m.message])
    )
  }
}

test.group('Validators / vendor rules', () => {
  test('a German postal code has exactly five digits: {0}')
    .with([
      ['06217', true],
      ['35398', true],
      [' 78467 ', true],
      ['6217', false],
      ['062170', false],
      ['0621a', false],
      ['D-06217', false],
      ['', false],
    ] as const)
    .run(async ({ assert }, [value, valid]) => {
      const messages = await messagesFor({ postalCode: value })
      assert.equal(!messages.postalCode, valid)
      if (!valid)
        assert.equal(messages.postalCode, 'Eine PLZ hat genau 5 Ziffern, zum Beispiel 06217.')
    })

  test('a postal code keeps its leading zero and loses surrounding spaces', async ({ assert }) => {
    const output = await validator.validate({ postalCode: ' 06108 ' })
    assert.equal(output.postalCode, '06108')
    assert.isTrue(isGermanPostalCode('06108'))
    assert.isFalse(isGermanPostalCode(6108))
  })

  test('a PLZ region is one to five digits: {0}')
    .with([
      ['0', true],
      ['06', true],
      ['06217', true],
      ['062171', false],
      ['06x', false],
    ] as const)
    .run(async ({ assert }, [value, valid]) => {
      const messages = await messagesFor({ plz: value })
      assert.equal(!messages.plz, valid)
    })

  test('a website is an http or https URL: {0}')
    .with([
      ['https://www.seitenbau.com', true],
      ['http://ekom21.de/kontakt?x=1', true],
      ['www.seitenbau.com', false],
      ['ftp://example.de/file', false],
      ['javascript:alert(1)', false],
      ['https://', false],
    ] as const)
    .run(async ({ assert }, [value, valid]) => {
      const messages = await messagesFor({ website: value })
      assert.equal(!messages.website, valid)
      if (!valid) assert.include(messages.website, 'https://')
    })

  test('an e-mail address must be valid: {0}')
    .with([
      ['info@ekom21.de', true],
      ['vorname.nachname@beispiel-verwaltung.de', true],
      ['info@', false],
      ['info ekom21.de', false],
      ['<script>@x.de', false],
    ] as const)
    .run(async ({ assert }, [value, valid]) => {
      const messages = await messagesFor({ email: value })
      assert.equal(!messages.email, valid)
    })

  test('messages are in English for English readers', async ({ assert }) => {
    const messages = await messagesFor(
      { postalCode: '123', website: 'example.de', email: 'nope' },
      'en'
    )
    assert.equal(
      messages.postalCode,
      'A German postal code has exactly 5 digits, for example 06217.'
    )
    assert.equal(
      messages.website,
      'Please enter a complete address starting with http:// or https://.'
    )
    assert.equal(messages.email, 'Please enter a valid e-mail address.')
  })
})
