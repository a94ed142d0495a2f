import { test } from '@japa/runner'
import { MemoryClickDedupe } from '#services/delivery/click_dedupe'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15'

// Europe/Berlin: 23:30 on 15 January is 22:30 UTC; midnight is 23:00 UTC.
const evening = new Date('2027-01-15T22:30:00Z')
const lateEvening = new Date('2027-01-15T22:59:59Z')
const nextMorning = new Date('2027-01-15T23:00:00Z')

test.group('Delivery / click de-duplication', () => {
  test('a click counts once per token, viewer and Berlin day', async ({ assert }) => {
    const dedupe = new MemoryClickDedupe()
    assert.isTrue(await dedupe.firstClick('token-a', '203.0.113.5', FIREFOX, evening))
    assert.isFalse(await dedupe.firstClick('token-a', '203.0.113.5', FIREFOX, evening))
    assert.isFalse(await dedupe.firstClick('token-a', '203.0.113.5', FIREFOX, lateEvening))
    // After midnight in Berlin (still the 15th in UTC) it is a new day.
    assert.isTrue(await dedupe.firstClick('token-a', '203.0.113.5', FIREFOX, nextMorning))
    assert.isFalse(await dedupe.firstClick('token-a', '203.0.113.5', FIREFOX, nextMorning))
  })

  test('another token, user agent or IP is another click', async ({ assert }) => {
    const dedupe = new MemoryClickDedupe()
    assert.isTrue(await dedupe.firstClick('token-a', '203.0.113.5', FIREFOX, evening))
    assert.isTrue(await dedupe.firstClick('token-b', '203.0.113.5', FIREFOX, evening))
    assert.isTrue(await dedupe.firstClick('token-a', '203.0.113.5', SAFARI, evening))
    assert.isTrue(await dedupe.firstClick('token-a', '198.51.100.7', FIREFOX, evening))
    assert.isFalse(await dedupe.firstClick('token-a', '198.51.100.7', FIREFOX, evening))
    assert.equal(dedupe.size, 4)
  })

  test("yesterday's viewers are dropped with the day", async ({ assert }) => {
    const dedupe = new MemoryClickDedupe()
    for (let i = 0; i < 50; i++)
      await dedupe.firstClick(`token-${i}`, '203.0.113.5', FIREFOX, evening)
    assert.equal(dedupe.size, 50)
    await dedupe.firstClick('token-0', '203.0.113.5', FIREFOX, nextMorning)
    assert.equal(dedupe.size, 1)
  })
})
