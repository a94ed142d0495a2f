import { test } from '@japa/runner'
import { parseFrameAncestors } from '#services/embeds/frame_ancestors'

test.group('EMBED_FRAME_ANCESTORS', () => {
  test("unset or empty: only the portal itself ('self')", ({ assert }) => {
    assert.deepEqual(parseFrameAncestors(undefined), { sources: ["'self'"] })
    assert.deepEqual(parseFrameAncestors('  '), { sources: ["'self'"] })
  })

  test('a list of origins, by spaces or commas, without trailing slashes or repeats', ({
    assert,
  }) => {
    assert.deepEqual(
      parseFrameAncestors(
        "https://a.example  https://b.example/, https://*.news.example.org 'self' http://localhost:8080 https://a.example"
      ),
      {
        sources: [
          'https://a.example',
          'https://b.example',
          'https://*.news.example.org',
          "'self'",
          'http://localhost:8080',
        ],
      }
    )
  })

  test("* (any site) and 'none' (no site) only alone", ({ assert }) => {
    assert.deepEqual(parseFrameAncestors('*'), { sources: ['*'] })
    assert.deepEqual(parseFrameAncestors("'none'"), { sources: ["'none'"] })
    assert.property(parseFrameAncestors('* https://a.example'), 'error')
    assert.property(parseFrameAncestors("'none' 'self'"), 'error')
  })

  test('anything that is no origin is refused, by name', ({ assert }) => {
    for (const value of [
      'a.example',
      'https://a.example/path',
      'ftp://a.example',
      'https://a.example:port',
      "https://a.example; script-src 'unsafe-inline'",
      'self',
      'javascript:alert(1)',
    ]) {
      const parsed = parseFrameAncestors(value)
      assert.property(parsed, 'error', value)
      if ('error' in parsed) assert.include(parsed.error, 'is not an origin', value)
    }
  })
})
