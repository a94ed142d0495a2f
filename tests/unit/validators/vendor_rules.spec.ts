import { test } from '@japa/runner'
import vine, { errors } from '@vinejs/vine'
import i18nManager from '@adonisjs/i18n/services/main'
import {
  countryCode,
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
    country: countryCode().optional(),
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
      ['www.seitenbau.com', true],
      ['ftp://example.de/file', false],
      ['javascript:alert(1)', false],
      ['data:text/html,x', false],
      ['https://', false],
      ['localhost:3000', false],
      ['not a website', false],
    ] as const)
    .run(async ({ assert }, [value, valid]) => {
      const messages = await messagesFor({ website: value })
      assert.equal(!messages.website, valid)
      if (!valid) assert.include(messages.website, 'www.example.de')
    })

  test('a website without a scheme is stored with https://: {0}')
    .with([
      ['www.example.de', 'https://www.example.de'],
      [' example.de/kontakt ', 'https://example.de/kontakt'],
      ['example.de:8080/a', 'https://example.de:8080/a'],
      ['//example.de', 'https://example.de'],
      ['http://example.de', 'http://example.de'],
      ['HTTPS://Example.de', 'HTTPS://Example.de'],
    ] as const)
    .run(async ({ assert }, [value, stored]) => {
      const output = await validator.validate({ website: value })
      assert.equal(output.website, stored)
    })

  test('a country is an ISO code, or a German or English name: {0}')
    .with([
      ['DE', 'DE'],
      ['at', 'AT'],
      ['Deutschland', 'DE'],
      ['Österreich', 'AT'],
      ['switzerland', 'CH'],
      ['De', 'DE'],
    ] as const)
    .run(async ({ assert }, [value, stored]) => {
      const output = await validator.validate({ country: value })
      assert.equal(output.country, stored)
    })

  test('anything else is no country: {0}')
    .with(['Deutschlandia', 'XX', 'EU', '<s', ''])
    .run(async ({ assert }, value) => {
      assert.deepEqual(await messagesFor({ country: value }), {
        country: 'Bitte wählen Sie ein Land aus der Liste.',
      })
      assert.deepEqual(await messagesFor({ country: value }, 'en'), {
        country: 'Please choose a country from the list.',
      })
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
      { postalCode: '123', website: 'javascript:alert(1)', email: 'nope' },
      'en'
    )
    assert.equal(
      messages.postalCode,
      'A German postal code has exactly 5 digits, for example 06217.'
    )
    assert.equal(messages.website, 'Please enter a web address, for example www.example.de.')
    assert.equal(messages.email, 'Please enter a valid e-mail address.')
  })
})
