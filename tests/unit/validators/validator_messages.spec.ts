import { test } from '@japa/runner'
import { errors, type VineValidator } from '@vinejs/vine'
import type { FieldContext, MessagesProviderContact } from '@vinejs/vine/types'
import hash from '@adonisjs/core/services/hash'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import type { I18n } from '@adonisjs/i18n'
import type User from '#models/user'
import { createTopic } from '#tests/helpers/vendor_accounts'
import { createUser } from '#tests/helpers/users'
import { vendorPatchValidator, vendorValidator } from '#validators/vendor_validator'
import { searchValidator } from '#validators/search_validator'
import { topicVendorsValidator } from '#validators/topic_validator'
import {
  auditFilterValidator,
  decisionReasonValidator,
  editorialVendorFilterValidator,
  topicMoveValidator,
  topicValidator,
  userRoleValidator,
  vendorExportValidator,
} from '#validators/editorial_validator'
import { claimValidator, invitationValidator } from '#validators/membership_validator'
import {
  passwordForgotValidator,
  passwordResetValidator,
} from '#validators/password_reset_validator'
import { sessionStoreValidator } from '#validators/session_validator'
import {
  userDeleteValidator,
  userSettingsValidator,
  userSignupValidator,
} from '#validators/user_validator'

type Report = { rule: string; path: string; name: string | number; message: string }

/** Passes every message through i18n, and notes which rule and field asked for it. */
class RecordingProvider implements MessagesProviderContact {
  reports: Report[] = []
  #inner: MessagesProviderContact
  constructor(i18n: I18n) {
    this.#inner = i18n.createMessagesProvider()
  }
  getMessage(message: string, rule: string, field: FieldContext, meta?: Record<string, any>) {
    const text = this.#inner.getMessage(message, rule, field, meta)
    this.reports.push({ rule, path: field.wildCardPath, name: field.name, message: text })
    return text
  }
}

/** Words of the other language: English in German text, German in English text. */
const FOREIGN = {
  de: /\b(the|field|must|please|items?|value|characters|valid|format|should)\b/i,
  en: /[äöüß„]|\b(bitte|muss|darf|feld|mindestens|höchstens|wählen|geben|sie)\b/i,
}

/** Invalid input for every validator, so that every rule the app uses fails at least once. */
async function failingCases() {
  const topic = await createTopic('Dokumentenmanagement')
  await createUser({ email: 'taken@example.test' })
  const user = { password: await hash.use('scrypt').make('the-right-password') } as User
  const long = (n: number) => 'x'.repeat(n + 1)
  const cases: [string, VineValidator<any, any>, unknown, Record<string, unknown>?][] = [
    ['vendor: missing', vendorValidator, {}],
    [
      'vendor: wrong values',
      vendorValidator,
      {
        name: 'A',
        street: long(200),
        postalCode: '123',
        city: '',
        state: 'Atlantis',
        country: 'Deutschlandia',
        phone: 'call me',
        email: 'nope',
        website: 'javascript:alert(1)',
        description: long(10_000),
        topicIds: [],
      },
    ],
    ['vendor: wrong types', vendorValidator, { name: 7, city: ['x'], topicIds: ['a', 'b'] }],
    ['vendor: not a list', vendorValidator, { topicIds: { a: 1 } }],
    ['vendor: too many topics', vendorValidator, { topicIds: [1, 2, 3, 4, 5, 6] }],
    ['vendor: twice', vendorValidator, { topicIds: [topic.id, topic.id] }],
    ['vendor: negative', vendorValidator, { topicIds: [-1] }],
    ['vendor: fraction', vendorValidator, { topicIds: [1.5] }],
    ['vendor: unknown topic', vendorValidator, { topicIds: [topic.id + 1000] }],
    [
      'vendor patch',
      vendorPatchValidator,
      { name: null, postalCode: null, city: null, topics: [] },
    ],
    ['vendor patch: not a list', vendorPatchValidator, { topics: 'social-media' }],
    ['vendor patch: numbers', vendorPatchValidator, { topics: [1, 2] }],
    ['vendor patch: twice', vendorPatchValidator, { topics: ['a', 'a'] }],
    ['vendor patch: too many', vendorPatchValidator, { topics: ['a', 'b', 'c', 'd', 'e', 'f'] }],
    ['vendor patch: unknown', vendorPatchValidator, { topics: ['no-such-topic'] }],
    [
      'search',
      searchValidator,
      {
        q: long(200),
        topic: 'no-such-topic',
        plz: 'abc',
        radius: 'far',
        page: '0',
        perPage: '1.5',
      },
      { radiusAvailable: true },
    ],
    ['search: radius without PLZ', searchValidator, { radius: '5' }, { radiusAvailable: true }],
    [
      'search: radius too large',
      searchValidator,
      { radius: '1000', plz: '06217' },
      { radiusAvailable: true },
    ],
    [
      'search: radius too small',
      searchValidator,
      { radius: '0', plz: '06217' },
      { radiusAvailable: true },
    ],
    [
      'search: unknown PLZ',
      searchValidator,
      { radius: '5', plz: '99999' },
      { radiusAvailable: true },
    ],
    [
      'search: no distances',
      searchValidator,
      { radius: '5', plz: '06217' },
      { radiusAvailable: false },
    ],
    [
      'search: page too large',
      searchValidator,
      { page: '1000000', perPage: '0' },
      { radiusAvailable: true },
    ],
    ['topic page', topicVendorsValidator, { plz: '06x', page: 'x' }],
    ['topic page: fraction', topicVendorsValidator, { page: '1.5' }],
    ['topic page: too large', topicVendorsValidator, { page: '1000000' }],
    ['decision', decisionReasonValidator, { reason: '' }],
    ['decision: short', decisionReasonValidator, { reason: 'ab' }],
    ['decision: long', decisionReasonValidator, { reason: long(2000) }],
    ['topic', topicValidator, { name: 'a', description: long(1000) }, {}],
    ['topic: taken', topicValidator, { name: 'dokumentenmanagement' }, {}],
    ['topic: long', topicValidator, { name: long(120) }, {}],
    ['topic move', topicMoveValidator, { direction: 'sideways' }],
    ['role', userRoleValidator, { role: 'king' }],
    ['editorial filter', editorialVendorFilterValidator, { status: 'x', q: long(200), page: '0' }],
    ['audit filter', auditFilterValidator, { vendor: long(160), action: 'x', page: 'x' }],
    ['export', vendorExportValidator, { topic: long(120) }],
    ['invitation', invitationValidator, { email: 'nope', role: 'boss' }],
    ['claim', claimValidator, { message: long(2000) }],
    ['forgot password', passwordForgotValidator, {}],
    ['reset password', passwordResetValidator, { password: 'short', password_confirmation: 'x' }],
    ['reset password: long', passwordResetValidator, { password: long(200) }],
    [
      'reset password: not repeated',
      passwordResetValidator,
      { password: 'long-enough-password', password_confirmation: 'something-else' },
    ],
    ['log-in', sessionStoreValidator, { email: 5, password: long(200) }],
    [
      'sign-up',
      userSignupValidator,
      { name: 'E', email: 'taken@example.test', password: 'x', password_confirmation: 'y' },
    ],
    ['sign-up: long', userSignupValidator, { name: long(120), email: long(254) }],
    ['settings', userSettingsValidator, { name: '', locale: 'fr' }],
    ['delete account', userDeleteValidator, { password: 'wrong' }, { user }],
  ]
  return cases
}

/** Every rule the app's validators use, Vine's own and ours. */
const RULES = [
  'required',
  'string',
  'number',
  'withoutDecimals',
  'positive',
  'min',
  'max',
  'minLength',
  'maxLength',
  'regex',
  'url',
  'email',
  'enum',
  'confirmed',
  'array',
  'array.minLength',
  'array.maxLength',
  'distinct',
  'database.unique',
  'database.exists',
  'germanPostalCode',
  'postalCodePrefix',
  'germanState',
  'countryCode',
  'knownTopics',
  'knownPostalCode',
  'radiusNeedsPostalCode',
  'distancesAvailable',
  'currentPassword',
]

async function walk(locale: 'de' | 'en') {
  await i18nManager.loadTranslations()
  const i18n = i18nManager.locale(locale)
  const provider = new RecordingProvider(i18n)
  for (const [label, validator, data, meta] of await failingCases()) {
    try {
      await validator.validate(data, { messagesProvider: provider, meta })
      throw new Error(`"${label}" was accepted`)
    } catch (error) {
      if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    }
  }
  return { i18n, reports: provider.reports }
}

test.group('Validation messages speak one language', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  for (const locale of ['de', 'en'] as const) {
    test(`every failing rule has a ${locale} message and no foreign words`, async ({ assert }) => {
      const { i18n, reports } = await walk(locale)
      assert.includeMembers([...new Set(reports.map((r) => r.rule))], RULES)

      for (const { rule, path, name, message } of reports) {
        const own = (key: string) => {
          const found = i18n.resolveIdentifier(`validator.shared.${key}`)
          return found && !found.isFallback ? found : null
        }
        const where = `${rule} on ${path}: "${message}"`
        const byField = own(`messages.${path}.${rule}`)
        assert.isTrue(!!(byField || own(`messages.${rule}`)), `no ${locale} message for ${where}`)
        if (!byField) {
          // A generic message names the field: list items have no name of their own.
          assert.isString(name, `list items need their own message: ${where}`)
          assert.isNotNull(own(`fields.${name}`), `no ${locale} name for the field of ${where}`)
        }
        assert.notMatch(message, FOREIGN[locale], `foreign words in ${where}`)
      }
    })
  }
})
