import vine from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { SUBSCRIPTION_FREQUENCIES, SUBSCRIPTION_KINDS } from '#models/subscription'
import { ScopedMessages } from '#validators/scoped_messages'
import { knownTopicsRule } from '#validators/vendor_validator'

/** A single checked box arrives as a string, several as an array. */
function asList(value: unknown) {
  if (value === undefined || value === null || value === '') return undefined
  return Array.isArray(value) ? value : [value]
}

/** Topics (by slug), kinds and frequency: what the manage page changes. */
const choice = {
  topics: vine
    .array(vine.string().trim().maxLength(160))
    .parse(asList)
    .minLength(1)
    .maxLength(100)
    .distinct()
    .use(knownTopicsRule({ column: 'slug' })),
  kinds: vine.array(vine.enum(SUBSCRIPTION_KINDS)).parse(asList).minLength(1).distinct(),
  frequency: vine.enum(SUBSCRIPTION_FREQUENCIES),
}

/** The public form and `POST /api/v1/subscriptions`. */
export const subscriptionStoreValidator = vine.compile(
  vine.object({
    email: vine.string().trim().maxLength(254).email(),
    ...choice,
  })
)

/** The manage page (the address itself cannot change: cancel and subscribe again). */
export const subscriptionUpdateValidator = vine.compile(vine.object(choice))

export function subscriptionMessages(i18n: I18n) {
  return { messagesProvider: new ScopedMessages(i18n, 'validator.subscriptions') }
}
