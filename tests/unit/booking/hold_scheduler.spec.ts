import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { BookingFactory } from '#database/factories/booking_factory'
import { startHoldExpiryScheduler } from '#services/booking/hold_scheduler'

/** Polls until `check` holds (the scheduler's timer runs on its own). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 3000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return false
}

test.group('Hold expiry scheduler (npm start)', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('runs the expiry on its timer until stopped', async ({ assert, cleanup }) => {
    const lapsed = await BookingFactory.apply('expired').create()
    const stop = startHoldExpiryScheduler(50)
    cleanup(() => stop())

    const expired = await eventually(async () => {
      await lapsed.refresh()
      return lapsed.status === 'expired'
    })
    assert.isTrue(expired)

    await stop()
    const later = await BookingFactory.apply('expired').create()
    await new Promise((resolve) => setTimeout(resolve, 200))
    await later.refresh()
    assert.equal(later.status, 'requested')
  })
})
