import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import i18nManager from '@adonisjs/i18n/services/main'
import { formatters } from '@adonisjs/i18n'
import { MemoizedFormatter } from '#services/i18n/memoized_formatter'

/** AdonisJS's ICU formatter behind a counter of the calls that reach it. */
async function counted() {
  const icu = (await formatters.icu().resolver(app))(i18nManager.config)
  const calls = { count: 0 }
  const formatter = new MemoizedFormatter({
    name: icu.name,
    format(message, locale, data) {
      calls.count++
      return icu.format(message, locale, data)
    },
  })
  return { formatter, calls }
}

test.group('i18n / memoized ICU formatter', () => {
  test('formats like ICU and formats a repeated message once', async ({ assert }) => {
    const { formatter, calls } = await counted()
    const message = 'Ausgewählte Anbieter aus dem Bereich {topic}'

    for (let view = 0; view < 3; view++) {
      assert.equal(
        formatter.format(message, 'de', { topic: 'Social Media' }),
        'Ausgewählte Anbieter aus dem Bereich Social Media'
      )
    }
    assert.equal(calls.count, 1)
  })

  test('other values, locales and plural counts are formatted apart', async ({ assert }) => {
    const { formatter } = await counted()
    const message = '{count, plural, one {# Anbieter} other {# Anbieter}} in {topic}'

    assert.equal(formatter.format(message, 'de', { count: 1, topic: 'A' }), '1 Anbieter in A')
    assert.equal(
      formatter.format(message, 'de', { count: 2000, topic: 'A' }),
      '2.000 Anbieter in A'
    )
    assert.equal(
      formatter.format(message, 'en', { count: 2000, topic: 'A' }),
      '2,000 Anbieter in A'
    )
    assert.equal(
      formatter.format(message, 'de', { count: 2000, topic: 'B' }),
      '2.000 Anbieter in B'
    )
  })

  test('dates are formatted every time, never kept', async ({ assert }) => {
    const { formatter, calls } = await counted()
    const message = 'Stand: {day, date, medium}'

    const first = formatter.format(message, 'de', { day: new Date('2026-12-01T12:00:00Z') })
    const second = formatter.format(message, 'de', { day: new Date('2026-12-02T12:00:00Z') })
    assert.notEqual(first, second)
    assert.equal(calls.count, 2)
  })
})
