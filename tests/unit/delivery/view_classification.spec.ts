import { test } from '@japa/runner'
import { isCountedView } from '#services/delivery/view_classification'

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

test.group('Delivery / which views count as filtered impressions', () => {
  test('a browser GET counts', ({ assert }) => {
    assert.isTrue(isCountedView({ method: 'GET', headers: { 'user-agent': BROWSER } }))
  })

  test('bots count as raw only', ({ assert }) => {
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'curl/8.5.0',
      'python-requests/2.31.0',
    ]) {
      assert.isFalse(isCountedView({ method: 'GET', headers: { 'user-agent': agent } }), agent)
    }
  })

  test('prefetch and prerender count as raw only', ({ assert }) => {
    const ua = { 'user-agent': BROWSER }
    assert.isFalse(isCountedView({ method: 'GET', headers: { ...ua, 'sec-purpose': 'prefetch' } }))
    assert.isFalse(
      isCountedView({ method: 'GET', headers: { ...ua, 'sec-purpose': 'prefetch;prerender' } })
    )
    assert.isFalse(
      isCountedView({
        method: 'GET',
        headers: { ...ua, 'sec-purpose': 'prefetch; anonymous-client-ip' },
      })
    )
    assert.isFalse(isCountedView({ method: 'GET', headers: { ...ua, purpose: 'prefetch' } }))
    assert.isFalse(isCountedView({ method: 'GET', headers: { ...ua, purpose: 'Prefetch' } }))
  })

  test('HEAD requests count as raw only', ({ assert }) => {
    assert.isFalse(isCountedView({ method: 'HEAD', headers: { 'user-agent': BROWSER } }))
    assert.isFalse(isCountedView({ method: 'head', headers: { 'user-agent': BROWSER } }))
  })
})
