import { DateTime } from 'luxon'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import i18nManager from '@adonisjs/i18n/services/main'
import { errors } from '@vinejs/vine'
import { SlotFactory } from '#database/factories/slot_factory'
import { BookingMessages, bookingStoreValidator } from '#validators/booking_validator'

/** Thursday of 2026-W52, in Berlin: next week is 2026-W53, which exists. */
const NOW = DateTime.fromISO('2026-12-24T12:00:00', { zone: 'Europe/Berlin' })

async function weeksError(slotId: number, weeks: string[], locale = 'de') {
  try {
    await bookingStoreValidator.validate(
      {
        slotId,
        weeks,
        creative: {
          kind: 'text',
          headline: 'Kopf',
          body: 'Text der Anzeige',
          url: 'https://a.de/',
        },
      },
      { meta: { now: NOW }, messagesProvider: new BookingMessages(i18nManager.locale(locale)) }
    )
    return null
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    return (error.messages as { field: string; message: string }[]).find(
      (message) => message.field === 'weeks'
    )!.message
  }
}

test.group('bookingStoreValidator / the booking window at the year end', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('from next week (2026-W53) up to 52 weeks ahead, by the clock it is given', async ({
    assert,
  }) => {
    const slot = await SlotFactory.create()

    assert.isNull(await weeksError(slot.id, ['2026-W53', '2027-W01']))
    // 52 weeks after 2026-W52 is 2027-W51: 2026 has 53 weeks.
    assert.isNull(await weeksError(slot.id, ['2027-W51']))
    assert.equal(
      await weeksError(slot.id, ['2026-W52', '2026-W53']),
      'Gebucht werden kann ab 2026-W53; nicht: 2026-W52.'
    )
    assert.equal(
      await weeksError(slot.id, ['2027-W53'], 'en'),
      'Weeks are ISO calendar weeks such as 2027-W02: 2027-W53'
    )
    assert.equal(
      await weeksError(slot.id, ['2027-W52', '2028-W01']),
      'Gebucht werden kann höchstens 52 Wochen im Voraus, bis 2027-W51; nicht: 2027-W52, 2028-W01.'
    )
    assert.equal(
      await weeksError(slot.id, ['2027-W01', '2027-W01']),
      'Jede Woche kann nur einmal gewählt werden.'
    )
  })
})
